import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Grid, Input, List, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RECEPTION_KINDS, RECEPTION_STATUSES, REPORT_STATUSES, type ReceptionSummary } from '../../../../shared/contracts/receptions';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useReceptions } from '../api';
import { ReceptionStatus } from '../components/ReceptionStatus';

type Filters = { page: number; pageSize: number; q?: string; kind?: string; status?: string; reportStatus?: string; from?: string; to?: string };

/** /receptions — receptions and site tours in my scope, filtered by kind, status, report status and dates. */
export function ReceptionsPage() {
  const { t } = useTranslation('receptions');
  const { can } = useAuth();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const list = useReceptions(filters);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const range = (v: [Dayjs | null, Dayjs | null] | null) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') });

  const columns = [
    { title: t('fields.startsAt'), key: 'startsAt', render: (r: ReceptionSummary) => <DateTime value={r.startsAt} /> },
    { title: t('fields.account'), key: 'account', render: (r: ReceptionSummary) => <Link to={`/receptions/${r.id}`}>{r.account.name}</Link> },
    { title: t('fields.kind'), key: 'kind', render: (r: ReceptionSummary) => <Tag>{t(`kinds.${r.kind}`)}</Tag> },
    { title: t('fields.level'), key: 'level', render: (r: ReceptionSummary) => t(`levels.${r.level}`) },
    { title: t('fields.owner'), key: 'owner', render: (r: ReceptionSummary) => r.owner.name },
    { title: t('fields.costTotal'), key: 'cost', align: 'right' as const, render: (r: ReceptionSummary) => <MoneyText fen={r.costTotal} /> },
    { title: t('fields.spentTotal'), key: 'spent', align: 'right' as const, render: (r: ReceptionSummary) => <MoneyText fen={r.spentTotal} /> },
    { title: t('fields.status'), key: 'status', render: (r: ReceptionSummary) => <ReceptionStatus reception={r} /> },
  ];

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        extra={
          can('reception:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/receptions/new')} data-testid="reception-new">
              {t('application.new')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('list.search')} style={{ width: phone ? '100%' : 220 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder={t('fields.kind')} style={{ width: 120 }} options={RECEPTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} onChange={(kind) => set({ kind })} />
        <Select allowClear placeholder={t('fields.status')} style={{ width: 130 }} options={RECEPTION_STATUSES.map((k) => ({ value: k, label: t(`statuses.${k}`) }))} onChange={(status) => set({ status })} />
        <Select allowClear placeholder={t('fields.reportStatus')} style={{ width: 140 }} options={REPORT_STATUSES.map((k) => ({ value: k, label: t(`reportStatuses.${k}`) }))} onChange={(reportStatus) => set({ reportStatus })} data-testid="filter-report" />
        <DatePicker.RangePicker style={{ width: phone ? '100%' : 260 }} onChange={(v) => range(v as [Dayjs | null, Dayjs | null] | null)} />
      </Flex>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {phone ? (
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('list.empty') }}
          pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.data?.total ?? 0, onChange: (page) => setFilters((f) => ({ ...f, page })), size: 'small' }}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => navigate(`/receptions/${r.id}`)}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{r.account.name}</Typography.Text>
                <MoneyText fen={r.costTotal} />
              </Flex>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text type="secondary">
                  <DateTime value={r.startsAt} /> · {t(`kinds.${r.kind}`)}
                </Typography.Text>
                <ReceptionStatus reception={r} />
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: t('list.empty') }}
          pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }}
        />
      )}
    </div>
  );
}
