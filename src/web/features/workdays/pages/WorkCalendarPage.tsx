import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN, type CalendarStatus } from '../../../../shared/contracts/workdays';
import { formatDateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useOneSave } from '../../../components/formSubmit';
import { useSaveCalendar, useWorkCalendar } from '../api';
import { DayEditor } from '../components/DayEditor';
import { HoursCard } from '../components/HoursCard';
import { MonthGrid, useDayStyle } from '../components/MonthGrid';
import { applyEdits, DAY_KINDS, workingDaysOf, type DayEdit } from '../rules';

const NO_EDITS: ReadonlyMap<string, DayEdit> = new Map();
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const STATUS_COLOR: Record<CalendarStatus, string> = { official: 'green', edited: 'blue', missing: 'default' };

/** ?year= when it names a year the calendar keeps, else undefined (the current year). */
function yearParam(raw: string | null): number | undefined {
  const y = Number(raw);
  return Number.isInteger(y) && y >= CALENDAR_YEAR_MIN && y <= CALENDAR_YEAR_MAX ? y : undefined;
}

/**
 * /admin/work-calendar — 工作日历 (issue 15 item 2): a year's twelve months with the holidays (休) and make-up
 * days (班) marked and named; clicking a day changes it, the changes are collected and saved with one PUT at
 * the version read (a stale version: "changed by someone else — reload"). The working-day count follows the
 * unsaved changes; in December the page warns while next year's arrangement is missing. Below: the working
 * hours. The months stack on a phone.
 */
export function WorkCalendarPage() {
  const { t, i18n } = useTranslation(['workdays', 'common']);
  const [params, setParams] = useSearchParams();
  const calendar = useWorkCalendar(yearParam(params.get('year')));
  const save = useSaveCalendar();
  const { message, modal } = useFeedback();
  const showError = useApiError();
  const dayStyle = useDayStyle();
  // the unsaved changes belong to the year they were made in: another year shown (Back, a link) shows none
  const [pending, setPending] = useState<{ year: number; edits: ReadonlyMap<string, DayEdit> } | null>(null);
  const [picked, setPicked] = useState<string | null>(null);

  const data = calendar.data;
  const edits = pending && pending.year === data?.year ? pending.edits : NO_EDITS;
  const days = useMemo(() => (data ? applyEdits(data.days, edits) : []), [data, edits]);
  const listed = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const edited = useMemo(() => new Set(edits.keys()), [edits]);

  const discard = () => setPending(null);
  const reload = () => {
    discard();
    void calendar.refetch();
  };
  /** Another year: unsaved changes of this one are given up, after asking. */
  const goTo = (year: number) => {
    const go = () => {
      discard();
      setParams({ year: String(year) });
    };
    if (!edits.size) return go();
    modal.confirm({ title: t('discardConfirm', { count: edits.size }), okText: t('discard'), cancelText: t('common:actions.cancel'), onOk: go });
  };
  const saveDays = useOneSave(async () => {
    if (!data) return;
    try {
      await save.mutateAsync({ year: data.year, body: { version: data.version, days: days.map((d) => ({ date: d.date, off: d.off, name: d.name })) } });
      discard();
      void message.success(t('saved', { year: data.year }));
    } catch (err) {
      showError(err, undefined, reload);
    }
  });

  if (calendar.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (calendar.isError || !data) return <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />;

  const thisYear = data.nextYear - 1;
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, data.year])].sort((a, b) => a - b);
  return (
    <div>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <Select
              value={data.year}
              onChange={goTo}
              options={years.map((y) => ({ value: y, label: t('yearOption', { year: y }) }))}
              style={{ width: 120 }}
              aria-label={t('year')}
              data-testid="calendar-year"
            />
            {edits.size > 0 && (
              <Button icon={<UndoOutlined />} onClick={discard} data-testid="calendar-discard">
                {t('discard')}
              </Button>
            )}
            <Button type="primary" icon={<SaveOutlined />} disabled={!edits.size} loading={save.isPending} onClick={() => void saveDays(undefined)} data-testid="calendar-save">
              {t('save')}
            </Button>
          </>
        }
      />

      {data.nextYearMissing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('nextYearMissing', { year: data.nextYear })}
          description={t('nextYearMissingHint', { year: data.nextYear })}
          action={
            data.year !== data.nextYear && (
              <Button size="small" onClick={() => goTo(data.nextYear)} data-testid="calendar-next-year">
                {t('openNextYear', { year: data.nextYear })}
              </Button>
            )
          }
          data-testid="calendar-next-year-missing"
        />
      )}
      {data.status === 'missing' && !(data.nextYearMissing && data.year === data.nextYear) && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('missingYear', { year: data.year })} />}

      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Tag color={STATUS_COLOR[data.status]} data-testid="calendar-status">
          {t(`status.${data.status}`)}
        </Tag>
        <Typography.Text strong data-testid="calendar-working-days">
          {t('workingDays', { count: workingDaysOf(data.year, days) })}
        </Typography.Text>
        {edits.size > 0 && (
          <Typography.Text type="warning" data-testid="calendar-pending">
            {t('pending', { count: edits.size })}
          </Typography.Text>
        )}
        {data.source && <Typography.Text type="secondary">{t('source', { source: data.source })}</Typography.Text>}
        {data.updatedBy && data.updatedAt && (
          <Typography.Text type="secondary">{t('updated', { name: data.updatedBy.name, at: formatDateTime(data.updatedAt, 'dateTime', t, i18n.language) })}</Typography.Text>
        )}
      </Flex>

      <Space wrap size={[16, 4]} style={{ marginBottom: 12 }} data-testid="calendar-legend">
        {DAY_KINDS.map((k) => (
          <Space key={k} size={6}>
            <span style={{ display: 'inline-block', width: 16, height: 16, borderRadius: 3, border: '1px solid var(--ant-color-border)', ...dayStyle(k) }} />
            <Typography.Text>{t(`legend.${k}`)}</Typography.Text>
          </Space>
        ))}
        <Space size={6}>
          <span style={{ display: 'inline-block', width: 16, height: 16, borderRadius: 3, ...dayStyle('workday', true) }} />
          <Typography.Text>{t('legend.edited')}</Typography.Text>
        </Space>
      </Space>

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {MONTHS.map((m) => (
          <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid year={data.year} month={m} listed={listed} days={days} edited={edited} onPick={setPicked} />
          </Col>
        ))}
      </Row>

      <HoursCard calendar={data} onStale={reload} />

      <DayEditor
        date={picked}
        current={picked ? listed.get(picked) : undefined}
        onClose={() => setPicked(null)}
        onApply={(date, edit) => {
          const next = new Map(edits);
          const saved = data.days.find((d) => d.date === date);
          // back to what is saved: no change left to save
          const same = edit === null ? !saved : saved !== undefined && saved.off === edit.off && saved.name === edit.name;
          if (same) next.delete(date);
          else next.set(date, edit);
          setPending({ year: data.year, edits: next });
        }}
      />
    </div>
  );
}
