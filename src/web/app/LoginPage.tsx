import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginBody } from '../../shared/contracts/auth';
import { ApiError } from '../api/client';
import { dayjsLocale } from '../components/DateTime';
import { applyFormErrors, errorMessage } from '../components/errors';
import { zodRule } from '../components/zodRule';
import { useAuth } from './auth';
import { LanguageSegmented } from './LanguageSwitch';
import { safeNext } from './next';

function loginError(err: unknown, t: TFunction, language: string): string {
  if (err instanceof ApiError) {
    if (err.code === 'UNAUTHENTICATED') return t('auth:login.wrongPassword');
    if (err.code === 'RATE_LIMITED') return t('auth:login.rateLimited');
    if (err.code === 'LOCKED') {
      const until = (err.details as { lockedUntil?: string } | undefined)?.lockedUntil;
      if (!until) return t('auth:login.lockedNoTime');
      const d = dayjs(until).locale(dayjsLocale(language));
      return t('auth:login.locked', { time: d.format(t('common:formats.dateTime')), relative: d.fromNow() });
    }
  }
  return t('auth:login.failed', { message: errorMessage(err, t) });
}

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, i18n } = useTranslation(['auth', 'common']);
  const { me, loading, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const { token } = theme.useToken();
  const next = safeNext(params.get('next'));

  if (!loading && me) return <Navigate to={next} replace />;

  async function submit(values: Values) {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username, values.password);
      void navigate(next, { replace: true });
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(err);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 60%)` }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: '28px 28px 20px' } }}>
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <LanguageSegmented />
        </Flex>
        <Typography.Title level={3} style={{ margin: 0, textAlign: 'center', color: token.colorPrimary }}>
          {t('common:appShort')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {error !== null && <Alert type="error" showIcon title={loginError(error, t, i18n.language)} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large" data-testid="login-form">
          <Form.Item name="username" label={t('login.username')} rules={[zodRule(loginBody.shape.username, t('login.usernameRequired'))]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[zodRule(loginBody.shape.password, t('login.passwordRequired'))]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('common:appName')}
      </Typography.Text>
    </Flex>
  );
}
