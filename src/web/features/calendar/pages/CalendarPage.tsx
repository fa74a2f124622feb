import { DownloadOutlined, LeftOutlined, LinkOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Calendar, Card, Empty, Flex, Grid, List, Popconfirm, Segmented, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarEvent, CalendarKind } from '../../../../shared/contracts/calendar';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { date, oneOf, useListState } from '../../../components/useListState';
import { useCalendar, useCreateFeedToken, useFeedToken, useRevokeFeedToken } from '../api';

type Mode = 'week' | 'month';
const DAY_FORMAT = 'YYYY-MM-DD';
const KIND_COLOR: Record<CalendarKind, string> = { visit: 'blue', reception: 'purple', trip: 'green' };

/** Monday of the week containing d (weeks run Monday to Sunday). */
const monday = (d: Dayjs) => d.subtract((d.day() + 6) % 7, 'day').startOf('day');

/** The days the request covers: the week, or the 6 weeks the month grid shows. */
function rangeOf(mode: Mode, anchor: Dayjs): { from: Dayjs; days: number } {
  if (mode === 'week') return { from: monday(anchor), days: 7 };
  return { from: monday(anchor.startOf('month')), days: 42 };
}

/** Which day keys an event covers (an all-day trip spans its days; a timed event its start's day). */
function daysOf(e: CalendarEvent): string[] {
  if (!e.allDay) return [dayjs(e.start).format(DAY_FORMAT)];
  const out: string[] = [];
  for (let d = dayjs(e.start); !d.isAfter(dayjs(e.end), 'day') && out.length < 93; d = d.add(1, 'day')) out.push(d.format(DAY_FORMAT));
  return out;
}

/** When the entry takes place, for its tooltip: the days of an all-day entry, else the day and the hours. */
function whenOf(e: CalendarEvent): string {
  if (e.allDay) return e.start === e.end ? e.start : `${e.start} ～ ${e.end}`;
  return `${dayjs(e.start).format('YYYY-MM-DD HH:mm')}–${dayjs(e.end).format('HH:mm')}`;
}

/**
 * One entry: kind, time and title, and — when the calendar shows others' entries too (`owners`) — whose it
 * is, first, so a cut line still says it; the tooltip has the whole.
 */
function EventLine({ e, owners }: { e: CalendarEvent; owners: boolean }) {
  const { t } = useTranslation('calendar');
  const tip = (
    <div>
      <div>
        {t(`kinds.${e.kind}`)} · {whenOf(e)}
      </div>
      <div>{e.title}</div>
      <div>{t('owner', { name: e.ownerName })}</div>
    </div>
  );
  return (
    <Tooltip title={tip} placement="topLeft">
      <Link to={e.link} data-testid={`cal-${e.kind}-${e.id}`} style={{ display: 'block', fontSize: 12, lineHeight: '18px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        <Tag color={KIND_COLOR[e.kind]} style={{ marginInlineEnd: 4, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>{t(`kinds.${e.kind}`)}</Tag>
        {!e.allDay && <span style={{ color: '#888', marginInlineEnd: 4 }}>{dayjs(e.start).format('HH:mm')}</span>}
        {owners && (
          <span style={{ fontWeight: 600, marginInlineEnd: 4 }} data-testid="cal-owner">
            {e.ownerName}
          </span>
        )}
        {e.title}
      </Link>
    </Tooltip>
  );
}

/** Seven columns, Monday to Sunday. */
function WeekGrid({ from, byDay, owners }: { from: Dayjs; byDay: Map<string, CalendarEvent[]>; owners: boolean }) {
  const { t } = useTranslation('calendar');
  const today = dayjs().format(DAY_FORMAT);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', border: '1px solid #f0f0f0', borderRadius: 6 }}>
      {Array.from({ length: 7 }, (_, i) => from.add(i, 'day')).map((d) => {
        const key = d.format(DAY_FORMAT);
        return (
          <div key={key} data-testid={`cal-day-${key}`} style={{ minHeight: 260, padding: 6, borderInlineStart: d.day() === 1 ? undefined : '1px solid #f0f0f0', background: key === today ? '#e6f4ff' : undefined }}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
              {t(`weekdays.${d.day()}`)} {d.format('M/D')}
            </Typography.Text>
            {(byDay.get(key) ?? []).map((e) => <EventLine key={`${e.kind}-${e.id}`} e={e} owners={owners} />)}
          </div>
        );
      })}
    </div>
  );
}

/** Phones: the days that have events, as a list. */
function DayList({ from, days, byDay, owners }: { from: Dayjs; days: number; byDay: Map<string, CalendarEvent[]>; owners: boolean }) {
  const { t } = useTranslation('calendar');
  const rows = Array.from({ length: days }, (_, i) => from.add(i, 'day')).filter((d) => byDay.has(d.format(DAY_FORMAT)));
  if (!rows.length) return <Empty description={t('empty')} />;
  return (
    <List
      dataSource={rows}
      renderItem={(d) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Typography.Text strong>{d.format('M/D')} {t(`weekdays.${d.day()}`)}</Typography.Text>
            {(byDay.get(d.format(DAY_FORMAT)) ?? []).map((e) => <EventLine key={`${e.kind}-${e.id}`} e={e} owners={owners} />)}
          </div>
        </List.Item>
      )}
    />
  );
}

/** The secret subscription URL: created (or replaced) on request and shown once. */
function FeedCard() {
  const { t } = useTranslation('calendar');
  const status = useFeedToken();
  const [shown, setShown] = useState<string | null>(null);
  const create = useCreateFeedToken((path) => setShown(`${window.location.origin}${path}`));
  const revoke = useRevokeFeedToken(() => setShown(null));
  const exists = status.data?.exists ?? false;
  return (
    <Card size="small" title={t('feed.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('feed.help')}</Typography.Paragraph>
      {shown && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('feed.onceOnly')} description={<Typography.Text copyable code data-testid="cal-feed-url" style={{ wordBreak: 'break-all' }}>{shown}</Typography.Text>} />
      )}
      {exists && !shown && <Typography.Paragraph>{t('feed.active', { prefix: status.data?.prefix ?? '', at: status.data?.createdAt ? dayjs(status.data.createdAt).format('YYYY-MM-DD HH:mm') : '' })}</Typography.Paragraph>}
      <Flex gap={8} wrap>
        {exists ? (
          <Popconfirm title={t('feed.replaceConfirm')} onConfirm={() => create.mutate()}>
            <Button icon={<LinkOutlined />} loading={create.isPending}>{t('feed.replace')}</Button>
          </Popconfirm>
        ) : (
          <Button icon={<LinkOutlined />} loading={create.isPending} onClick={() => create.mutate()} data-testid="cal-feed-create">{t('feed.create')}</Button>
        )}
        {exists && (
          <Popconfirm title={t('feed.revokeConfirm')} onConfirm={() => revoke.mutate()}>
            <Button danger loading={revoke.isPending}>{t('feed.revoke')}</Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}

/** /calendar — visits, receptions and trips I may see, by week or month; a list on phones. */
export function CalendarPage() {
  const { t } = useTranslation('calendar');
  const phone = Grid.useBreakpoint().md === false;
  // the week or month shown is in the URL: Back steps through the weeks looked at
  const state = useListState({ view: oneOf(['week', 'month'], 'week'), date: date(dayjs().format(DAY_FORMAT)) });
  const mode: Mode = state.filters.view;
  const anchor = dayjs(state.filters.date);
  const go = (next: { view?: Mode; date?: Dayjs }) => state.set({ view: next.view ?? mode, date: next.date?.format(DAY_FORMAT) ?? state.filters.date });

  const { from, days } = rangeOf(mode, anchor);
  const to = from.add(days - 1, 'day');
  const q = useCalendar(from.format(DAY_FORMAT), to.format(DAY_FORMAT));
  // others' entries in view (a manager's team, a director's department): every entry says whose it is
  const { me } = useAuth();
  const owners = (q.data?.items ?? []).some((e) => e.ownerId !== me?.id);
  const byDay = useMemo(() => {
    const m = new Map<string, CalendarEvent[]>();
    for (const e of q.data?.items ?? []) for (const d of daysOf(e)) m.set(d, [...(m.get(d) ?? []), e]);
    return m;
  }, [q.data]);

  const step = (n: number) => go({ date: anchor.add(n, mode === 'week' ? 'week' : 'month') });
  const title = mode === 'week' ? `${from.format('YYYY-MM-DD')} ～ ${to.format('MM-DD')}` : anchor.format('YYYY-MM');
  const exportUrl = `/api/calendar/export.ics?from=${from.format(DAY_FORMAT)}&to=${to.format(DAY_FORMAT)}`;

  return (
    <div>
      <PageHeader title={t('title')} extra={<Button icon={<DownloadOutlined />} href={exportUrl} data-testid="cal-export">{t('export')}</Button>} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<Mode> value={mode} onChange={(v) => go({ view: v })} options={[{ value: 'week', label: t('week') }, { value: 'month', label: t('month') }]} />
        <Button icon={<LeftOutlined />} onClick={() => step(-1)} aria-label={t('previous')} />
        <Button onClick={() => go({ date: dayjs() })}>{t('today')}</Button>
        <Button icon={<RightOutlined />} onClick={() => step(1)} aria-label={t('next')} />
        <Typography.Text strong>{title}</Typography.Text>
        <Flex gap={4} style={{ marginInlineStart: 'auto' }}>
          {owners && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 4 }} data-testid="cal-shows-others">
              {t('showsOthers')}
            </Typography.Text>
          )}
          {(['visit', 'reception', 'trip'] as const).map((k) => <Tag key={k} color={KIND_COLOR[k]}>{t(`kinds.${k}`)}</Tag>)}
        </Flex>
      </Flex>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {phone ? (
        <DayList from={from} days={days} byDay={byDay} owners={owners} />
      ) : mode === 'week' ? (
        <WeekGrid from={from} byDay={byDay} owners={owners} />
      ) : (
        <Calendar
          value={anchor}
          headerRender={() => null}
          onSelect={(d, info) => info.source === 'date' && go({ view: 'week', date: d })}
          cellRender={(d, info) =>
            info.type === 'date' ? (
              <div data-testid={`cal-cell-${d.format(DAY_FORMAT)}`}>{(byDay.get(d.format(DAY_FORMAT)) ?? []).slice(0, 4).map((e) => <EventLine key={`${e.kind}-${e.id}`} e={e} owners={owners} />)}</div>
            ) : null
          }
        />
      )}
      <FeedCard />
    </div>
  );
}
