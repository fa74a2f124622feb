import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Result, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PublicSurvey } from '../../../../shared/contracts/surveys';
import { MAX_SURVEY_COMMENT, type SurveyLanguage } from '../../../../shared/domain/surveys';
import { ApiError } from '../../../api/client';
import { useAnswerSurvey, usePublicSurvey } from '../api';
import { surveyLanguage, worded } from '../helpers';

type Question = PublicSurvey['questions'][number];
type Answers = Record<string, number | null>;

const PAGE: React.CSSProperties = { minHeight: '100vh', background: '#f3f5f8', padding: '16px 12px 32px' };
const COLUMN: React.CSSProperties = { maxWidth: 560, margin: '0 auto' };

/**
 * /s/:token — the customer's satisfaction survey on a phone (390 px first), without signing in: the account's
 * name, the questions of the invitation's set in the browser's language (Chinese unless it prefers English),
 * big buttons for 1–5 and 0–10, a comment; then a thank-you. A link that opens nothing (expired, used,
 * revoked, mistyped) gets one neutral page.
 */
export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation('surveys');
  const [language, setLanguage] = useState<SurveyLanguage>(() => surveyLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]));
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => {
    document.title = t('public.title');
  }, [t, language]);
  const survey = usePublicSurvey(token);
  const submit = useAnswerSurvey(token);

  const switcher = (
    <Segmented<SurveyLanguage>
      size="small"
      value={language}
      onChange={setLanguage}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
      data-testid="survey-language"
    />
  );

  let body: React.ReactNode;
  if (survey.isLoading) body = <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  else if (survey.error) body = <Failure error={survey.error} onRetry={() => void survey.refetch()} />;
  else if (submit.isSuccess) body = <Thanks />;
  // used meanwhile (another tab, a second tap): the same page as a used link
  else if (isGone(submit.error)) body = <Failure error={submit.error} onRetry={() => submit.reset()} />;
  else if (survey.data) body = <SurveyForm survey={survey.data} language={language} sending={submit.isPending} error={submit.error} onSubmit={(a) => submit.mutate(a)} />;

  return (
    <div style={PAGE} data-testid="public-survey">
      <div style={COLUMN}>
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          {switcher}
        </Flex>
        {body}
      </div>
    </div>
  );
}

const isGone = (error: unknown) => error instanceof ApiError && (error.status === 410 || error.status === 404);

/** A link that opens nothing, a refused request, or the network. */
function Failure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('surveys');
  const status = error instanceof ApiError ? error.status : 0;
  if (isGone(error))
    return (
      <Card data-testid="survey-gone">
        <Result icon={<ClockCircleOutlined style={{ color: '#8c8c8c' }} />} title={t('public.goneTitle')} subTitle={t('public.goneBody')} />
      </Card>
    );
  return (
    <Card data-testid="survey-error">
      <Result
        status="warning"
        title={status === 429 ? t('public.rateLimited') : t('public.errorTitle')}
        subTitle={status === 429 ? undefined : t('public.errorBody')}
        extra={
          <Button type="primary" size="large" onClick={onRetry}>
            {t('public.retry')}
          </Button>
        }
      />
    </Card>
  );
}

function Thanks() {
  const { t } = useTranslation('surveys');
  return (
    <Card data-testid="survey-thanks">
      <Result icon={<CheckCircleFilled style={{ color: '#52c41a' }} />} title={t('public.thanksTitle')} subTitle={t('public.thanksBody')} />
    </Card>
  );
}

/** The questions, one card each, and the submit button. */
function SurveyForm({ survey, language, sending, error, onSubmit }: { survey: PublicSurvey; language: SurveyLanguage; sending: boolean; error: unknown; onSubmit: (a: { csat: number; nps: number; items: Answers; comment: string | null }) => void }) {
  const { t } = useTranslation('surveys');
  const [answers, setAnswers] = useState<Answers>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const cards = useRef<Record<string, HTMLDivElement | null>>({});
  const scored = useMemo(() => survey.questions.filter((q) => q.kind !== 'comment'), [survey.questions]);
  const set = (key: string, v: number) => {
    setAnswers((a) => ({ ...a, [key]: v }));
    setMissing((m) => m.filter((k) => k !== key));
  };
  const send = () => {
    const gaps = scored.filter((q) => q.required && typeof answers[q.key] !== 'number').map((q) => q.key);
    setMissing(gaps);
    if (gaps.length) {
      cards.current[gaps[0]!]?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    const items = Object.fromEntries(scored.filter((q) => q.kind === 'rating').map((q) => [q.key, answers[q.key] ?? null]));
    onSubmit({ csat: answers.csat!, nps: answers.nps!, items, comment: comment.trim() || null });
  };
  const expires = new Date(survey.expiresAt).toLocaleDateString(language === 'en' ? 'en-GB' : 'zh-CN');

  return (
    <Flex vertical gap={12}>
      <Card styles={{ body: { padding: 20 } }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="survey-account">
          {t('public.for', { account: survey.accountName })}
        </Typography.Text>
        <Typography.Title level={3} style={{ margin: '4px 0 8px' }}>
          {t('public.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 4, fontSize: 15 }}>{t('public.intro')}</Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('public.validUntil', { date: expires })}
        </Typography.Text>
      </Card>
      {survey.questions.map((q, i) => (
        <div key={q.key} ref={(el) => void (cards.current[q.key] = el)}>
          <Card styles={{ body: { padding: 16 } }} style={missing.includes(q.key) ? { borderColor: '#ff4d4f' } : undefined} data-testid={`survey-q-${q.key}`}>
            <Flex gap={8} align="baseline" style={{ marginBottom: 12 }}>
              <Typography.Text strong style={{ fontSize: 16, lineHeight: 1.5 }}>
                {i + 1}. {worded(q.text, language)}
              </Typography.Text>
              {q.required && (
                <Tag color="red" style={{ marginInlineEnd: 0, flex: 'none' }}>
                  {t('public.required')}
                </Tag>
              )}
            </Flex>
            {q.kind === 'comment' ? (
              <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={MAX_SURVEY_COMMENT} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('public.commentPlaceholder')} style={{ fontSize: 16 }} data-testid="survey-comment" />
            ) : (
              <Scale question={q} value={answers[q.key] ?? null} onChange={(v) => set(q.key, v)} low={worded(q.kind === 'nps' ? survey.scale.npsLow : survey.scale.low, language)} high={worded(q.kind === 'nps' ? survey.scale.npsHigh : survey.scale.high, language)} />
            )}
            {missing.includes(q.key) && (
              <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }} data-testid={`survey-missing-${q.key}`}>
                {t('public.pick')}
              </Typography.Text>
            )}
          </Card>
        </div>
      ))}
      {missing.length > 0 && <Alert type="error" showIcon title={t('public.pick')} />}
      {error ? <Alert type="error" showIcon title={error instanceof ApiError && error.status === 429 ? t('public.rateLimited') : t('public.errorTitle')} description={error instanceof ApiError && error.status === 429 ? undefined : t('public.errorBody')} data-testid="survey-send-error" /> : null}
      <Button type="primary" size="large" block loading={sending} onClick={send} style={{ height: 52, fontSize: 17 }} data-testid="survey-submit">
        {t('public.submit')}
      </Button>
    </Flex>
  );
}

/** 1–5 as five buttons in a row; 0–10 as two rows (0–5, 6–10); the scale's ends in words under them. Each button is at least 48 px high. */
function Scale({ question, value, onChange, low, high }: { question: Question; value: number | null; onChange: (v: number) => void; low: string; high: string }) {
  const values = question.kind === 'nps' ? Array.from({ length: 11 }, (_, i) => i) : [1, 2, 3, 4, 5];
  const rows = question.kind === 'nps' ? [values.slice(0, 6), values.slice(6)] : [values];
  return (
    <div role="radiogroup" aria-label={question.key}>
      <Flex vertical gap={8}>
        {rows.map((row, r) => (
          <div key={r} style={{ display: 'grid', gridTemplateColumns: `repeat(${question.kind === 'nps' ? 6 : 5}, 1fr)`, gap: 8 }}>
            {row.map((v) => (
              <Button
                key={v}
                role="radio"
                aria-checked={value === v}
                type={value === v ? 'primary' : 'default'}
                onClick={() => onChange(v)}
                style={{ height: 48, fontSize: 18, fontWeight: 600, padding: 0 }}
                data-testid={`survey-${question.key}-${v}`}
              >
                {v}
              </Button>
            ))}
          </div>
        ))}
      </Flex>
      <Flex justify="space-between" style={{ marginTop: 6, fontSize: 12, color: '#8c8c8c' }}>
        <span>{low}</span>
        <span>{high}</span>
      </Flex>
    </div>
  );
}
