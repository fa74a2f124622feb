import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Grid, Skeleton } from 'antd';
import { Suspense } from 'react';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, matchPath, RouterProvider, type RouteObject } from 'react-router';
import { ApiError } from './api/client';
import { AppLayout } from './app/AppLayout';
import { AuthProvider, useAuth } from './app/auth';
import { HomePage } from './app/HomePage';
import { LoginPage } from './app/LoginPage';
import { featureRoutes, publicRoutes } from './app/registry';
import { RequireSession } from './app/RequireSession';
import { CrashPage, ForbiddenPage, NotFoundPage } from './app/StatusPages';
import type { AppRoute } from './app/types';
import { dayjsLocale } from './components/DateTime';
import i18n from './i18n';

dayjs.extend(relativeTime);
dayjs.locale(dayjsLocale(i18n.language));
document.documentElement.lang = i18n.language;
document.title = i18n.t('common:appName');
i18n.on('languageChanged', (lng) => {
  dayjs.locale(dayjsLocale(lng));
  document.title = i18n.t('common:appName');
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; only transient failures are retried.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});

/** Every page in the layout: each room's (the personal pages first). */
const allRoutes: AppRoute[] = featureRoutes;

function Guarded({ route }: { route: AppRoute }) {
  const { can } = useAuth();
  if (!can(route.access)) return <ForbiddenPage />;
  // pages load on first use (lazyPage); the layout stays while one arrives
  return <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>{route.element}</Suspense>;
}

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
  {
    element: <RequireSession />,
    errorElement: <CrashPage />,
    children: [
      {
        element: <AppLayout routes={allRoutes} />,
        children: [
          {
            errorElement: <CrashPage />,
            children: [
              { index: true, element: <HomePage /> },
              ...allRoutes.map((r) => ({ path: r.path, element: <Guarded route={r} /> })),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

/**
 * A page open without signing in (the customer's survey link) is its own little app: no session is asked
 * for or read (no /api/auth/me), no layout, no menu; the page loads on first use.
 */
const publicPage = publicRoutes.some((r) => matchPath(r.path, window.location.pathname) !== null);
const publicRouteObjects: RouteObject[] = publicRoutes.map((r) => ({ path: r.path, element: <Suspense fallback={<Skeleton active style={{ padding: 24 }} />}>{r.element}</Suspense>, errorElement: <CrashPage /> }));

const router = createBrowserRouter(publicPage ? publicRouteObjects : routes);

function Themed() {
  const { i18n: current } = useTranslation();
  // Phones get tighter card padding so content keeps its width at 390 px.
  const phone = Grid.useBreakpoint().sm === false;
  const theme = { token: { colorPrimary: '#1f5fbf', borderRadius: 6 }, components: phone ? { Card: { bodyPadding: 14, headerPadding: 14 } } : undefined };
  return (
    <ConfigProvider locale={current.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      {publicPage ? (
        <Themed />
      ) : (
        <AuthProvider>
          <Themed />
        </AuthProvider>
      )}
    </QueryClientProvider>
  );
}
