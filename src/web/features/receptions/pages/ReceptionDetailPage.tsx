import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { COST_LINES, SPENT_LINES, type ReceptionDetail } from '../../../../shared/contracts/receptions';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useReception, useReceptionAction } from '../api';
import { ReceptionStatus } from '../components/ReceptionStatus';
import { ReportForm } from '../components/ReportForm';
import { SeatingEditor } from '../components/SeatingEditor';

const people = (list: { name: string; title: string | null }[]) => list.map((p) => (p.title ? `${p.name}（${p.title}）` : p.name)).join('、') || '—';

/** /receptions/:id — the application with its approval state, the report, the banquet seating. */
export function ReceptionDetailPage() {
  const { id } = useParams();
  const receptionId = Number(id);
  const one = useReception(receptionId);
  const { t } = useTranslation('receptions');
  const [params, setParams] = useSearchParams();
  if (one.isLoading) return <Skeleton active />;
  if (!one.data) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  const r = one.data.reception;
  const tab = params.get('tab') ?? 'application';
  return (
    <div>
      <PageHeader
        title={
          <Space wrap>
            {r.account.name}
            <Tag>{t(`kinds.${r.kind}`)}</Tag>
          </Space>
        }
        subtitle={
          <Space wrap>
            <DateTime value={r.startsAt} />
            {r.place}
            <ReceptionStatus reception={r} />
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'application', label: t('detail.tabs.application'), children: <ApplicationTab r={r} /> },
          { key: 'report', label: <span data-testid="tab-report">{t('detail.tabs.report')}</span>, children: <ReportTab r={r} /> },
          { key: 'seating', label: <span data-testid="tab-seating">{t('detail.tabs.seating')}</span>, children: <SeatingEditor reception={r} /> },
        ]}
      />
    </div>
  );
}

function ApplicationTab({ r }: { r: ReceptionDetail }) {
  const { t } = useTranslation('receptions');
  const navigate = useNavigate();
  const action = useReceptionAction(r.id);
  const showError = useApiError();
  const { message } = useFeedback();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const editable = r.canWrite && ['draft', 'rejected', 'withdrawn'].includes(r.status);
  const run = async (path: '/submit' | '/withdraw' | '/cancel', body: object = {}) => {
    try {
      await action.mutateAsync({ path, body: { version: r.version, ...body } });
      void message.success(t(`statuses.${path === '/submit' ? 'pending' : path === '/withdraw' ? 'withdrawn' : 'cancelled'}`));
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Card size="small">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {editable && (
          <Button icon={<EditOutlined />} onClick={() => navigate(`/receptions/${r.id}/edit`)}>
            {t('application.edit')}
          </Button>
        )}
        {editable && (
          <Button type="primary" loading={action.isPending} onClick={() => void run('/submit')} data-testid="reception-submit">
            {t('application.submit')}
          </Button>
        )}
        {r.canWrite && r.status === 'pending' && <Button onClick={() => void run('/withdraw')}>{t('application.withdraw')}</Button>}
        {r.canWrite && r.status !== 'pending' && r.status !== 'cancelled' && r.reportStatus === 'none' && (
          <Button danger onClick={() => setCancelOpen(true)}>
            {t('application.cancel')}
          </Button>
        )}
        {r.approvalId && (
          <Link to={`/approvals/${r.approvalId}`}>
            <Button data-testid="reception-approval">{t('detail.openApproval')}</Button>
          </Link>
        )}
        <Link to={`/receptions/${r.id}/print/application`}>
          <Button icon={<PrinterOutlined />} data-testid="print-application">
            {t('detail.printApplication')}
          </Button>
        </Link>
      </Flex>
      {r.status === 'draft' && <Alert type="info" showIcon message={t('application.chainHint')} style={{ marginBottom: 12 }} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('fields.account')}>{r.account.name}</Descriptions.Item>
        <Descriptions.Item label={t('fields.startsAt')}>
          <DateTime value={r.startsAt} />
          {r.endsAt && (
            <>
              {' – '}
              <DateTime value={r.endsAt} />
            </>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.place')}>{r.place ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.visitors')}>{people(r.visitors)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.purposes')} span="filled">
          {r.purposes.map((p) => t(`purposes.${p}`)).join('；') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.level')}>
          {t(`levels.${r.level}`)} <Typography.Text type="secondary">{t(`levelHints.${r.level}`)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.execution')}>{t(`executions.${r.execution}`)}</Descriptions.Item>
        {r.kind === 'tour' && (
          <>
            <Descriptions.Item label={t('fields.tourRoute')}>{r.tourRoute}</Descriptions.Item>
            <Descriptions.Item label={t('fields.tourGuide')}>{r.tourGuide}</Descriptions.Item>
            <Descriptions.Item label={t('fields.tourAreas')} span="filled">
              {r.tourAreas.join('、') || '—'}
            </Descriptions.Item>
          </>
        )}
        {COST_LINES.map((l) => (
          <Descriptions.Item key={l} label={t(`costs.${l}`)}>
            <MoneyText fen={r.costs[l]} />
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('costs.total')}>
          <MoneyText fen={r.costs.total} strong />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.owner')}>{r.owner.name}</Descriptions.Item>
        {r.note && <Descriptions.Item label={t('fields.note')}>{r.note}</Descriptions.Item>}
        {r.cancelReason && <Descriptions.Item label={t('application.cancelReason')}>{r.cancelReason}</Descriptions.Item>}
      </Descriptions>
      <Modal open={cancelOpen} title={t('application.cancel')} onCancel={() => setCancelOpen(false)} onOk={() => void run('/cancel', { reason }).then(() => setCancelOpen(false))} okButtonProps={{ disabled: !reason.trim(), danger: true }}>
        <Input.TextArea rows={3} placeholder={t('application.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </Modal>
    </Card>
  );
}

function ReportTab({ r }: { r: ReceptionDetail }) {
  const { t } = useTranslation('receptions');
  const [editing, setEditing] = useState(false);
  const action = useReceptionAction(r.id);
  const showError = useApiError();
  const [form] = Form.useForm<{ comment?: string }>();
  const writable = r.canWrite && r.status === 'approved' && r.reportStatus !== 'approved';
  if (!r.report || editing) {
    if (!writable) return <Alert type="info" showIcon message={t('report.none')} />;
    return <ReportForm reception={r} onDone={() => setEditing(false)} />;
  }
  const rep = r.report;
  const confirm = async (v: { comment?: string }) => {
    try {
      await action.mutateAsync({ path: '/report/confirm', body: { version: r.version, comment: v.comment ?? null } });
    } catch (err) {
      showError(err, form);
    }
  };
  return (
    <Card size="small">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {writable && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('report.write')}
          </Button>
        )}
        <Link to={`/receptions/${r.id}/print/report`}>
          <Button icon={<PrinterOutlined />} data-testid="print-report">
            {t('detail.printReport')}
          </Button>
        </Link>
      </Flex>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('report.date')}>{rep.date}</Descriptions.Item>
        <Descriptions.Item label={t('report.place')}>{rep.place}</Descriptions.Item>
        <Descriptions.Item label={t('report.guestAttendees')}>{people(rep.guestAttendees)}</Descriptions.Item>
        <Descriptions.Item label={t('report.hostAttendees')}>{people(rep.hostAttendees)}</Descriptions.Item>
        {SPENT_LINES.map((l) => (
          <Descriptions.Item key={l} label={t(`spent.${l}`)}>
            <MoneyText fen={rep.spent[l]} /> {rep.spentNotes[l] && <Typography.Text type="secondary">{rep.spentNotes[l]}</Typography.Text>}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('spent.total')}>
          <MoneyText fen={rep.spent.total} strong />
        </Descriptions.Item>
        <Descriptions.Item label={t('report.activities')} span="filled">
          {rep.activities ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.cautions')} span="filled">
          {rep.cautions ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.effect')} span="filled">
          {rep.effect}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.information')} span="filled">
          {rep.information ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      {rep.confirmedBy && rep.confirmedAt && (
        <Alert style={{ marginTop: 12 }} type="success" showIcon message={t('report.confirmed', { name: rep.confirmedBy.name, at: new Date(rep.confirmedAt).toLocaleString() })} description={rep.comment} data-testid="report-confirmed" />
      )}
      {r.canConfirmReport && (
        <Form form={form} layout="inline" onFinish={confirm} style={{ marginTop: 12, rowGap: 8 }}>
          <Form.Item name="comment" style={{ flex: 1, minWidth: 200 }}>
            <Input placeholder={t('report.comment')} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={action.isPending} data-testid="report-confirm">
            {t('report.confirm')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
