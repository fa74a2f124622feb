import { CheckOutlined, CloseOutlined, DeleteOutlined, EditOutlined, MoreOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Dropdown, Empty, Flex, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Countermeasure, CountermeasureStatus, Need, NeedStatus } from '../../../../shared/contracts/needs';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { useApiError, useFeedback } from '../../../components/feedback';
import { timelineKeys } from '../../timeline';
import { contactLabel, needsKeys, useAccountNeeds } from '../api';
import { CountermeasureDrawer } from './CountermeasureDrawer';
import { NeedDrawer } from './NeedDrawer';

const NEED_COLORS: Record<NeedStatus, string> = { open: 'processing', met: 'success', dropped: 'default' };
const MEASURE_COLORS: Record<CountermeasureStatus, string> = { open: 'processing', done: 'success', dropped: 'default' };

type Change = { kind: 'need' | 'measure'; id: number; version: number } & ({ status: string } | { remove: true });

/** 需求与对策 (ACC-8): the seed 001 forms 大客户需求分析表 and 大客户需要对策表 of one account. */
export function NeedsTab({ accountId, editable, contactsReadable }: { accountId: number; editable: boolean; contactsReadable: boolean }) {
  const { t } = useTranslation('needs');
  const data = useAccountNeeds(accountId);
  const phone = Grid.useBreakpoint().md === false;
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  const showError = useApiError();
  const [need, setNeed] = useState<Need | 'new' | null>(null);
  const [measure, setMeasure] = useState<Countermeasure | 'new' | null>(null);

  const change = useMutation({
    mutationFn: (c: Change) => {
      const base = c.kind === 'need' ? `/api/needs/${c.id}` : `/api/countermeasures/${c.id}`;
      return 'remove' in c ? api.delete(`${base}?version=${c.version}`) : api.patch(base, { status: c.status, version: c.version });
    },
    onSuccess: () => {
      void message.success(t('saved'));
      void qc.invalidateQueries({ queryKey: needsKeys.ofAccount(accountId) });
      void qc.invalidateQueries({ queryKey: timelineKeys.ofAccount(accountId) });
    },
    onError: (err) => showError(err, undefined, () => void qc.invalidateQueries({ queryKey: needsKeys.ofAccount(accountId) })),
  });
  const confirmDelete = (c: Change) =>
    modal.confirm({
      title: t('deleteConfirm'),
      okText: t('delete'),
      okButtonProps: { danger: true, 'data-testid': 'needs-delete-ok' } as never,
      cancelText: t('cancel'),
      onOk: () => change.mutateAsync(c),
    });

  if (data.isLoading) return <Skeleton active />;
  if (data.isError || !data.data) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const { needs, countermeasures } = data.data;

  const needMenu = (n: Need): MenuProps['items'] => [
    { key: 'edit', icon: <EditOutlined />, label: t('edit'), onClick: () => setNeed(n), 'data-testid': 'need-edit' } as never,
    ...(n.status === 'open'
      ? [
          { key: 'met', icon: <CheckOutlined />, label: t('needs.markMet'), onClick: () => change.mutate({ kind: 'need', id: n.id, version: n.version, status: 'met' }), 'data-testid': 'need-met' } as never,
          { key: 'dropped', icon: <CloseOutlined />, label: t('needs.markDropped'), onClick: () => change.mutate({ kind: 'need', id: n.id, version: n.version, status: 'dropped' }) } as never,
        ]
      : [{ key: 'reopen', icon: <RollbackOutlined />, label: t('reopen'), onClick: () => change.mutate({ kind: 'need', id: n.id, version: n.version, status: 'open' }) } as never]),
    { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('delete'), onClick: () => confirmDelete({ kind: 'need', id: n.id, version: n.version, remove: true }) } as never,
  ];
  const measureMenu = (m: Countermeasure): MenuProps['items'] => [
    { key: 'edit', icon: <EditOutlined />, label: t('edit'), onClick: () => setMeasure(m), 'data-testid': 'countermeasure-edit' } as never,
    ...(m.status === 'open'
      ? [
          { key: 'done', icon: <CheckOutlined />, label: t('measures.markDone'), onClick: () => change.mutate({ kind: 'measure', id: m.id, version: m.version, status: 'done' }), 'data-testid': 'countermeasure-done' } as never,
          { key: 'dropped', icon: <CloseOutlined />, label: t('measures.markDropped'), onClick: () => change.mutate({ kind: 'measure', id: m.id, version: m.version, status: 'dropped' }) } as never,
        ]
      : [{ key: 'reopen', icon: <RollbackOutlined />, label: t('reopen'), onClick: () => change.mutate({ kind: 'measure', id: m.id, version: m.version, status: 'open' }) } as never]),
    { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('delete'), onClick: () => confirmDelete({ kind: 'measure', id: m.id, version: m.version, remove: true }) } as never,
  ];
  const actions = (items: MenuProps['items'], testId: string) => (
    <Dropdown trigger={['click']} menu={{ items }}>
      <Button size="small" icon={<MoreOutlined />} aria-label={t('actions')} data-testid={testId} />
    </Dropdown>
  );

  const quantity = (n: Need) => (n.quantity === null ? '—' : `${n.quantity.toLocaleString()}${n.unit ? ` ${n.unit}` : ''}`);
  const price = (n: Need) =>
    n.priceMin === null && n.priceMax === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <span style={{ whiteSpace: 'nowrap' }}>
        {n.priceMin !== null && <MoneyText fen={n.priceMin} />}
        {n.priceMin !== null && n.priceMax !== null && ' ~ '}
        {n.priceMax !== null && <MoneyText fen={n.priceMax} />}
      </span>
    );
  const long = (text: string | null) => (text ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>{text}</Typography.Paragraph> : '—');
  const person = (m: Countermeasure) => (m.contactName ? <span>{contactLabel(t, { name: m.contactName, title: m.contactTitle })}</span> : <Typography.Text type="secondary">{t('measures.wholeAccount')}</Typography.Text>);
  const direction = (m: Countermeasure) => (
    <Flex vertical gap={2}>
      {m.direction && <Tag color={m.direction === 'to_competitor' || m.direction === 'reduce' ? 'red' : m.direction === 'expand' ? 'green' : undefined} style={{ marginInlineEnd: 0, width: 'fit-content' }}>{t(`directions.${m.direction}`)}</Tag>}
      {m.directionNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.directionNote}</Typography.Text>}
      {!m.direction && !m.directionNote && '—'}
    </Flex>
  );
  const due = (m: Countermeasure) =>
    m.dueOn ? (
      <Flex gap={4} wrap align="center">
        <Typography.Text type={m.overdue ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>{m.dueOn}</Typography.Text>
        {m.overdue && <Tag color="error" data-testid="countermeasure-overdue">{t('overdue')}</Tag>}
      </Flex>
    ) : (
      '—'
    );

  const needColumns: ColumnsType<Need> = [
    { key: 'productType', title: t('needs.fields.productType'), width: 150, render: (_, n) => <Typography.Text strong>{n.productType}</Typography.Text> },
    { key: 'quantity', title: t('needs.fields.quantity'), width: 90, render: (_, n) => quantity(n) },
    { key: 'region', title: t('needs.fields.region'), width: 120, render: (_, n) => n.region ?? '—' },
    { key: 'price', title: t('needs.fields.priceRange'), width: 170, render: (_, n) => price(n) },
    { key: 'reason', title: t('needs.fields.reason'), width: 260, render: (_, n) => long(n.reason) },
    { key: 'status', title: t('status'), width: 80, render: (_, n) => <Tag color={NEED_COLORS[n.status]}>{t(`needs.statuses.${n.status}`)}</Tag> },
  ];
  if (editable) needColumns.push({ key: 'actions', title: t('actions'), width: 60, fixed: 'right', render: (_, n) => actions(needMenu(n), `need-actions-${n.id}`) });

  const measureColumns: ColumnsType<Countermeasure> = [
    { key: 'contact', title: t('measures.fields.contact'), width: 130, render: (_, m) => person(m) },
    { key: 'direction', title: t('measures.fields.direction'), width: 120, render: (_, m) => direction(m) },
    { key: 'problem', title: t('measures.fields.problem'), width: 200, render: (_, m) => long(m.problem) },
    { key: 'measure', title: t('measures.fields.measure'), width: 220, render: (_, m) => long(m.measure) },
    { key: 'owner', title: t('measures.fields.owner'), width: 80, render: (_, m) => m.ownerName },
    { key: 'dueOn', title: t('measures.fields.dueOn'), width: 110, render: (_, m) => due(m) },
    { key: 'status', title: t('status'), width: 80, render: (_, m) => <Tag color={MEASURE_COLORS[m.status]}>{t(`measures.statuses.${m.status}`)}</Tag> },
  ];
  if (editable) measureColumns.push({ key: 'actions', title: t('actions'), width: 60, fixed: 'right', render: (_, m) => actions(measureMenu(m), `countermeasure-actions-${m.id}`) });

  const header = (title: string, hint: string, add: () => void, testId: string) => (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
      <div>
        <Typography.Title level={5} style={{ margin: 0 }}>{title}</Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>
      </div>
      {editable && (
        <Button type="primary" icon={<PlusOutlined />} onClick={add} data-testid={testId}>
          {t('add')}
        </Button>
      )}
    </Flex>
  );
  const dim = (closed: boolean) => (closed ? { opacity: 0.6 } : undefined);

  return (
    <Flex vertical gap={24} data-testid="account-needs">
      <section>
        {header(t('needs.title'), t('needs.hint'), () => setNeed('new'), 'need-add')}
        {needs.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('needs.empty')} />
        ) : phone ? (
          <Flex vertical gap={8}>
            {needs.map((n) => (
              <Card
                key={n.id}
                size="small"
                style={dim(n.status !== 'open')}
                data-testid={`need-row-${n.id}`}
                title={<Flex gap={8} align="center" wrap><span style={{ whiteSpace: 'normal' }}>{n.productType}</span><Tag color={NEED_COLORS[n.status]}>{t(`needs.statuses.${n.status}`)}</Tag></Flex>}
                extra={editable ? actions(needMenu(n), `need-actions-${n.id}`) : undefined}
              >
                <Flex vertical gap={4}>
                  <Typography.Text type="secondary">{[quantity(n), n.region].filter((x) => x && x !== '—').join(' · ') || '—'}</Typography.Text>
                  {price(n)}
                  {n.reason && long(n.reason)}
                </Flex>
              </Card>
            ))}
          </Flex>
        ) : (
          <Table<Need> rowKey="id" size="small" columns={needColumns} dataSource={needs} pagination={false} scroll={{ x: 'max-content' }} onRow={(n) => ({ style: dim(n.status !== 'open'), 'data-testid': `need-row-${n.id}` }) as never} />
        )}
      </section>
      <section>
        {header(t('measures.title'), t('measures.hint'), () => setMeasure('new'), 'countermeasure-add')}
        {countermeasures.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('measures.empty')} />
        ) : phone ? (
          <Flex vertical gap={8}>
            {countermeasures.map((m) => (
              <Card key={m.id} size="small" style={dim(m.status !== 'open')} data-testid={`countermeasure-row-${m.id}`} title={<Flex gap={8} align="center" wrap>{person(m)}<Tag color={MEASURE_COLORS[m.status]}>{t(`measures.statuses.${m.status}`)}</Tag></Flex>} extra={editable ? actions(measureMenu(m), `countermeasure-actions-${m.id}`) : undefined}>
                <Flex vertical gap={6}>
                  {direction(m)}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('measures.fields.problem')}</Typography.Text>
                    {long(m.problem)}
                  </div>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('measures.fields.measure')}</Typography.Text>
                    {long(m.measure)}
                  </div>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text type="secondary">{t('measures.ownerIs', { name: m.ownerName })}</Typography.Text>
                    {due(m)}
                  </Flex>
                </Flex>
              </Card>
            ))}
          </Flex>
        ) : (
          <Table<Countermeasure> rowKey="id" size="small" columns={measureColumns} dataSource={countermeasures} pagination={false} scroll={{ x: 'max-content' }} onRow={(m) => ({ style: dim(m.status !== 'open'), 'data-testid': `countermeasure-row-${m.id}` }) as never} />
        )}
      </section>
      <NeedDrawer accountId={accountId} need={need} onClose={() => setNeed(null)} />
      <CountermeasureDrawer accountId={accountId} measure={measure} contactsReadable={contactsReadable} onClose={() => setMeasure(null)} />
    </Flex>
  );
}
