import { Alert, Card, Col, Descriptions, Flex, Row, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Ticket } from '../../../../shared/contracts/tickets';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { AccountLink } from '../../accounts';
import { useTicket } from '../api';
import { History } from '../components/History';
import { JudgeCard } from '../components/JudgeCard';
import { Milestones } from '../components/Milestones';
import { KindTag, SeverityTag, TicketStatusTag } from '../components/tags';
import { TicketActions } from '../components/TicketActions';
import { TicketFiles } from '../components/TicketFiles';

/** /tickets/:id — one ticket: its state and moves, the SLA milestones with due times, the description, history, files and (a complaint) the judgement. */
export function TicketDetailPage() {
  const id = Number(useParams().id);
  const one = useTicket(id);
  const { t } = useTranslation('tickets');
  const [params, setParams] = useSearchParams();
  if (one.error) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  if (!one.data) return <Skeleton active />;
  const tk = one.data;
  const reload = () => void one.refetch();
  const tab = params.get('tab') ?? 'history';
  const tabs = [
    { key: 'history', label: <span data-testid="ticket-tab-history">{t('detail.history')}</span>, children: <History ticket={tk} /> },
    { key: 'files', label: <span data-testid="ticket-tab-files">{`${t('fields.files')}（${tk.files.length}）`}</span>, children: <TicketFiles ticket={tk} /> },
  ];
  return (
    <div>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="ticket-number">{tk.number}</span>
            <KindTag kind={tk.kind} />
            <SeverityTag severity={tk.severity} />
            <span data-testid="ticket-status" data-status={tk.status}>
              <TicketStatusTag status={tk.status} />
            </span>
          </Flex>
        }
        subtitle={
          <Flex gap={8} wrap component="span">
            <span data-testid="ticket-title">{tk.title}</span>
            <span>·</span>
            <AccountLink id={tk.accountId} tab="tickets">
              {tk.accountName}
            </AccountLink>
            <span>·</span>
            <span>
              {tk.ownerName} · {tk.unitName}
            </span>
          </Flex>
        }
        extra={<TicketActions ticket={tk} onStale={reload} />}
      />
      <Flex vertical gap={12}>
        {tk.status === 'waiting' && <Alert type="info" showIcon title={t('sla.pausedNote')} data-testid="ticket-paused" />}
        {tk.resolution && (
          <Alert type="success" showIcon title={t('detail.resolution')} description={<span style={{ whiteSpace: 'pre-wrap' }}>{tk.resolution}</span>} data-testid="ticket-resolution" />
        )}
        <Row gutter={[12, 12]}>
          <Col xs={{ span: 24, order: 2 }} lg={{ span: 15, order: 1 }}>
            <Flex vertical gap={12}>
              <Basics tk={tk} />
              <Card size="small">
                <Tabs activeKey={tabs.some((x) => x.key === tab) ? tab : 'history'} onChange={(k) => setParams({ tab: k }, { replace: true })} items={tabs} />
              </Card>
            </Flex>
          </Col>
          <Col xs={{ span: 24, order: 1 }} lg={{ span: 9, order: 2 }}>
            <Flex vertical gap={12}>
              <Milestones ticket={tk} />
              {tk.kind === 'complaint' && <JudgeCard ticket={tk} onStale={reload} />}
            </Flex>
          </Col>
        </Row>
      </Flex>
    </div>
  );
}

/** 工单信息: the description and the ticket's fields. */
function Basics({ tk }: { tk: Ticket }) {
  const { t } = useTranslation('tickets');
  return (
    <Card size="small" title={t('detail.basics')}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-description">
        {tk.description || <Typography.Text type="secondary">{t('detail.noDescription')}</Typography.Text>}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('fields.account')}>
          <AccountLink id={tk.accountId} tab="tickets">
            {tk.accountName}
          </AccountLink>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.contact')}>{tk.contact?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.channel')}>{t(`channels.${tk.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.receivedAt')}>
          <DateTime value={tk.receivedAt} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.owner')}>{tk.ownerName}</Descriptions.Item>
        <Descriptions.Item label={t('fields.unit')}>{tk.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('fields.createdBy')}>
          {tk.createdBy.name} · <DateTime value={tk.createdAt} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.resolvedAt')}>
          <DateTime value={tk.resolvedAt} />
        </Descriptions.Item>
        {tk.reopened > 0 && <Descriptions.Item label={t('actions.reopen')}>{t('detail.reopened', { count: tk.reopened })}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
