import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, InputNumber, Popconfirm, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scorecardSettingsSave, type RuleSet, type ScoreItemDef } from '../../../../shared/contracts/scorecards';
import { fullMarks } from '../../../../shared/domain/scorecards';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { PageHeader } from '../../../components/PageHeader';
import { useSaveScorecardSettings, useScorecardSettings, type ScorecardSettings } from '../api';
import { fmtPoints, itemKey, trimZeros } from '../card';
import { numberAt, ruleFields, withItemRule, withNumber, withThreshold } from '../settings';

/**
 * /scorecards/settings — 考核规则 (admin, scorecard:configure): for each form its warning threshold and each item's
 * full marks and the numbers of its rule (steps, bands, tiers, a judgment's step), beside the item's reading. All
 * three forms are saved together with the version read; a card keeps the rules it was opened with.
 */
export function SettingsPage() {
  const q = useScorecardSettings();
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  return <Editor data={q.data} reload={() => void q.refetch()} />;
}

function Editor({ data, reload }: { data: ScorecardSettings; reload: () => void }) {
  const { t } = useTranslation('scorecards');
  const save = useSaveScorecardSettings();
  const showError = useApiError();
  const { message } = useFeedback();
  // the draft belongs to the version it was made from: a saved or reloaded settings page starts from the server's
  const [draft, setDraft] = useState<{ version: number; sets: RuleSet[] | null }>({ version: data.version, sets: null });
  const sets = (draft.version === data.version ? draft.sets : null) ?? data.ruleSets;
  const dirty = JSON.stringify(sets) !== JSON.stringify(data.ruleSets);
  const change = (next: RuleSet[]) => setDraft({ version: data.version, sets: next });

  const onSave = async () => {
    const body = { ruleSets: sets, version: data.version };
    const check = scorecardSettingsSave.safeParse(body);
    if (!check.success) {
      void message.error(t('settings.invalid', { where: check.error.issues.map((i) => i.path.join('.')).join('; ') }));
      return;
    }
    try {
      await save.mutateAsync(check.data);
      void message.success(t('settings.saved'));
    } catch (err) {
      showError(err, undefined, () => (setDraft({ version: -1, sets: null }), reload()));
    }
  };

  return (
    <div style={{ minWidth: 0 }}>
      <PageHeader
        title={t('settings.title')}
        subtitle={
          <Space wrap>
            <span>{t('settings.subtitle')}</span>
            {data.updatedAt && (
              <Typography.Text type="secondary">
                {t('settings.updatedAt')} <DateTime value={data.updatedAt} />
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          <>
            {dirty && (
              <Popconfirm title={t('settings.discardConfirm')} okText={t('actions.yes')} cancelText={t('actions.cancel')} onConfirm={() => setDraft({ version: data.version, sets: null })}>
                <Button icon={<UndoOutlined />} data-testid="scorecard-settings-discard">
                  {t('settings.discard')}
                </Button>
              </Popconfirm>
            )}
            <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => void onSave()} data-testid="scorecard-settings-save">
              {t('settings.save')}
            </Button>
          </>
        }
      />
      <Alert type="info" showIcon title={t('settings.note')} style={{ marginBottom: 12 }} />
      <Tabs
        items={sets.map((set) => ({
          key: set.kind,
          label: <span data-testid={`settings-kind-${set.kind}`}>{t(`kinds.${set.kind}`)}</span>,
          children: <KindEditor set={set} onThreshold={(v) => change(withThreshold(sets, set.kind, v))} onItem={(key, fn) => change(withItemRule(sets, set.kind, key, fn))} />,
        }))}
      />
    </div>
  );
}

function KindEditor({ set, onThreshold, onItem }: { set: RuleSet; onThreshold: (v: number) => void; onItem: (key: string, fn: (r: ScoreItemDef['rule']) => ScoreItemDef['rule']) => void }) {
  const { t } = useTranslation('scorecards');
  const full = fullMarks(set);
  const columns: ColumnsType<ScoreItemDef> = [
    {
      title: t('columns.name'),
      key: 'name',
      width: 240,
      render: (_, i) => (
        <div>
          <Typography.Text strong>{t(itemKey(set.kind, i.key, 'name'))}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t(itemKey(set.kind, i.key, 'reading'))}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('columns.source'), key: 'source', width: 90, render: (_, i) => <Tag style={{ marginInlineEnd: 0 }}>{t(`sources.${i.source}`)}</Tag> },
    {
      title: t('columns.full'),
      key: 'points',
      width: 100,
      render: (_, i) => (
        <InputNumber<number> formatter={trimZeros}
          min={0}
          max={100}
          step={1}
          value={i.rule.points}
          onChange={(v) => v !== null && onItem(i.key, (r) => ({ ...r, points: v }))}
          style={{ width: 80 }}
          data-testid={`settings-${set.kind}-${i.key}-points`}
        />
      ),
    },
    {
      title: t('settings.ruleNumbers'),
      key: 'rule',
      render: (_, i) => (
        <Flex gap={8} wrap>
          <Tag color="blue" style={{ alignSelf: 'center' }}>
            {t(`settings.ruleKinds.${i.rule.kind}`)}
          </Tag>
          {ruleFields(i.rule).map((f) => (
            <Space.Compact key={f.path.join('.')} size="small">
              <Space.Addon>{t(`settings.fields.${f.label}`, { n: f.index })}</Space.Addon>
              <InputNumber<number> formatter={trimZeros}
                size="small"
                step={f.step}
                min={f.min}
                value={numberAt(i.rule, f.path)}
                onChange={(v) => v !== null && onItem(i.key, (r) => withNumber(r, f.path, v))}
                style={{ width: 76 }}
                data-testid={`settings-${set.kind}-${i.key}-${f.path.join('-')}`}
              />
            </Space.Compact>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <Card size="small">
      <Flex gap={24} wrap align="center" style={{ marginBottom: 12 }}>
        <Space>
          <Typography.Text>{t('settings.threshold')}</Typography.Text>
          <InputNumber<number> formatter={trimZeros} min={0} max={100} step={1} value={set.threshold} onChange={(v) => v !== null && onThreshold(v)} style={{ width: 90 }} data-testid={`settings-${set.kind}-threshold`} />
        </Space>
        <Typography.Text type="secondary">{t(`settings.cycles.${set.cycle}`)}</Typography.Text>
        <Typography.Text type={full === 100 ? 'secondary' : 'warning'} data-testid={`settings-${set.kind}-full`}>
          {t('settings.fullMarks', { points: fmtPoints(full) })}
          {full !== 100 && ` · ${t('settings.not100')}`}
        </Typography.Text>
      </Flex>
      <Table<ScoreItemDef> rowKey="key" size="small" columns={columns} dataSource={set.items} pagination={false} scroll={{ x: 900 }} />
    </Card>
  );
}
