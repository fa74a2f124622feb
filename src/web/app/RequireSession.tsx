import { Card, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ChangePasswordForm } from '../features/personal';
import { useAuth } from './auth';
import { LanguageSegmented } from './LanguageSwitch';

/** Everything but /login needs a session; a user who must change the password does that first. */
export function RequireSession() {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword) return <ForcedPasswordChange />;
  return <Outlet />;
}

function ForcedPasswordChange() {
  const { t } = useTranslation(['auth', 'common']);
  const { refresh, logout } = useAuth();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 460 }} data-testid="forced-password-change">
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('changePassword.forcedTitle')}
          </Typography.Title>
          <LanguageSegmented />
        </Flex>
        <Typography.Paragraph type="secondary">{t('changePassword.forcedHint')}</Typography.Paragraph>
        <ChangePasswordForm onDone={refresh} />
        <Typography.Link onClick={() => void logout()} style={{ display: 'inline-block', marginTop: 16 }}>
          {t('common:header.logout')}
        </Typography.Link>
      </Card>
    </Flex>
  );
}
