import { Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A list on the home page: its icon and title (with an aside, e.g. how many), and 查看全部 to the list behind it. */
export function HomeCard({ icon, title, aside, to, testId, loading, children }: { icon: ReactNode; title: string; aside?: ReactNode; to: string; testId: string; loading?: boolean; children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <Card
      title={
        <Flex gap={6} align="center">
          {icon}
          {title}
          {aside}
        </Flex>
      }
      extra={<Link to={to}>{t('header.viewAll')}</Link>}
      loading={loading}
      data-testid={testId}
    >
      {children}
    </Card>
  );
}
