import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { GIFT_APPLICATION_STATUSES, type GiftApplicationListItem, type GiftApplicationStatus } from '../../../../shared/contracts/gifts';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { flag, oneOf, useListState } from '../../../components/useListState';
import { useGiftApplications } from '../api';

export const STATUS_COLORS: Record<string, string> = { issued: 'green', approved: 'success' };

/** 礼品馈赠申请 in the caller's scope, newest first; over-cap ones carry the compliance flag. */
export function GiftApplicationsPage() {
  const { t } = useTranslation('gifts');
  const { can } = useAuth();
  const navigate = useNavigate();
  const state = useListState({ status: oneOf(GIFT_APPLICATION_STATUSES), overCap: flag() });
  const { status, overCap } = state.filters;
  const list = useGiftApplications(state.query);
  const columns: ColumnsType<GiftApplicationListItem> = [
    { title: t('form.giftOn'), dataIndex: 'giftOn', width: 110 },
    { title: t('form.account'), dataIndex: 'accountName', render: (v: string, r) => <Link to={`/gifts/applications/${r.id}`}>{v}</Link> },
    { title: t('form.contact'), dataIndex: 'contactName' },
    { title: t('form.item'), dataIndex: 'itemName', render: (v: string, r) => `${v} × ${r.quantity}` },
    { title: t('form.value'), dataIndex: 'value', align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    {
      title: t('detail.status'),
      dataIndex: 'status',
      render: (v: string, r) => (
        <Flex gap={4} wrap>
          <StatusTag value={v} labelPrefix="gifts:statuses" colors={STATUS_COLORS} />
          {r.overCap && <Tag color="red">{t('overCapShort')}</Tag>}
        </Flex>
      ),
    },
    { title: t('detail.applicant'), dataIndex: 'ownerName' },
  ];
  return (
    <>
      <PageHeader
        title={t('applications.title')}
        extra={
          can('gift:apply') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/gifts/applications/new')} data-testid="gift-application-new">
              {t('applications.new')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<GiftApplicationStatus>
          allowClear
          placeholder={t('applications.filterStatus')}
          style={{ minWidth: 140 }}
          options={GIFT_APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          value={status}
          onChange={(v) => state.set({ status: v })}
        />
        <Checkbox checked={overCap} onChange={(e) => state.set({ overCap: e.target.checked })}>{t('applications.filterOverCap')}</Checkbox>
      </Flex>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<GiftApplicationListItem>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: true }}
        data-testid="gift-applications"
        pagination={{ ...state.pagination, total: list.data?.total ?? 0 }}
      />
    </>
  );
}
