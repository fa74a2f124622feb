import { DeleteOutlined, EditOutlined, GiftOutlined, PrinterOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { GiftApplication } from '../../../../shared/contracts/gifts';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useDeleteGiftApplication, useGiftApplication, useGiftApplicationAction } from '../api';
import { CapNotice } from '../components/CapNotice';
import { STATUS_COLORS } from './GiftApplicationsPage';
import { AccountLink } from '../../accounts';

const EDITABLE = new Set(['draft', 'rejected']);

/** One 礼品馈赠申请: the form's fields, the cap flag with the recipient's year-to-date total, the signatures, and its actions. */
export function GiftApplicationDetailPage() {
  const { t } = useTranslation('gifts');
  const id = Number(useParams().id);
  const q = useGiftApplication(id);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  const a = q.data;
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {t('form.titleNew')} #{a.id}
            <StatusTag value={a.status} labelPrefix="gifts:statuses" colors={STATUS_COLORS} />
            {a.overCap && <Tag color="red" data-testid="gift-over-cap-tag">{t('overCapShort')}</Tag>}
          </Flex>
        }
        extra={<Actions a={a} />}
      />
      <Flex vertical gap={16}>
        <CapNotice check={a.cap} value={a.value} />
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'dept', label: t('detail.applyDept'), children: a.unitName },
              { key: 'managing', label: t('form.managingDept'), children: a.managingDept ?? '—' },
              { key: 'account', label: t('form.account'), children: <AccountLink id={a.accountId}>{a.accountName}</AccountLink> },
              { key: 'contact', label: t('form.contact'), children: a.contactTitle ? `${a.contactName}（${a.contactTitle}）` : a.contactName },
              { key: 'item', label: t('form.item'), children: a.itemName },
              { key: 'quantity', label: t('form.quantity'), children: `${a.quantity} ${a.itemUnit}` },
              { key: 'value', label: t('form.value'), children: <span data-testid="gift-detail-value"><MoneyText fen={a.value} strong /></span> },
              { key: 'date', label: t('form.giftOn'), children: a.giftOn },
              { key: 'applicant', label: t('detail.applicant'), children: a.ownerName },
              ...(a.issuedAt ? [{ key: 'issued', label: t('detail.issuedAt'), children: <><DateTime value={a.issuedAt} /> · {a.issuedByName}</> }] : []),
              { key: 'remark', label: t('form.remark'), children: a.remark ?? '—', span: 'filled' as const },
            ]}
          />
        </Card>
        {a.signatures.length > 0 && (
          <Card size="small" title={a.approvalId ? <Link to={`/approvals/${a.approvalId}`}>{t('detail.approval')}</Link> : t('detail.approval')}>
            <Timeline
              items={a.signatures.map((s) => ({
                color: s.status === 'approved' ? 'green' : s.status === 'rejected' || s.status === 'returned' ? 'red' : s.status === 'pending' ? 'blue' : 'gray',
                content: (
                  <Typography.Text>
                    {s.name} · {s.approverName} · {t(`common:status.${s.status}`, { defaultValue: s.status })} {s.actedAt && <DateTime value={s.actedAt} type="secondary" />}
                  </Typography.Text>
                ),
              }))}
              data-testid="gift-signatures"
            />
          </Card>
        )}
      </Flex>
    </>
  );
}

function Actions({ a }: { a: GiftApplication }) {
  const { t } = useTranslation('gifts');
  const { can } = useAuth();
  const navigate = useNavigate();
  const act = useGiftApplicationAction();
  const remove = useDeleteGiftApplication();
  const showError = useApiError();
  const { message, modal } = useFeedback();
  const run = (action: 'submit' | 'withdraw' | 'issue', done: string) =>
    act.mutate({ id: a.id, action, version: a.version }, { onSuccess: () => void message.success(done), onError: (e) => showError(e) });
  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/gifts/applications/${a.id}/print`)} data-testid="gift-print">
        {t('detail.print')}
      </Button>
      {can('gift:apply') && EDITABLE.has(a.status) && (
        <>
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/gifts/applications/${a.id}/edit`)} data-testid="gift-edit">
            {t('detail.edit')}
          </Button>
          <Button type="primary" icon={<SendOutlined />} loading={act.isPending} onClick={() => run('submit', t('detail.submitted'))} data-testid="gift-submit">
            {t('detail.submit')}
          </Button>
        </>
      )}
      {can('gift:apply') && a.status === 'draft' && a.approvalId === null && (
        <Button
          danger
          icon={<DeleteOutlined />}
          loading={remove.isPending}
          data-testid="gift-delete"
          onClick={() => modal.confirm({ title: t('detail.deleteConfirm'), onOk: () => remove.mutate({ id: a.id, version: a.version }, { onSuccess: () => void navigate('/gifts/applications'), onError: (e) => showError(e) }) })}
        >
          {t('detail.delete')}
        </Button>
      )}
      {can('gift:apply') && a.status === 'pending' && (
        <Button icon={<RollbackOutlined />} loading={act.isPending} onClick={() => run('withdraw', t('catalogue.saved'))} data-testid="gift-withdraw">
          {t('detail.withdraw')}
        </Button>
      )}
      {can('gift:manage') && a.status === 'approved' && (
        <Button
          type="primary"
          icon={<GiftOutlined />}
          loading={act.isPending}
          data-testid="gift-issue"
          onClick={() => modal.confirm({ title: t('detail.issueConfirm', { quantity: a.quantity, unit: a.itemUnit, item: a.itemName }), onOk: () => run('issue', t('detail.issued')) })}
        >
          {t('detail.issue')}
        </Button>
      )}
    </>
  );
}
