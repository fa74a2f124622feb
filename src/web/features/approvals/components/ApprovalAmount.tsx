import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem } from '../../../../shared/contracts/approvals';
import { MoneyText } from '../../../components/MoneyText';

type Amounts = Pick<ApprovalItem, 'amount' | 'amountLabel' | 'secondAmount' | 'secondAmountLabel'>;

/**
 * An approval's amount in a list cell as its document names it (预算金额, 申请金额, 报销金额…), with
 * the document's second figure under it when there is one to see (an advance, the estimate beside
 * the actual cost).
 */
export function ApprovalAmount({ a }: { a: Amounts }) {
  const { t } = useTranslation();
  return (
    <div data-testid="approval-amount">
      <MoneyText fen={a.amount} />
      <div style={{ fontSize: 12, lineHeight: 1.4 }}>
        <Typography.Text type="secondary">{t(a.amountLabel)}</Typography.Text>
      </div>
      {a.secondAmountLabel && a.secondAmount !== null && a.secondAmount > 0 && (
        <div style={{ fontSize: 12, lineHeight: 1.4, whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{t(a.secondAmountLabel)} </Typography.Text>
          <MoneyText fen={a.secondAmount} />
        </div>
      )}
    </div>
  );
}

/** The approval page's items for its amounts: the amount under its own label, and the second figure under its. */
export function approvalAmountItems(a: Amounts, t: (key: string) => string) {
  return [
    { key: 'amount', label: t(a.amountLabel), children: <span data-testid="approval-amount"><MoneyText fen={a.amount} strong /></span> },
    ...(a.secondAmountLabel ? [{ key: 'secondAmount', label: t(a.secondAmountLabel), children: <span data-testid="approval-second-amount"><MoneyText fen={a.secondAmount} /></span> }] : []),
  ];
}
