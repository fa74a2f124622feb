import { HomeOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { RouteAccess } from '../../shared/permissions';
import { AREAS, type AppRoute } from './types';

type MenuItem = Required<MenuProps>['items'][number];

/** Menu item keys are route paths; test ids are `nav-<path>` and `nav-area-<area>`. */
export function buildMenu(routes: AppRoute[], can: (access: RouteAccess) => boolean, t: TFunction): MenuItem[] {
  const items: MenuItem[] = [{ key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('common:nav.home')}</Link>, 'data-testid': 'nav-/' } as MenuItem];
  for (const area of AREAS) {
    const pages = routes.filter((r) => r.area === area && r.labelKey && !r.path.includes(':') && can(r.access));
    if (pages.length === 0) continue;
    items.push({
      type: 'group',
      key: `area:${area}`,
      label: t(`common:areas.${area}`),
      'data-testid': `nav-area-${area}`,
      children: pages.map((r) => ({ key: r.path, icon: r.icon, label: <Link to={r.path}>{t(r.labelKey!)}</Link>, 'data-testid': `nav-${r.path}` }) as MenuItem),
    } as MenuItem);
  }
  return items;
}

/** The menu key to highlight: the longest menu path that prefixes the current location; none for pages outside the menu. */
export function selectedMenuKey(pathname: string, routes: AppRoute[]): string {
  let best = pathname === '/' ? '/' : '';
  for (const r of routes) {
    if (!r.area || r.path.includes(':')) continue;
    if ((pathname === r.path || pathname.startsWith(`${r.path}/`)) && r.path.length > best.length) best = r.path;
  }
  return best;
}
