import { ApartmentOutlined, BulbOutlined, CarOutlined, EnvironmentOutlined, FlagOutlined, FundProjectionScreenOutlined, HistoryOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { accountChangeValue } from '../../accounts';
import { Link } from 'react-router';
import { TIMELINE_GROUPS, type TimelineEvent, type TimelineGroup, type TimelineKind } from '../../../../shared/contracts/timeline';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useTimeline } from '../api';

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
};
const COLORS: Record<TimelineGroup, string> = { account: 'blue', contacts: 'green', needs: 'orange', plan: 'purple', pipeline: 'cyan', visits: 'magenta', field: 'geekblue' };

type Params = TimelineEvent['params'];
const str = (v: Params[string]) => (v === null || v === undefined ? '' : String(v));

function accountValue(t: TFunction, field: string, v: Params[string]): string {
  if (v === null || v === '') return t('accounts:changes.empty');
  return accountChangeValue(t, field, str(v));
}

function relationshipValue(t: TFunction, field: string, v: Params[string]): string {
  if (v === null || v === '') return t('accounts:changes.empty');
  if (field === 'stage') return t(`contacts:stages.${str(v)}`, { defaultValue: str(v) });
  if (field === 'support') return t(`contacts:supports.${str(v)}`, { defaultValue: str(v) });
  return str(v);
}

/** The event's sentence and an optional second line (reason, evidence, outcome) in the reader's language. */
function describe(t: TFunction, e: TimelineEvent): { text: string; detail?: string } {
  const p = e.params;
  switch (e.kind) {
    case 'account_change': {
      const field = str(p.field);
      const reason = p.reasonKey ? t(`accounts:changes.reasons.${str(p.reasonKey)}`, { defaultValue: '' }) : str(p.reason);
      return {
        text: t('kinds.account_change', { field: t(`accounts:changes.fields.${field}`, { defaultValue: field }), from: accountValue(t, field, p.from), to: accountValue(t, field, p.to) }),
        detail: reason || undefined,
      };
    }
    case 'relationship_change': {
      const field = str(p.field);
      return {
        text: t('kinds.relationship_change', { name: str(p.name), field: t(`contacts:relationship.fields.${field}`, { defaultValue: field }), from: relationshipValue(t, field, p.from), to: relationshipValue(t, field, p.to) }),
        detail: str(p.evidence) || undefined,
      };
    }
    case 'contact_added':
      return { text: t(p.title ? 'kinds.contact_added_title' : 'kinds.contact_added', { name: str(p.name), title: str(p.title) }) };
    case 'contact_left':
      return { text: t('kinds.contact_left', { name: str(p.name) }), detail: str(p.note) || undefined };
    case 'need_closed':
      return { text: t('kinds.need_closed', { productType: str(p.productType), status: t(`needs:needs.statuses.${str(p.status)}`) }) };
    case 'countermeasure_added':
      return {
        text: t('kinds.countermeasure_added', { problem: str(p.problem) }),
        detail: [p.name ? t('person', { name: str(p.name) }) : '', p.direction ? t(`needs:directions.${str(p.direction)}`) : ''].filter(Boolean).join(' · ') || undefined,
      };
    case 'countermeasure_closed':
      return { text: t('kinds.countermeasure_closed', { problem: str(p.problem), status: t(`needs:measures.statuses.${str(p.status)}`) }) };
    case 'plan_item_created':
      return { text: t('kinds.plan_item_created', { level: t(`plans:levels.${str(p.level)}`), measures: str(p.measures) }), detail: p.owner ? t('owner', { name: str(p.owner) }) : undefined };
    case 'plan_item_closed':
      return { text: t('kinds.plan_item_closed', { level: t(`plans:levels.${str(p.level)}`), measures: str(p.measures), status: t(`plans:statuses.${str(p.status)}`) }), detail: str(p.outcome) || undefined };
    case 'reception':
      return { text: t('kinds.reception', { kind: t(`receptions:kinds.${str(p.kind)}`), status: t(`receptions:statuses.${str(p.status)}`), place: p.place ? ` · ${str(p.place)}` : '' }) };
    case 'opportunity': {
      const stage = (v: Params[string]) => t(`pipeline:stages.${str(v)}`, { defaultValue: str(v) });
      const what = t(`opportunityEvents.${str(p.event)}`, { from: stage(p.fromStage), to: stage(p.toStage) });
      return { text: t('kinds.opportunity', { name: str(p.name), what }), detail: str(p.reason) || undefined };
    }
    case 'gift':
      return { text: t('kinds.gift', { item: str(p.item), quantity: str(p.quantity), contact: str(p.contact), status: t(`gifts:statuses.${str(p.status)}`) }), detail: p.overCap ? t('gifts:overCap') : undefined };
    case 'trip':
      return { text: t('kinds.trip', { destination: str(p.destination), startOn: str(p.startOn), endOn: str(p.endOn) }), detail: str(p.purpose) || undefined };
    case 'contact_log':
      return {
        text: t('kinds.contact_log', { logKind: t(`contactLog:kinds.${str(p.logKind)}`), summary: str(p.summary) }),
        detail: [p.contact ? t('person', { name: str(p.contact) }) : '', str(p.place)].filter(Boolean).join(' · ') || undefined,
      };
    case 'visit':
      return {
        text: t('kinds.visit', { n: p.n ?? '', purpose: t(`visits:purposes.${str(p.purpose)}`), result: t(`visits:results.${str(p.result)}`) }),
        detail: p.met ? t('person', { name: str(p.met) }) : undefined,
      };
    case 'account_merged':
      return { text: t('kinds.account_merged', { source: str(p.source) }), detail: str(p.reason) || undefined };
    default:
      return { text: t(`kinds.${e.kind}`, { ...p }) };
  }
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
