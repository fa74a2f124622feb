import { DatePicker, Flex, Grid, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CONTACT_LOG_KINDS, type ContactLogKind } from '../../../../shared/contracts/contact-log';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useAuth } from '../../../app/auth';
import { AccountSelect } from '../../accounts';
import { useContactLogs } from '../api';
import { LogList } from '../components/LogList';

/** /contact-log — 大客户联系情况表 across my accounts, filtered by account, kind, period and text. */
export function ContactLogPage() {
  const { t } = useTranslation('contactLog');
  const phone = Grid.useBreakpoint().md === false;
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const q = params.get('q') ?? undefined;
  const kind = (params.get('kind') as ContactLogKind | null) ?? undefined;
  const accountId = Number(params.get('accountId')) || undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const logs = useContactLogs({ page, pageSize: 20, q, kind, accountId, from, to });
  const set = (next: Record<string, string | number | undefined>) => {
    const values: Record<string, string | number | undefined> = { q, kind, accountId, from, to, page: undefined, ...next };
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) merged[k] = String(v);
    setParams(merged, { replace: true });
  };
  return (
    <div>
      <PageHeader title={t('title')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('filters.q')} defaultValue={q} onSearch={(v) => set({ q: v || undefined })} style={{ width: phone ? '100%' : 260 }} />
        <div style={{ width: phone ? '100%' : 240 }}>
          <AccountSelect value={accountId ?? null} onChange={(v) => set({ accountId: v ?? undefined })} />
        </div>
        <Select allowClear placeholder={t('fields.kind')} value={kind} onChange={(v) => set({ kind: v })} style={{ width: 110 }} options={CONTACT_LOG_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <DatePicker.RangePicker
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          placeholder={[t('filters.from'), t('filters.to')]}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      {logs.isError && <ErrorAlert error={logs.error} onRetry={() => void logs.refetch()} />}
      <LogList
        items={logs.data?.items ?? []}
        loading={logs.isLoading}
        editable={can('contact:write')}
        showAccount
        pagination={{ current: page, pageSize: 20, total: logs.data?.total ?? 0, onChange: (p) => set({ page: p }) }}
      />
    </div>
  );
}
