import { DatePicker, Flex, Grid, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONTACT_LOG_KINDS } from '../../../../shared/contracts/contact-log';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { date, id, oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { useAuth } from '../../../app/auth';
import { AccountSelect } from '../../accounts';
import { useContactLogs } from '../api';
import { LogList } from '../components/LogList';

/** /contact-log — 大客户联系情况表 across my accounts, filtered by account, kind, period and text. */
export function ContactLogPage() {
  const { t } = useTranslation('contactLog');
  const phone = Grid.useBreakpoint().md === false;
  const { can } = useAuth();
  const state = useListState({ q: text(), accountId: id(), kind: oneOf(CONTACT_LOG_KINDS), from: date(), to: date() });
  const { accountId, kind, from, to } = state.filters;
  const search = useTextFilter(state, 'q');
  const logs = useContactLogs(state.query);
  return (
    <div>
      <PageHeader title={t('title')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('filters.q')} {...search.search} style={{ width: phone ? '100%' : 260 }} />
        {/* picking an account reads the account list: only for those who may read accounts */}
        {can('account:read') && (
          <div style={{ width: phone ? '100%' : 240 }}>
            <AccountSelect value={accountId ?? null} onChange={(v) => state.set({ accountId: v ?? undefined })} />
          </div>
        )}
        <Select allowClear placeholder={t('fields.kind')} value={kind} onChange={(v) => state.set({ kind: v })} style={{ width: 110 }} options={CONTACT_LOG_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <DatePicker.RangePicker
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          placeholder={[t('filters.from'), t('filters.to')]}
          onChange={(r) => state.set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      {logs.isError && <ErrorAlert error={logs.error} onRetry={() => void logs.refetch()} />}
      <LogList
        items={logs.data?.items ?? []}
        loading={logs.isLoading}
        editable={can('contact:write')}
        showAccount
        pagination={{ ...state.pagination, total: logs.data?.total ?? 0 }}
      />
    </div>
  );
}
