import type { WebFeature } from '../../app/types';
import { ReceiptsToConfirmStat } from './components/ReceiptsToConfirmStat';
import { receivableRoutes } from './routes';
import { timelineRenderers } from './timeline';

/** 回款与应收 (DEAL-2, DEAL-3): receipts, ageing, dunning, rates, statements; on finance's home page the receipts to confirm. */
export const receivablesWeb: WebFeature = {
  name: 'receivables',
  routes: receivableRoutes,
  timelineRenderers,
  homeWidgets: [
    { key: 'receiptsToConfirm', kind: 'stat', order: 60, title: 'receipts:homeWidgets.receiptsToConfirm', rank: { finance: 10 }, access: ['receipt:read', 'receipt:confirm'], element: <ReceiptsToConfirmStat /> },
  ],
};
