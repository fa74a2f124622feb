import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Grid, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTokenBody } from '../../../shared/contracts/auth';
import { useAuth } from '../../app/auth';
import { DateTime, formatDateTime } from '../../components/DateTime';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ItemList } from '../../components/ItemList';
import { StatusTag } from '../../components/StatusTag';
import { applyFormErrors, errorMessage } from '../../components/errors';
import { zodRule } from '../../components/zodRule';
import { useCreateToken, useRevokeToken, useTokens, type CreatedToken, type TokenItem } from './api';

function tokenStatus(tk: TokenItem): 'active' | 'revoked' | 'expired' {
  if (tk.revokedAt) return 'revoked';
  if (tk.expiresAt && new Date(tk.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

function usePermissionLabel() {
  const { t } = useTranslation();
  return (permission: string) => {
    // The role editor's labels (admin namespace) name permissions with ':' written as '_'.
    const label = t(`admin:permissions.${permission.replace(':', '_')}`, { defaultValue: '' });
    return label ? `${label} (${permission})` : permission;
  };
}

export function TokensCard() {
  const { t, i18n } = useTranslation(['personal', 'common']);
  const { message } = App.useApp();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const permissionLabel = usePermissionLabel();
  const mobile = Grid.useBreakpoint().sm === false;
  const revokeButton = (tk: TokenItem) =>
    tokenStatus(tk) !== 'revoked' && (
      <Popconfirm title={t('account.tokens.revokeConfirm')} okText={t('common:actions.confirm')} cancelText={t('common:actions.cancel')} onConfirm={() => doRevoke(tk.id)}>
        <Button size="small" type="link" danger data-testid={`token-revoke-${tk.id}`}>
          {t('account.tokens.revoke')}
        </Button>
      </Popconfirm>
    );

  async function doRevoke(id: number) {
    try {
      await revoke.mutateAsync(id);
      message.success(t('account.tokens.revoked'));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  }

  return (
    <Card
      title={t('account.tokens.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('account.tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('account.tokens.hint')}</Typography.Paragraph>
      {tokens.error && <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {mobile ? (
        <ItemList
          loading={tokens.isLoading}
          items={tokens.data?.items ?? []}
          rowKey={(tk) => tk.id}
          rowProps={(tk) => ({ 'data-testid': `token-${tk.id}` })}
          empty={t('account.tokens.empty')}
          renderItem={(tk) => (
            <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong ellipsis>
                  {tk.name}
                </Typography.Text>
                <StatusTag value={tokenStatus(tk)} />
              </Flex>
              <Typography.Text code style={{ alignSelf: 'flex-start' }}>{tk.prefix}…</Typography.Text>
              <Space size={[4, 4]} wrap>
                {tk.scopes.map((s) => (
                  <Tag key={s}>{permissionLabel(s)}</Tag>
                ))}
              </Space>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('account.tokens.expiresLine', { date: tk.expiresAt ? formatDateTime(tk.expiresAt, 'date', t, i18n.language) : t('account.tokens.noExpiry') })}
                </Typography.Text>
                {revokeButton(tk)}
              </Flex>
            </Flex>
          )}
        />
      ) : (
        <Table<TokenItem>
          rowKey="id"
          size="small"
          loading={tokens.isLoading}
          dataSource={tokens.data?.items ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('account.tokens.empty') }}
          columns={[
            { key: 'name', title: t('account.tokens.name'), dataIndex: 'name' },
            { key: 'prefix', title: t('account.tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
            {
              key: 'scopes',
              title: t('account.tokens.scopes'),
              dataIndex: 'scopes',
              render: (scopes: string[]) => (
                <Space size={[4, 4]} wrap>
                  {scopes.map((s) => (
                    <Tag key={s}>{permissionLabel(s)}</Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'status', title: t('account.tokens.status'), render: (_, tk) => <StatusTag value={tokenStatus(tk)} /> },
            {
              key: 'expiresAt',
              title: t('account.tokens.expiresAt'),
              dataIndex: 'expiresAt',
              render: (v: string | null) => (v ? <DateTime value={v} mode="date" /> : <Typography.Text type="secondary">{t('account.tokens.noExpiry')}</Typography.Text>),
            },
            {
              key: 'lastUsedAt',
              title: t('account.tokens.lastUsedAt'),
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => (v ? <DateTime value={v} mode="relative" /> : <Typography.Text type="secondary">{t('account.tokens.never')}</Typography.Text>),
            },
            {
              key: 'actions',
              title: t('account.tokens.actions'),
              render: (_, tk) => revokeButton(tk),
            },
          ]}
        />
      )}
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tk) => {
          setCreating(false);
          setCreated(tk);
        }}
      />
      <Modal
        open={created !== null}
        title={t('account.tokens.createdTitle')}
        onCancel={() => setCreated(null)}
        footer={<Button onClick={() => setCreated(null)}>{t('common:actions.close')}</Button>}
        mask={{ closable: false }}
      >
        <Alert type="warning" showIcon title={t('account.tokens.createdHint')} style={{ marginBottom: 12 }} />
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={created?.token} data-testid="token-value" style={{ fontFamily: 'monospace' }} />
          <Button
            icon={<CopyOutlined />}
            data-testid="token-copy"
            onClick={() => {
              if (!created) return;
              navigator.clipboard.writeText(created.token).then(
                () => message.success(t('account.tokens.copied')),
                () => message.error(t('common:errorCodes.INTERNAL')),
              );
            }}
          >
            {t('common:actions.copy')}
          </Button>
        </Space.Compact>
      </Modal>
    </Card>
  );
}

interface CreateValues {
  name: string;
  scopes: string[];
  expiresInDays?: number | null;
}

function CreateTokenModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(token: CreatedToken): void }) {
  const { t } = useTranslation(['personal', 'common']);
  const { message } = App.useApp();
  const { me } = useAuth();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateToken();
  const permissionLabel = usePermissionLabel();
  const permissions = [...new Set(me?.permissions.map((p) => p.permission) ?? [])].sort();

  async function submit(values: CreateValues) {
    try {
      const token = await create.mutateAsync({ name: values.name, scopes: values.scopes, expiresInDays: values.expiresInDays ?? undefined });
      form.resetFields();
      onCreated(token);
    } catch (err) {
      const localized = applyFormErrors(form, err, (issue) => {
        const i = /^scopes\.(\d+)$/.exec(issue.path);
        return i ? t('account.tokens.scopeNotAllowed', { scope: values.scopes[Number(i[1])] }) : undefined;
      });
      if (!localized) message.error(errorMessage(err, t));
    }
  }

  return (
    <Modal
      open={open}
      title={t('account.tokens.createTitle')}
      okText={t('common:actions.create')}
      cancelText={t('common:actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ disabled: permissions.length === 0 }}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="token-form">
        <Form.Item name="name" label={t('account.tokens.name')} rules={[zodRule(createTokenBody.shape.name, t('account.tokens.nameRequired'))]}>
          <Input placeholder={t('account.tokens.namePlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('account.tokens.scopes')}
          extra={permissions.length ? t('account.tokens.scopesHint') : t('account.tokens.noScopes')}
          rules={[zodRule(createTokenBody.shape.scopes, t('account.tokens.scopesRequired'))]}
        >
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', flexWrap: 'nowrap', gap: 6, maxHeight: 240, overflowY: 'auto' }}>
            {permissions.map((p) => (
              <Checkbox key={p} value={p} data-testid={`token-scope-${p}`}>
                {permissionLabel(p)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('account.tokens.expiresInDays')} rules={[zodRule(createTokenBody.shape.expiresInDays, t('account.tokens.expiresInvalid'))]}>
          <InputNumber min={1} max={3650} precision={0} placeholder={t('account.tokens.expiresPlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
