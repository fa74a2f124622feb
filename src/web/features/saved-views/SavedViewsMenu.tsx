import { DeleteOutlined, DownOutlined, EditOutlined, SaveOutlined, SettingOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Dropdown, Empty, Flex, Form, Input, List, Modal, Popconfirm, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, SavedViewPage } from '../../../shared/contracts/saved-views';
import { api } from '../../api/client';
import { useApiError, useFeedback } from '../../components/feedback';
import { sameQuery, savedViewKeys, useSavedViews, viewQueryOf } from './api';

interface Props {
  page: SavedViewPage;
  /** the list's current URL parameters */
  current: Record<string, string>;
  /** opens a view: the list replaces its parameters with these */
  onApply: (query: Record<string, string>) => void;
  /** icon-only trigger, for phone width */
  compact?: boolean;
}

const asParams = (v: SavedView) => Object.fromEntries(Object.entries(v.query).map(([k, x]) => [k, String(x)]));

/**
 * The views selector of a list page (issue 3 item 2): open a saved view, save the current filters
 * and sort under a name, rename, delete, and choose the default — which opens by itself when the
 * page is opened without any filter.
 */
export function SavedViewsMenu({ page, current, onApply, compact }: Props) {
  const { t } = useTranslation('views');
  const views = useSavedViews(page);
  const items = views.data?.items ?? [];
  const active = items.find((v) => sameQuery(v, current));
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);

  // The default view opens once, when the page is first shown without parameters.
  const defaultApplied = useRef(false);
  const startedEmpty = useRef(Object.keys(viewQueryOf(current)).length === 0);
  useEffect(() => {
    if (defaultApplied.current || !views.data) return;
    defaultApplied.current = true;
    const def = views.data.items.find((v) => v.isDefault);
    if (def && startedEmpty.current) onApply(asParams(def));
  }, [views.data, onApply]);

  const menu: MenuProps['items'] = [
    ...(items.length
      ? items.map((v) => ({
          key: `view-${v.id}`,
          label: (
            <Flex gap={6} align="center" data-testid={`view-open-${v.id}`}>
              {v.isDefault ? <StarFilled style={{ color: '#faad14' }} /> : <span style={{ width: 14 }} />}
              <Typography.Text strong={v.id === active?.id} ellipsis style={{ maxWidth: 220 }}>
                {v.name}
              </Typography.Text>
            </Flex>
          ),
          onClick: () => onApply(asParams(v)),
        }))
      : [{ key: 'none', disabled: true, label: <Typography.Text type="secondary">{t('none')}</Typography.Text> }]),
    { type: 'divider' as const },
    { key: 'save', icon: <SaveOutlined />, label: <span data-testid="view-save">{t('saveCurrent')}</span>, onClick: () => setSaving(true) },
    { key: 'manage', icon: <SettingOutlined />, label: <span data-testid="view-manage">{t('manage')}</span>, disabled: !items.length, onClick: () => setManaging(true) },
  ];

  return (
    <>
      <Dropdown menu={{ items: menu }} trigger={['click']}>
        <Button data-testid="views-menu" icon={compact ? <StarOutlined /> : undefined} aria-label={t('title')} autoInsertSpace={false}>
          {!compact && (
            <Flex gap={4} align="center">
              <Typography.Text ellipsis style={{ maxWidth: 160 }}>
                {active ? active.name : t('title')}
              </Typography.Text>
              <DownOutlined style={{ fontSize: 10 }} />
            </Flex>
          )}
        </Button>
      </Dropdown>
      <SaveViewModal page={page} open={saving} query={viewQueryOf(current)} onClose={() => setSaving(false)} />
      <ManageViewsModal page={page} open={managing} views={items} onClose={() => setManaging(false)} />
    </>
  );
}

function SaveViewModal({ page, open, query, onClose }: { page: SavedViewPage; open: boolean; query: Record<string, string>; onClose: () => void }) {
  const { t } = useTranslation('views');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const [form] = Form.useForm<{ name: string; isDefault: boolean }>();
  const save = useMutation({
    mutationFn: (v: { name: string; isDefault: boolean }) => api.post<SavedView>('/api/saved-views', { page, name: v.name, query, isDefault: v.isDefault }),
    onSuccess: () => {
      void message.success(t('saved'));
      void qc.invalidateQueries({ queryKey: savedViewKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (err) => showError(err, form),
  });
  return (
    <Modal
      open={open}
      title={t('saveTitle')}
      okText={t('save')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'view-save-ok' } as never}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{Object.keys(query).length ? t('saveHint') : t('saveHintEmpty')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ name: '', isDefault: false }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 60 }]}>
          <Input maxLength={60} autoFocus data-testid="view-name" />
        </Form.Item>
        <Form.Item name="isDefault" valuePropName="checked" extra={t('defaultHint')}>
          <Checkbox data-testid="view-default">{t('makeDefault')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ManageViewsModal({ page, open, views, onClose }: { page: SavedViewPage; open: boolean; views: SavedView[]; onClose: () => void }) {
  const { t } = useTranslation('views');
  const qc = useQueryClient();
  const showError = useApiError();
  const refresh = () => void qc.invalidateQueries({ queryKey: savedViewKeys.page(page) });
  const update = useMutation({
    mutationFn: (v: { view: SavedView; name?: string; isDefault?: boolean }) => api.patch<SavedView>(`/api/saved-views/${v.view.id}`, { name: v.name, isDefault: v.isDefault, version: v.view.version }),
    onSuccess: refresh,
    onError: (err) => showError(err, undefined, refresh),
  });
  const remove = useMutation({
    mutationFn: (v: SavedView) => api.delete(`/api/saved-views/${v.id}`),
    onSuccess: refresh,
    onError: (err) => showError(err, undefined, refresh),
  });
  return (
    <Modal open={open} title={t('manageTitle')} footer={<Button onClick={onClose} data-testid="view-manage-close">{t('close')}</Button>} onCancel={onClose}>
      {views.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
      ) : (
        <List<SavedView>
          dataSource={views}
          data-testid="view-list"
          renderItem={(v) => (
            <List.Item
              key={v.id}
              actions={[
                <Tooltip key="default" title={v.isDefault ? t('unsetDefault') : t('makeDefault')}>
                  <Button
                    type="text"
                    size="small"
                    icon={v.isDefault ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
                    onClick={() => update.mutate({ view: v, isDefault: !v.isDefault })}
                    data-testid={`view-default-${v.id}`}
                    aria-label={v.isDefault ? t('unsetDefault') : t('makeDefault')}
                  />
                </Tooltip>,
                <Popconfirm key="delete" title={t('deleteConfirm', { name: v.name })} okText={t('delete')} cancelText={t('cancel')} onConfirm={() => remove.mutate(v)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} data-testid={`view-delete-${v.id}`} aria-label={t('delete')} />
                </Popconfirm>,
              ]}
            >
              <Typography.Text
                editable={{
                  icon: <EditOutlined data-testid={`view-rename-${v.id}`} />,
                  tooltip: t('rename'),
                  maxLength: 60,
                  onChange: (name) => {
                    const trimmed = name.trim();
                    if (trimmed && trimmed !== v.name) update.mutate({ view: v, name: trimmed });
                  },
                }}
                style={{ minWidth: 0 }}
              >
                {v.name}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
