import { CheckSquareOutlined, LogoutOutlined, MenuOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Tooltip, Typography, theme } from 'antd';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { LanguageMenu } from './LanguageSwitch';
import { buildMenu, openMenuKey, selectedMenuKey } from './nav';
import { NotificationBell } from './NotificationBell';
import { headerItems } from './registry';
import type { AppRoute } from './types';

const SIDER_WIDTH = 220;

export function AppLayout({ routes }: { routes: AppRoute[] }) {
  const { t } = useTranslation('common');
  const { me, can, logout } = useAuth();
  const screens = Grid.useBreakpoint();
  // useBreakpoint is empty on the first render; treat unknown as desktop to avoid a flash of the drawer button.
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();

  const items = useMemo(() => buildMenu(routes, can, t), [routes, can, t]);
  const selected = selectedMenuKey(location.pathname, routes);
  // The groups open: the current page's, plus any the user opens; moving to a page of another group opens that one instead.
  const current = openMenuKey(selected, routes);
  const [open, setOpen] = useState<{ current: string | undefined; keys: string[] }>({ current, keys: current ? [current] : [] });
  if (open.current !== current) setOpen({ current, keys: current ? [current] : open.keys });

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      openKeys={open.keys}
      onOpenChange={(keys) => setOpen({ current, keys })}
      forceSubMenuRender
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
      data-testid="nav"
    />
  );

  const brand = (
    <Link
      to="/"
      data-testid="brand"
      style={{ color: token.colorPrimary, fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}
    >
      {mobile ? t('appShort') : t('appName')}
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: mobile ? '0 8px' : '0 20px',
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          height: 56,
          lineHeight: '56px',
        }}
      >
        {mobile && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('nav.openMenu')} data-testid="nav-open" />}
        <div style={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center' }}>{brand}</div>
        <Flex align="center" gap={mobile ? 0 : 4}>
          <NotificationBell />
          {headerItems.filter((h) => can(h.access)).map((h) => (
            <Fragment key={h.key}>{h.element}</Fragment>
          ))}
          <Tooltip title={t('header.myTasks')}>
            <Button type="text" icon={<CheckSquareOutlined style={{ fontSize: 17 }} />} onClick={() => void navigate('/tasks')} aria-label={t('header.myTasks')} data-testid="header-tasks">
              {!mobile && t('header.myTasks')}
            </Button>
          </Tooltip>
          <LanguageMenu compact={mobile} />
          <Dropdown
            trigger={['click']}
            placement="bottomRight"
            menu={{
              items: [
                {
                  key: 'who',
                  disabled: true,
                  label: (
                    <Flex vertical style={{ lineHeight: 1.5 }}>
                      <Typography.Text strong>{me?.name}</Typography.Text>
                      <Typography.Text type="secondary">{me?.unitName}</Typography.Text>
                    </Flex>
                  ),
                },
                { type: 'divider' },
                { key: 'account', icon: <SettingOutlined />, label: <span data-testid="user-menu-account">{t('header.account')}</span> },
                { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="user-menu-logout">{t('header.logout')}</span> },
              ],
              onClick: ({ key }) => {
                if (key === 'account') void navigate('/account');
                if (key === 'logout') void logout().then(() => navigate('/login'));
              },
            }}
          >
            <Button type="text" aria-label={t('header.userMenu')} data-testid="user-menu" style={{ paddingInline: 6 }}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
              {!mobile && <span style={{ maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me?.name}</span>}
            </Button>
          </Dropdown>
        </Flex>
      </Layout.Header>
      <Layout>
        {!mobile && (
          <Layout.Sider width={SIDER_WIDTH} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
            <div style={{ position: 'sticky', top: 56, maxHeight: 'calc(100vh - 56px)', overflowY: 'auto', paddingBlock: 8 }}>{menu}</div>
          </Layout.Sider>
        )}
        {mobile && (
          <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={260} title={t('appShort')} styles={{ body: { padding: 0 } }}>
            {menu}
          </Drawer>
        )}
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
