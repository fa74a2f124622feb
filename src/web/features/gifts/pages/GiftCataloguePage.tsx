import { EditOutlined, PlusOutlined, SwapOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Flex, Form, Grid, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MANUAL_MOVEMENT_KINDS, type GiftItem, type GiftItemCreate, type GiftMovement } from '../../../../shared/contracts/gifts';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormDrawer } from '../../../components/FormDrawer';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { withNulls } from '../../../components/formValues';
import { MoneyInput } from '../../../components/MoneyInput';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useAddMovement, useGiftItems, useGiftLedger, useGiftSettings, useSaveGiftItem, useSaveGiftSettings } from '../api';

/** 礼品库存: the catalogue with stock on hand, its ledger, movements and the per-recipient cap (gift:manage writes). */
export function GiftCataloguePage() {
  const { t } = useTranslation('gifts');
  const { can } = useAuth();
  const manage = can('gift:manage');
  const items = useGiftItems();
  const phone = Grid.useBreakpoint().md === false;
  const [editing, setEditing] = useState<GiftItem | 'new' | null>(null);
  const [moving, setMoving] = useState<GiftItem | null>(null);
  const [ledgerOf, setLedgerOf] = useState<number | null>(null);

  const columns: ColumnsType<GiftItem> = [
    { title: t('catalogue.name'), dataIndex: 'name', render: (_v, r) => <>{r.name} {!r.active && <Tag>{t('catalogue.inactive')}</Tag>}</> },
    ...(phone ? [] : [{ title: t('catalogue.spec'), dataIndex: 'spec' }]),
    { title: t('catalogue.unitValue'), dataIndex: 'unitValue', align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('catalogue.stock'), dataIndex: 'stock', align: 'right', render: (v: number, r) => <span data-testid={`gift-stock-${r.id}`}>{`${v} ${r.unit}`}</span> },
    {
      key: 'actions',
      render: (_v, r) => (
        <Flex gap={4} wrap>
          <Button size="small" icon={<UnorderedListOutlined />} onClick={() => setLedgerOf(r.id)} data-testid={`gift-ledger-${r.id}`}>
            {phone ? null : t('catalogue.ledger')}
          </Button>
          {manage && (
            <>
              <Button size="small" icon={<SwapOutlined />} onClick={() => setMoving(r)} data-testid={`gift-move-${r.id}`}>
                {phone ? null : t('catalogue.move')}
              </Button>
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`gift-edit-${r.id}`} />
            </>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalogue.title')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="gift-item-add">
              {t('catalogue.add')}
            </Button>
          )
        }
      />
      {items.error ? <ErrorAlert error={items.error} onRetry={() => void items.refetch()} /> : null}
      <Table<GiftItem> rowKey="id" size="small" loading={items.isLoading} dataSource={items.data?.items ?? []} columns={columns} pagination={false} scroll={{ x: true }} data-testid="gift-items" />
      <CapCard manage={manage} />
      <ItemDrawer item={editing} onClose={() => setEditing(null)} />
      {moving && <MovementModal item={moving} onClose={() => setMoving(null)} />}
      <LedgerDrawer id={ledgerOf} onClose={() => setLedgerOf(null)} />
    </>
  );
}

function CapCard({ manage }: { manage: boolean }) {
  const { t } = useTranslation('gifts');
  const settings = useGiftSettings();
  const save = useSaveGiftSettings();
  const showError = useApiError();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ recipientYearCap: number }>();
  if (!settings.data) return null;
  return (
    <Card size="small" title={t('settings.title')} style={{ marginTop: 16, maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('settings.hint')}</Typography.Paragraph>
      {manage ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ recipientYearCap: settings.data.recipientYearCap }}
          onFinish={(v) =>
            save.mutate(
              { recipientYearCap: v.recipientYearCap, version: settings.data.version },
              { onSuccess: () => void message.success(t('catalogue.saved')), onError: (e) => showError(e, form, () => void settings.refetch()) },
            )
          }
        >
          <Form.Item name="recipientYearCap" label={t('settings.cap')} rules={[{ required: true }]}>
            <MoneyInput data-testid="gift-cap" />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending} data-testid="gift-cap-save">
            {t('settings.save')}
          </Button>
        </Form>
      ) : (
        <Typography.Text>
          {t('settings.cap')}: <MoneyText fen={settings.data.recipientYearCap} strong />
        </Typography.Text>
      )}
    </Card>
  );
}

type ItemValues = GiftItemCreate;

function ItemDrawer({ item, onClose }: { item: GiftItem | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation('gifts');
  const [form] = Form.useForm<ItemValues>();
  const save = useSaveGiftItem();
  const showError = useApiError();
  const editing = item !== null && item !== 'new' ? item : null;
  const initial: Partial<ItemValues> = editing ? { name: editing.name, spec: editing.spec, unit: editing.unit, unitValue: editing.unitValue, note: editing.note, active: editing.active } : { unit: '件', active: true };
  return (
    <FormDrawer open={item !== null} title={editing ? editing.name : t('catalogue.add')} formId="gift-item-form" saving={save.isPending} saveText={t('common:actions.save')} cancelText={t('common:actions.cancel')} onClose={onClose} testId="gift-item-drawer">
      <Form<ItemValues>
        form={form}
        name="gift-item-form"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          const body = withNulls(v, ['spec', 'note']);
          save.mutate({ id: editing?.id, body: editing ? { ...body, version: editing.version } : body }, { onSuccess: onClose, onError: (e) => showError(e, form) });
        }}
      >
        <Form.Item name="name" label={t('catalogue.name')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input data-testid="gift-item-name" />
        </Form.Item>
        <Form.Item name="spec" label={t('catalogue.spec')} rules={[{ max: 200 }]}>
          <Input data-testid="gift-item-spec" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="unit" label={t('catalogue.unit')} rules={[{ required: true, whitespace: true }, { max: 10 }]} style={{ flex: 1 }}>
            <Input data-testid="gift-item-unit" />
          </Form.Item>
          <Form.Item name="unitValue" label={t('catalogue.unitValue')} rules={[{ required: true }]} style={{ flex: 2 }}>
            <MoneyInput data-testid="gift-item-value" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('catalogue.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="active" label={t('catalogue.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function MovementModal({ item, onClose }: { item: GiftItem; onClose: () => void }) {
  const { t } = useTranslation('gifts');
  const [form] = Form.useForm<{ kind: (typeof MANUAL_MOVEMENT_KINDS)[number]; quantity: number; note?: string }>();
  const add = useAddMovement();
  const showError = useApiError();
  return (
    <Modal open title={t('catalogue.moveTitle', { name: item.name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} okButtonProps={{ 'data-testid': 'gift-move-save' } as never}>
      <Typography.Paragraph type="secondary">{t('catalogue.adjustHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'in' }}
        onFinish={(v) => add.mutate({ id: item.id, body: { ...v, note: v.note || null, version: item.version } }, { onSuccess: onClose, onError: (e) => showError(e, form) })}
      >
        <Form.Item name="kind" label={t('catalogue.kind')}>
          <Select options={MANUAL_MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`movementKinds.${k}`) }))} data-testid="gift-move-kind" />
        </Form.Item>
        <Form.Item name="quantity" label={t('catalogue.quantity')} rules={[{ required: true }]}>
          <InputNumber<number> precision={0} style={{ width: '100%' }} suffix={item.unit} data-testid="gift-move-quantity" />
        </Form.Item>
        <Form.Item name="note" label={t('catalogue.note')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LedgerDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation('gifts');
  const ledger = useGiftLedger(id);
  const phone = Grid.useBreakpoint().md === false;
  const columns: ColumnsType<GiftMovement> = [
    { title: t('catalogue.at'), dataIndex: 'at', render: (v: string) => <DateTime value={v} /> },
    { title: t('catalogue.kind'), dataIndex: 'kind', render: (v: string) => t(`movementKinds.${v}`) },
    { title: t('catalogue.quantity'), dataIndex: 'quantity', align: 'right', render: (v: number) => (v > 0 ? `+${v}` : v) },
    { title: t('catalogue.balance'), dataIndex: 'balance', align: 'right' },
    { title: t('catalogue.application'), dataIndex: 'applicationId', render: (v: number | null) => (v ? <Link to={`/gifts/applications/${v}`}>#{v}</Link> : null) },
    { title: t('catalogue.actor'), dataIndex: 'actorName' },
    { title: t('catalogue.note'), dataIndex: 'note' },
  ];
  return (
    <Drawer open={id !== null} onClose={onClose} size={phone ? '100%' : 720} title={ledger.data ? t('catalogue.ledgerTitle', { name: ledger.data.item.name }) : ''} destroyOnHidden>
      {ledger.error ? <ErrorAlert error={ledger.error} /> : null}
      <Table<GiftMovement> rowKey="id" size="small" loading={ledger.isLoading} dataSource={ledger.data?.items ?? []} columns={columns} pagination={false} scroll={{ x: true }} data-testid="gift-ledger" />
    </Drawer>
  );
}
