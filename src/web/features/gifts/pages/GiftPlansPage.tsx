import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../components/PageHeader';
import { id, useListState } from '../../../components/useListState';
import { AccountSelect } from '../../accounts';
import { GiftPlanTab } from '../components/GiftPlanTab';

/** 礼品馈赠计划表 per account, picked here; the account's 360 page shows the same table in its 礼品馈赠 tab. */
export function GiftPlansPage() {
  const { t } = useTranslation('gifts');
  const { can } = useAuth();
  const state = useListState({ accountId: id() });
  const accountId = state.filters.accountId ?? null;
  return (
    <>
      <PageHeader title={t('plans.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <AccountSelect value={accountId} onChange={(account) => state.set({ accountId: account ?? undefined })} placeholder={t('plans.pickAccount')} data-testid="gift-plan-account" />
      </Card>
      {accountId && <GiftPlanTab accountId={accountId} editable={can('gift:apply')} />}
    </>
  );
}
