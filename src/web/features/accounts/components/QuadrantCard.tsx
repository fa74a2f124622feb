import { AimOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Flex, Form, Grid, Input, Modal, Progress, Select, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QUADRANTS, type Quadrant, type QuadrantFactor, type QuadrantView } from '../../../../shared/contracts/quadrant';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { MoneyText } from '../../../components/MoneyText';
import { useApiError, useFeedback } from '../../../components/feedback';
import { accountKeys, useQuadrant } from '../api';

export const QUADRANT_COLOR: Record<Quadrant, string> = { star: 'gold', question: 'blue', cash_cow: 'green', dog: 'default' };

export function QuadrantTag({ quadrant, overridden }: { quadrant: Quadrant; overridden?: boolean }) {
  const { t } = useTranslation('portfolio');
  return (
    <Tag color={QUADRANT_COLOR[quadrant]} style={{ marginInlineEnd: 0 }} data-testid="account-quadrant-tag">
      {t(`quadrants.${quadrant}`)}
      {overridden ? ` · ${t('card.manual')}` : ''}
    </Tag>
  );
}

/** What a factor's score was read from, in words. */
function Basis({ f }: { f: QuadrantFactor }) {
  const { t } = useTranslation(['portfolio', 'accounts']);
  const b = f.basis;
  const money = (v: unknown) => (typeof v === 'number' ? <MoneyText fen={v} /> : t('card.blank'));
  const parts: Record<string, ReactNode> = {
    size: (
      <>
        {t('basis.annualSales')} {money(b.annualSales)} · {t('basis.registeredCapital')} {money(b.registeredCapital)} · {t('basis.employees')} {typeof b.employees === 'number' ? b.employees : t('card.blank')}
      </>
    ),
    tier: t(`accounts:tiers.${String(b.tier)}`),
    industryPosition: b.position ? t(`accounts:industryPositions.${String(b.position)}`) : t('card.blank'),
    category: b.category === 'none' ? t('basis.noCategory') : t(`accounts:categories.${String(b.category)}`),
    trend:
      f.score === null ? (
        t('basis.noTrend')
      ) : (
        <>
          {money(b.previous)} → {money(b.last)}
          {typeof b.growthPct === 'number' ? ` (${b.growthPct > 0 ? '+' : ''}${b.growthPct}%)` : ` (${t('basis.newBusiness')})`}
        </>
      ),
    revenue: (
      <>
        {b.window === 'rollingMonths' ? t('basis.revenueMonths', { count: Number(b.years) * 12 }) : t('basis.revenueYears', { count: Number(b.years) })} {money(b.amount)} / {money(b.reference)}
      </>
    ),
    coverage: t('basis.coverage', { score: b.score }),
    decisionMakers: t('basis.decisionMakers', { count: Number(b.count) }),
    lifecycle: t(`accounts:lifecycles.${String(b.stage)}`),
  };
  return <Typography.Text type="secondary">{parts[f.factor]}</Typography.Text>;
}

/** The 2×2 of seed 004 with the account's point: attractiveness up, strength of our position to the right. */
function QuadrantPlot({ q }: { q: QuadrantView }) {
  const { t } = useTranslation('portfolio');
  const cell = (k: Quadrant) => (
    <div style={{ background: k === q.computed ? '#fffbe6' : '#fafafa', border: '1px solid #f0f0f0', padding: 6, fontSize: 12, color: '#8c8c8c' }}>{t(`quadrants.${k}`)}</div>
  );
  return (
    <div style={{ width: '100%', maxWidth: 280 }} data-testid="quadrant-plot">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        ↑ {t('card.attractivenessAxis')}
      </Typography.Text>
      <div style={{ position: 'relative', aspectRatio: '1 / 1' }}>
        <div style={{ display: 'grid', gridTemplateColumns: `${q.split.strength}% ${100 - q.split.strength}%`, gridTemplateRows: `${100 - q.split.attractiveness}% ${q.split.attractiveness}%`, height: '100%' }}>
          {cell('question')}
          {cell('star')}
          {cell('dog')}
          {cell('cash_cow')}
        </div>
        <div
          title={t('card.point', { attractiveness: q.attractiveness, strength: q.strength })}
          style={{ position: 'absolute', left: `calc(${q.strength}% - 7px)`, bottom: `calc(${q.attractiveness}% - 7px)`, width: 14, height: 14, borderRadius: 7, background: '#1f5fbf', border: '2px solid #fff', boxShadow: '0 0 0 1px #1f5fbf' }}
        />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', textAlign: 'right' }}>
        {t('card.strengthAxis')} →
      </Typography.Text>
    </div>
  );
}

function FactorList({ q, axis }: { q: QuadrantView; axis: QuadrantFactor['axis'] }) {
  const { t } = useTranslation('portfolio');
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {q.factors
        .filter((f) => f.axis === axis && f.weight > 0)
        .map((f) => (
          <div key={f.factor} data-testid={`quadrant-factor-${f.factor}`}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{t(`factors.${f.factor}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('card.weight', { weight: f.weight })}
              </Typography.Text>
            </Flex>
            {f.score === null ? <Typography.Text type="secondary">{t('card.unknown')}</Typography.Text> : <Progress percent={f.score} size="small" format={(p) => p} />}
            <Basis f={f} />
          </div>
        ))}
    </Space>
  );
}

/** The policy of a quadrant in words: the department's own guidance, else the seed's. */
export function PolicyText({ quadrant, policy }: { quadrant: Quadrant; policy: QuadrantView['policy'] }) {
  const { t } = useTranslation('portfolio');
  return (
    <Typography.Text data-testid="quadrant-policy">
      {t('card.visitEvery', { count: policy.visitIntervalDays })} · {t(`serviceLevels.${policy.serviceLevel}`)}
      <br />
      <Typography.Text type="secondary">{policy.guidance || t(`guidance.${quadrant}`)}</Typography.Text>
    </Typography.Text>
  );
}

/** ACC-4 on the account 360 page: the quadrant, its service policy, why (factor breakdown) and the director's override. */
export function QuadrantCard({ accountId }: { accountId: number }) {
  const { t } = useTranslation('portfolio');
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const q = useQuadrant(accountId);
  const [open, setOpen] = useState(false);
  const [overriding, setOverriding] = useState(false);
  if (!q.data) return null;
  const v = q.data;
  return (
    <Flex gap={12} align="center" style={{ minWidth: 220, flex: phone ? '1 1 100%' : undefined }} data-testid="account-quadrant">
      <AimOutlined style={{ fontSize: 28, color: '#1f5fbf' }} />
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Flex gap={6} align="center" wrap>
          <Typography.Text type="secondary">{t('card.title')}</Typography.Text>
          <QuadrantTag quadrant={v.quadrant} overridden={v.override !== null} />
          <Button type="link" size="small" icon={<QuestionCircleOutlined />} onClick={() => setOpen(true)} data-testid="quadrant-why" style={{ paddingInline: 0 }}>
            {t('card.why')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('card.visitEvery', { count: v.policy.visitIntervalDays })} · {t(`serviceLevels.${v.policy.serviceLevel}`)}
        </Typography.Text>
      </Flex>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('card.drawerTitle')}
        placement={phone ? 'bottom' : 'right'}
        size={phone ? '85%' : 480}
        extra={
          can('account:assign') && (
            <Button onClick={() => setOverriding(true)} data-testid="quadrant-override">
              {v.override ? t('card.changeOverride') : t('card.setOverride')}
            </Button>
          )
        }
      >
        <Space orientation="vertical" size={20} style={{ width: '100%' }} data-testid="quadrant-drawer">
          <Flex gap={16} wrap align="flex-start">
            <div style={{ flex: '1 1 200px' }}>
              <QuadrantPlot q={v} />
            </div>
            <Descriptions
              size="small"
              column={1}
              style={{ flex: '1 1 180px' }}
              items={[
                { key: 'q', label: t('card.effective'), children: <QuadrantTag quadrant={v.quadrant} overridden={v.override !== null} /> },
                { key: 'a', label: t('card.attractiveness'), children: t('card.score', { score: v.attractiveness, split: v.split.attractiveness }) },
                { key: 's', label: t('card.strength'), children: t('card.score', { score: v.strength, split: v.split.strength }) },
                ...(v.override ? [{ key: 'c', label: t('card.computed'), children: t(`quadrants.${v.computed}`) }] : []),
                { key: 't', label: t('card.computedAt'), children: <DateTime value={v.computedAt} /> },
              ]}
            />
          </Flex>
          {v.override && (
            <div data-testid="quadrant-override-info">
              <Typography.Text strong>{t('card.overrideBy', { name: v.override.byName ?? '—' })}</Typography.Text> <DateTime value={v.override.at} mode="date" />
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v.override.reason}</Typography.Paragraph>
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('card.policy')}</Typography.Title>
            <PolicyText quadrant={v.quadrant} policy={v.policy} />
          </div>
          <div>
            <Typography.Title level={5}>{t('card.attractivenessFactors', { score: v.attractiveness })}</Typography.Title>
            <FactorList q={v} axis="attractiveness" />
          </div>
          <div>
            <Typography.Title level={5}>{t('card.strengthFactors', { score: v.strength })}</Typography.Title>
            <FactorList q={v} axis="strength" />
          </div>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('card.method')}
          </Typography.Paragraph>
        </Space>
      </Drawer>
      <OverrideModal view={v} open={overriding} onClose={() => setOverriding(false)} />
    </Flex>
  );
}

function OverrideModal({ view, open, onClose }: { view: QuadrantView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('portfolio');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const [form] = Form.useForm<{ quadrant: Quadrant | 'auto'; reason: string }>();
  const run = useMutation({
    mutationFn: (v: { quadrant: Quadrant | 'auto'; reason: string }) =>
      api.post<QuadrantView>(`/api/accounts/${view.accountId}/quadrant`, { quadrant: v.quadrant === 'auto' ? null : v.quadrant, reason: v.reason, version: view.version }),
    onSuccess: () => {
      void message.success(t('card.overrideDone'));
      void qc.invalidateQueries({ queryKey: accountKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (err) => showError(err, form, () => void qc.invalidateQueries({ queryKey: accountKeys.all })),
  });
  return (
    <Modal
      open={open}
      title={t('card.overrideTitle')}
      okText={t('card.confirm')}
      cancelText={t('card.cancel')}
      okButtonProps={{ loading: run.isPending, 'data-testid': 'quadrant-override-ok' } as never}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('card.overrideHint', { computed: t(`quadrants.${view.computed}`) })}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ quadrant: view.override?.quadrant ?? view.computed, reason: '' }} onFinish={(v) => run.mutate(v)}>
        <Form.Item name="quadrant" label={t('card.effective')} rules={[{ required: true }]}>
          <Select
            data-testid="quadrant-override-select"
            options={[
              ...QUADRANTS.map((k) => ({ value: k, label: t(`quadrants.${k}`) })),
              ...(view.override ? [{ value: 'auto', label: t('card.backToRules', { computed: t(`quadrants.${view.computed}`) }) }] : []),
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('card.reason')} rules={[{ required: true, whitespace: true, message: t('card.reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} showCount data-testid="quadrant-override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
