import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventKind, EventStatus, FollowUpKind, InvitationResponse } from '../../../shared/contracts/events';
import { dayjsLocale } from '../../components/DateTime';
import { useApiError, useFeedback } from '../../components/feedback';

export const STATUS_COLOR: Record<EventStatus, string> = { draft: 'default', pending: 'processing', approved: 'cyan', rejected: 'error', held: 'success', closed: 'purple', cancelled: 'default' };
const KIND_COLOR: Record<EventKind, string> = { seminar: 'gold', salon: 'magenta', experience: 'green', gala: 'volcano', other: 'default' };
export const RESPONSE_COLOR: Record<InvitationResponse, string> = { invited: 'default', registered: 'blue', declined: 'warning' };

export function EventStatusTag({ status }: { status: EventStatus }) {
  const { t } = useTranslation('events');
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="event-status" data-status={status}>
      {t(`statuses.${status}`)}
    </Tag>
  );
}

export function EventKindTag({ kind }: { kind: EventKind }) {
  const { t } = useTranslation('events');
  return (
    <Tag color={KIND_COLOR[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`kinds.${kind}`)}
    </Tag>
  );
}

/**
 * When an event takes place, in the reader's language: "2026年12月10日 14:00–17:00" on one day,
 * "2026年12月10日 14:00 至 2026年12月11日 12:00" across days; without the end, its start alone.
 */
export function useEventTime() {
  const { t, i18n } = useTranslation('events');
  return useCallback(
    (startsAt: string, endsAt?: string | null) => {
      const locale = dayjsLocale(i18n.language);
      const start = dayjs(startsAt).locale(locale);
      const text = start.format(t('formats.when'));
      if (!endsAt) return text;
      const end = dayjs(endsAt).locale(locale);
      if (end.isSame(start, 'minute')) return text;
      return end.isSame(start, 'day') ? t('formats.range', { start: text, end: end.format(t('formats.time')) }) : t('formats.rangeDays', { start: text, end: end.format(t('formats.when')) });
    },
    [t, i18n.language],
  );
}

/** Whether the event's start has come (attendance may then be recorded). */
export const hasStarted = (startsAt: string) => dayjs(startsAt).valueOf() <= Date.now();

/** The web page of a follow-up, from its kind and id (the API's `link` names the same page). */
export const followUpPath = (f: { kind: FollowUpKind; id: number }) => (f.kind === 'visit' ? `/visits/${f.id}` : `/opportunities/${f.id}`);

/** A guest's follow-up as a link: "跟进拜访 #12". */
export function FollowUpLink({ followUp, testId }: { followUp: { kind: FollowUpKind; id: number }; testId?: string }) {
  const { t } = useTranslation('events');
  return (
    <Link to={followUpPath(followUp)} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {t('guests.followUpLink', { kind: t(`followUpKinds.${followUp.kind}`), id: followUp.id })}
    </Link>
  );
}

/** A guest's response, and whether they came: "已报名 · 到场". */
export function ResponseTag({ response, attended }: { response: InvitationResponse; attended: boolean | null }) {
  const { t } = useTranslation('events');
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={RESPONSE_COLOR[response]} style={{ marginInlineEnd: 4 }}>
        {t(`responses.${response}`)}
      </Tag>
      {attended !== null && <Tag color={attended ? 'success' : 'default'}>{attended ? t('guests.attended') : t('guests.absent')}</Tag>}
    </span>
  );
}

/**
 * Runs a write of a button (no form to put field errors on): says `done` when it succeeds, and shows its failure
 * where the user looks — a stale version offers to reload (`onStale`).
 */
export function useAttempt() {
  const showError = useApiError();
  const { message } = useFeedback();
  return useCallback(
    async (write: () => Promise<unknown>, done?: string, onStale?: () => void) => {
      try {
        await write();
        if (done) void message.success(done);
      } catch (err) {
        showError(err, undefined, onStale);
      }
    },
    [showError, message],
  );
}

/** A small red bin that asks `title` first, then runs `onConfirm`. */
export function ConfirmDelete({ title, label, testId, onConfirm }: { title: string; label: string; testId: string; onConfirm: () => Promise<void> }) {
  const { t } = useTranslation('events');
  return (
    <Popconfirm title={title} okText={t('actions.yes')} cancelText={t('actions.back')} onConfirm={onConfirm}>
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={label} title={label} data-testid={testId} />
    </Popconfirm>
  );
}
