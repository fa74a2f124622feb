import { PrinterOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { reportQuery, useDailyReport, useReportDay } from '../api';
import { DailyReportView } from '../components/DailyReportView';
import { DayStepper } from '../components/DayStepper';

/** /daily-reports — 客户拜访日报表 of the caller (or ?userId= in scope) for a day, generated from the recorded visits. */
export function DailyReportPage() {
  const { t } = useTranslation('workPlans');
  const [params, setParams] = useSearchParams();
  const userId = Number(params.get('userId')) || undefined;
  // without a date in the URL: the last day with visits (not a Sunday of zeros)
  const asked = params.get('date');
  const opening = useReportDay(userId ?? 'me', !asked);
  const date = asked ?? opening.data?.date;
  const report = useDailyReport(userId, date);
  const setDate = (d: string) => setParams(Object.fromEntries(new URLSearchParams(reportQuery(userId, d))), { replace: true });

  return (
    <div>
      <PageHeader
        title={t('daily.title')}
        subtitle={report.data && `${report.data.user.name} · ${report.data.unitName} · ${report.data.date}`}
        extra={
          date && (
            <>
              <DayStepper value={date} onChange={setDate} testId="daily-date" />
              <Link to={`/daily-reports/print?${reportQuery(userId, date)}`}>
                <Button icon={<PrinterOutlined />} data-testid="daily-print">
                  {t('daily.print')}
                </Button>
              </Link>
              {userId && (
                <Link to={`/daily-reports/team?date=${date}`}>
                  <Button icon={<TeamOutlined />}>{t('team.title')}</Button>
                </Link>
              )}
            </>
          )
        }
      />
      {opening.error ? <ErrorAlert error={opening.error} /> : report.error ? <ErrorAlert error={report.error} /> : report.data ? <DailyReportView report={report.data} /> : <Skeleton active />}
    </div>
  );
}
