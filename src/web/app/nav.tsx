import { HomeOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { AREAS, type Access, type AppRoute, type Area } from './types';

type MenuItem = Required<MenuProps>['items'][number];

/** The pages of the menu: those with a label, without a parameter, that the user may use. */
function menuPages(routes: AppRoute[], can: (access: Access) => boolean): AppRoute[] {
  return routes.filter((r) => r.area && r.labelKey && !r.path.includes(':') && can(r.access));
}

/**
 * The menu a user sees: home, then one collapsible group (submenu) per area holding the pages the
 * user may use — an area with none is left out. Item keys are route paths, group keys `area:<area>`;
 * test ids are `nav-<path>` and `nav-area-<area>`.
 */
export function buildMenu(routes: AppRoute[], can: (access: Access) => boolean, t: TFunction): MenuItem[] {
  const items: MenuItem[] = [{ key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('common:nav.home')}</Link>, 'data-testid': 'nav-/' } as MenuItem];
  const mine = menuPages(routes, can);
  for (const area of AREAS) {
    const pages = mine.filter((r) => r.area === area);
    if (pages.length === 0) continue;
    items.push({
      key: areaKey(area),
      label: t(`common:areas.${area}`),
      'data-testid': `nav-area-${area}`,
      children: pages.map((r) => ({ key: r.path, icon: r.icon, label: <Link to={r.path}>{t(r.labelKey!)}</Link>, 'data-testid': `nav-${r.path}` }) as MenuItem),
    } as MenuItem);
  }
  return items;
}

export const areaKey = (area: Area) => `area:${area}`;

/** The menu key to highlight: the longest menu path that prefixes the current location; none for pages outside the menu. */
export function selectedMenuKey(pathname: string, routes: AppRoute[]): string {
  let best = pathname === '/' ? '/' : '';
  for (const r of routes) {
    if (!r.area || r.path.includes(':')) continue;
    if ((pathname === r.path || pathname.startsWith(`${r.path}/`)) && r.path.length > best.length) best = r.path;
  }
  return best;
}

/** The group to keep open: the area of the highlighted page (none on home and pages outside the menu). */
export function openMenuKey(selected: string, routes: AppRoute[]): string | undefined {
  const area = routes.find((r) => r.path === selected)?.area;
  return area ? areaKey(area) : undefined;
}
