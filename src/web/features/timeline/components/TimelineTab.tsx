import { AccountBookOutlined, ApartmentOutlined, BulbOutlined, CarOutlined, CustomerServiceOutlined, EnvironmentOutlined, FlagOutlined, FundProjectionScreenOutlined, HistoryOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TIMELINE_GROUPS, type TimelineEvent, type TimelineGroup, type TimelineKind } from '../../../../shared/contracts/timeline';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useTimeline } from '../api';
import { timelineRenderers } from '../../../app/registry';

const GROUPS = Object.keys(TIMELINE_GROUPS) as TimelineGroup[];
const GROUP_OF = Object.fromEntries(GROUPS.flatMap((g) => TIMELINE_GROUPS[g].map((k) => [k, g]))) as Record<TimelineKind, TimelineGroup>;
const ICONS: Record<TimelineGroup, ReactNode> = {
  account: <ApartmentOutlined />,
  contacts: <TeamOutlined />,
  needs: <BulbOutlined />,
  plan: <FlagOutlined />,
  pipeline: <FundProjectionScreenOutlined />,
  visits: <EnvironmentOutlined />,
  field: <CarOutlined />,
  deals: <AccountBookOutlined />,
  service: <CustomerServiceOutlined />,
};
const COLORS: Record<TimelineGroup, string> = { account: 'blue', contacts: 'green', needs: 'orange', plan: 'purple', pipeline: 'cyan', visits: 'magenta', field: 'geekblue', deals: 'gold', service: 'volcano' };

/** The event's sentence and an optional second line in the reader's language: the room the event comes from says how (its manifest's timelineRenderers). */
function describe(t: TFunction, e: TimelineEvent): { text: string; detail?: string } {
  return timelineRenderers[e.kind]?.(t, e.params) ?? { text: t(`kinds.${e.kind}`, { ...e.params }) };
}

/** 动态: the account's timeline from every feature, newest first, filtered by area, a page at a time. */
export function TimelineTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation('timeline');
  const [groups, setGroups] = useState<TimelineGroup[]>(GROUPS);
  const kinds = useMemo(() => (groups.length === GROUPS.length ? [] : groups.flatMap((g) => [...TIMELINE_GROUPS[g]])), [groups]);
  const timeline = useTimeline(accountId, kinds);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap={16} data-testid="account-timeline">
      <Checkbox.Group
        value={groups}
        onChange={(v) => setGroups(v.length ? (v as TimelineGroup[]) : GROUPS)}
        options={GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) }))}
        data-testid="timeline-filter"
      />
      {timeline.isLoading ? (
        <Skeleton active />
      ) : timeline.isError ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <Empty image={<HistoryOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={t('empty')} />
      ) : (
        <>
          <Timeline
            items={items.map((e) => {
              const group = GROUP_OF[e.kind];
              const { text, detail } = describe(t, e);
              return {
                key: e.key,
                color: COLORS[group],
                icon: ICONS[group],
                content: (
                  <div data-testid={`timeline-event-${e.kind}`}>
                    <Typography.Text>{e.link ? <Link to={e.link}>{text}</Link> : text}</Typography.Text>
                    {detail && (
                      <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>
                        {detail}
                      </Typography.Paragraph>
                    )}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {e.actorName ?? t('system')} · <DateTime value={e.at} mode={e.dateOnly ? 'date' : 'dateTime'} type="secondary" />
                      </Typography.Text>
                    </div>
                  </div>
                ),
              };
            })}
          />
          {timeline.hasNextPage && (
            <Button onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} style={{ alignSelf: 'center' }} data-testid="timeline-more">
              {t('more')}
            </Button>
          )}
        </>
      )}
    </Flex>
  );
}
