import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Col, Drawer, Empty, Flex, List, Row, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../components/feedback';
import { useDrawerSize } from '../components/layout';
import { useAuth } from './auth';
import { arrange, moved } from './home.rules';
import { useHomeLayout, useSaveHomeLayout } from './homeLayout';
import { homeWidgets } from './registry';
import type { HomeWidget } from './types';

/**
 * The workbench (工作台, PERF-4): the widgets the rooms contribute that the person may see, in the order their
 * positions give (a director's first what waits for them and how the department stands; a specialist's their
 * day), which they may rearrange or hide — kept on the server for them.
 */
export function HomePage() {
  const { t } = useTranslation(['personal', 'common']);
  const { me, can } = useAuth();
  const layout = useHomeLayout();
  const [arranging, setArranging] = useState(false);
  const mine = homeWidgets.filter((w) => can(w.access));
  const { all, shown } = arrange(mine, me?.positions ?? [], layout.data?.widgets ?? []);
  const stats = shown.filter((w) => w.kind === 'stat');
  const cards = shown.filter((w) => w.kind === 'card');
  const statSpan = Math.max(6, Math.floor(24 / Math.max(1, Math.min(4, stats.length))));
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-greeting">
            {t('home.greeting', { name: me?.name })}
          </Typography.Title>
          <Typography.Text type="secondary">{me?.unitName}</Typography.Text>
        </div>
        <Button icon={<SettingOutlined />} onClick={() => setArranging(true)} data-testid="home-arrange">
          {t('home.arrange')}
        </Button>
      </Flex>
      {/* the layout is read first, so the page does not jump from the default order to the person's own */}
      {layout.isLoading ? null : shown.length === 0 ? (
        <Empty description={t('home.allHidden')} data-testid="home-empty">
          <Button onClick={() => setArranging(true)}>{t('home.arrange')}</Button>
        </Empty>
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="home-stats">
            {stats.map((w) => (
              <Col key={w.key} xs={12} lg={statSpan} data-widget={w.key}>
                {w.element}
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} data-testid="home-cards">
            {cards.map((w) => (
              <Col key={w.key} xs={24} lg={12} data-widget={w.key}>
                {w.element}
              </Col>
            ))}
          </Row>
        </>
      )}
      <ArrangeDrawer open={arranging} onClose={() => setArranging(false)} widgets={all} layout={layout.data?.widgets ?? []} customised={layout.data?.customised ?? false} />
    </Flex>
  );
}

/** 自定义工作台: each widget shown or hidden and moved among its kind; every change is saved at once. */
function ArrangeDrawer({ open, onClose, widgets, layout, customised }: { open: boolean; onClose: () => void; widgets: HomeWidget[]; layout: readonly { key: string; hidden: boolean }[]; customised: boolean }) {
  const { t } = useTranslation(['personal', 'common']);
  const onError = useApiError();
  const size = useDrawerSize(420);
  const save = useSaveHomeLayout();
  const hidden = new Set(layout.filter((l) => l.hidden).map((l) => l.key));
  // the whole order as it stands, every widget named, so a move or a switch keeps the rest where it is
  const order = widgets.map((w) => ({ key: w.key, hidden: hidden.has(w.key) }));
  const put = (widgets: { key: string; hidden: boolean }[]) => save.mutate({ widgets }, { onError: (e) => onError(e) });
  const group = (kind: HomeWidget['kind']) => {
    const items = widgets.filter((w) => w.kind === kind);
    const among = new Set(items.map((w) => w.key));
    return (
      <List
        size="small"
        header={<Typography.Text strong>{t(kind === 'stat' ? 'home.figures' : 'home.lists')}</Typography.Text>}
        dataSource={items}
        renderItem={(w, i) => (
          <List.Item data-testid={`home-arrange-${w.key}`}>
            <Flex align="center" gap={8} style={{ width: '100%' }}>
              <Switch
                size="small"
                checked={!hidden.has(w.key)}
                aria-label={t('home.show')}
                onChange={(on) => put(order.map((o) => (o.key === w.key ? { ...o, hidden: !on } : o)))}
                data-testid={`home-arrange-${w.key}-shown`}
              />
              <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }} type={hidden.has(w.key) ? 'secondary' : undefined}>
                {t(w.title)}
              </Typography.Text>
              <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('home.moveUp')} onClick={() => put(moved(order, w.key, -1, among))} data-testid={`home-arrange-${w.key}-up`} />
              <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === items.length - 1} aria-label={t('home.moveDown')} onClick={() => put(moved(order, w.key, 1, among))} data-testid={`home-arrange-${w.key}-down`} />
            </Flex>
          </List.Item>
        )}
      />
    );
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('home.arrangeTitle')}
      closeIcon={<CloseOutlined data-testid="home-arrange-close" />}
      size={size}
      extra={
        <Button size="small" disabled={!customised} onClick={() => put([])} data-testid="home-arrange-restore">
          {t('home.restore')}
        </Button>
      }
      data-testid="home-arrange-drawer"
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('home.arrangeHint')}</Typography.Text>
        {group('stat')}
        {group('card')}
      </Flex>
    </Drawer>
  );
}
