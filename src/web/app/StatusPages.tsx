import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

function BackHome() {
  const { t } = useTranslation('common');
  return (
    <Link to="/">
      <Button type="primary">{t('actions.backHome')}</Button>
    </Link>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation('common');
  return (
    <div data-testid="page-403">
      <Result status="403" title={t('pages.forbiddenTitle')} subTitle={t('pages.forbidden')} extra={<BackHome />} />
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation('common');
  return (
    <div data-testid="page-404">
      <Result status="404" title={t('pages.notFoundTitle')} subTitle={t('pages.notFound')} extra={<BackHome />} />
    </div>
  );
}

/** The router's errorElement: a render error in one page must not blank the whole app. */
export function CrashPage() {
  const { t } = useTranslation('common');
  const error = useRouteError();
  return (
    <div data-testid="page-crash">
      <Result
        status="error"
        title={t('pages.crashTitle')}
        subTitle={error instanceof Error ? error.message : t('pages.crash')}
        extra={
          <Button type="primary" onClick={() => window.location.assign('/')}>
            {t('actions.backHome')}
          </Button>
        }
      />
    </div>
  );
}
