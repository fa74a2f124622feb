import { Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../shared/contracts/events';
import { useMoney } from '../../../components/display';

const RED = '#cf1322';

/** 预算与费用: the approved budget, what is spent, what remains (or how far over, in red) and a bar that turns red above it. */
export function BudgetCard({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation('events');
  const money = useMoney();
  const over = e.spent > e.budget;
  const percent = e.budget > 0 ? Math.round((e.spent / e.budget) * 100) : e.spent > 0 ? 100 : 0;
  const figure = (key: string, title: string, fen: number, danger = false) => (
    <Col xs={8} key={key}>
      <Statistic
        title={title}
        value={money(fen)}
        styles={{ content: { fontSize: 16, fontVariantNumeric: 'tabular-nums', color: danger ? RED : undefined, whiteSpace: 'nowrap' } }}
        data-testid={`event-budget-${key}`}
      />
    </Col>
  );
  return (
    <Card size="small" title={t('detail.budget')} style={{ height: '100%' }} data-testid="event-budget" data-over={over}>
      <Row gutter={[8, 8]}>
        {figure('budget', t('fields.budget'), e.budget)}
        {figure('spent', t('fields.spent'), e.spent, over)}
        {over ? figure('over', t('detail.over'), e.spent - e.budget, true) : figure('remaining', t('detail.remaining'), e.budget - e.spent)}
      </Row>
      <Flex align="center" gap={8} style={{ marginTop: 8 }}>
        <Progress percent={Math.min(percent, 100)} status={over ? 'exception' : 'normal'} strokeColor={over ? RED : undefined} showInfo={false} size="small" style={{ flex: 1, margin: 0 }} />
        <Typography.Text type={over ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
          {t('detail.used', { percent })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** 嘉宾情况: invited, registered, came and declined over the whole list (guests of colleagues' accounts too), and the places. */
export function GuestCountsCard({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation('events');
  const counts = [
    ['invited', e.guests.invited],
    ['registered', e.guests.registered],
    ['attended', e.guests.attended],
    ['declined', e.guests.declined],
  ] as const;
  return (
    <Card
      size="small"
      title={t('detail.guestsTitle')}
      style={{ height: '100%' }}
      extra={
        <Typography.Text type="secondary" data-testid="event-capacity">
          {t('detail.capacityLine', { value: e.capacity === null ? t('detail.unlimited') : t('detail.places', { registered: e.guests.registered, capacity: e.capacity }) })}
        </Typography.Text>
      }
    >
      <Row gutter={[8, 8]}>
        {counts.map(([key, n]) => (
          <Col xs={6} key={key}>
            <Statistic title={t(`fields.${key}`)} value={n} styles={{ content: { fontSize: 18 } }} data-testid={`event-count-${key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
