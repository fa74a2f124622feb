import { Card, Descriptions, Flex, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';
import { DisplayCard } from './DisplayCard';
import { TokensCard } from './TokensCard';

export function AccountPage() {
  const { t } = useTranslation(['personal', 'auth', 'common']);
  const { me } = useAuth();
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Flex vertical gap={16}>
        <Flex gap={16} wrap align="flex-start">
          <Card title={t('account.profile')} style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('account.name')}>{me.name}</Descriptions.Item>
              <Descriptions.Item label={t('account.username')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('account.unit')}>{me.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('account.roles')}>
                <Space size={[4, 4]} wrap>
                  {me.roles.map((r) => (
                    <Tag key={r.id}>{t(`common:roles.${r.code}`, { defaultValue: r.code })}</Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <DisplayCard />
          <Card title={t('auth:changePassword.title')} style={{ flex: '1 1 320px', minWidth: 0 }}>
            <ChangePasswordForm />
          </Card>
        </Flex>
        <TokensCard />
      </Flex>
    </>
  );
}
