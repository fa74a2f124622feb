import { Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth';
import { homeWidgets } from './registry';

/** The workbench: what needs the user's attention today — the widgets the rooms contribute (their manifests) that the user may see. */
export function HomePage() {
  const { t } = useTranslation(['personal', 'common']);
  const { me, can } = useAuth();
  const mine = homeWidgets.filter((w) => can(w.access));
  const stats = mine.filter((w) => w.kind === 'stat');
  const cards = mine.filter((w) => w.kind === 'card');
  const statSpan = Math.max(6, Math.floor(24 / Math.max(1, stats.length)));
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="home-greeting">
          {t('home.greeting', { name: me?.name })}
        </Typography.Title>
        <Typography.Text type="secondary">{me?.unitName}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        {stats.map((w) => (
          <Col key={w.key} xs={24} sm={statSpan}>
            {w.element}
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        {cards.map((w) => (
          <Col key={w.key} xs={24} lg={12}>
            {w.element}
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
