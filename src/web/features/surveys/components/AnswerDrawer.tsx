import { Descriptions, Drawer, Grid, Rate, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useInvitation } from '../api';
import { npsGroup, worded } from '../helpers';

/** One invitation's answers, read with the question set it was sent with. */
export function AnswerDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('surveys');
  const phone = Grid.useBreakpoint().md === false;
  const q = useInvitation(id);
  const a = q.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size={phone ? '100%' : 520} title={t('answer.title')} destroyOnHidden data-testid="survey-answer-drawer">
      {q.isLoading && <Skeleton active />}
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {a && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('fields.account')}>{a.accountName}</Descriptions.Item>
          <Descriptions.Item label={t('fields.contact')}>{a.contactName}</Descriptions.Item>
          <Descriptions.Item label={t('fields.answeredAt')}>
            <DateTime value={a.answeredAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.csat')}>
            <Rate disabled value={a.csat ?? 0} /> <Typography.Text strong>{a.csat ?? '—'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.nps')}>
            <Typography.Text strong data-testid="survey-answer-nps">
              {a.nps ?? '—'}
            </Typography.Text>
            {a.nps !== null && <Typography.Text type="secondary"> / 10 · {t(`npsGroups.${npsGroup(a.nps)}`)}</Typography.Text>}
          </Descriptions.Item>
          {a.items.map((item) => (
            <Descriptions.Item key={item.key} label={worded(item.name, i18n.language)}>
              {item.score === null ? <Typography.Text type="secondary">{t('answer.notAnswered')}</Typography.Text> : <Rate disabled value={item.score} />}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('fields.comment')}>{a.comment ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.comment}</Typography.Paragraph> : <Typography.Text type="secondary">{t('answer.noComment')}</Typography.Text>}</Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
