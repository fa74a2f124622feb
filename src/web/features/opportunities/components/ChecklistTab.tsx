import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Checkbox, Collapse, Flex, Input, Popover, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistEntry, OpportunityDetail } from '../../../../shared/contracts/opportunities';
import { STAGE_PARTS, STAGE_SUPPORT, STAGES, type Stage } from '../../../../shared/domain/pipeline';
import { DateTime } from '../../../components/DateTime';
import { opportunityApi, useOpportunityWrite } from '../api';
import { checklistByStage } from '../helpers';

/**
 * 阶段清单: each stage's work items with a tick and a note, the company support and the people
 * the seed names for it. Auto items are read-only and say what meets them; gate items are marked.
 */
export function ChecklistTab({ o }: { o: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const byStage = checklistByStage(o.checklist);
  const [open, setOpen] = useState<string[]>([String(o.stage)]);
  const tick = useOpportunityWrite((v: { item: string; done: boolean; note: string | null }) => opportunityApi.checklist(o.id, v.item, { done: v.done, note: v.note, version: o.version }));
  const editable = o.canWrite && o.status === 'open';

  return (
    <Collapse
      activeKey={open}
      onChange={(k) => setOpen(k as string[])}
      data-testid="checklist"
      items={STAGES.map((s) => {
        const items = byStage[s];
        const met = items.filter((e) => e.met).length;
        return {
          key: String(s),
          label: (
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong={s === o.stage}>{t('stageLabel', { stage: s, name: t(`pipeline:stages.${s}`) })}</Typography.Text>
              <Space size={4}>
                {s === o.stage && o.status === 'open' && <Tag color="processing">{t('checklist.current')}</Tag>}
                <Typography.Text type={met === items.length ? 'success' : 'secondary'} data-testid={`checklist-count-${s}`}>
                  {t('checklist.count', { met, total: items.length })}
                </Typography.Text>
              </Space>
            </Flex>
          ),
          children: (
            <div data-testid={`checklist-stage-${s}`}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('checklist.goal', { goal: t(`pipeline:stageGoals.${s}`) })}
              </Typography.Paragraph>
              {items.map((e) => (
                <ChecklistRow key={e.item} e={e} editable={editable && !tick.isPending} onSave={(done, note) => tick.mutate({ item: e.item, done, note })} />
              ))}
              <StageSupport stage={s} />
            </div>
          ),
        };
      })}
    />
  );
}

function ChecklistRow({ e, editable, onSave }: { e: ChecklistEntry; editable: boolean; onSave: (done: boolean, note: string | null) => void }) {
  const { t } = useTranslation('opportunities');
  const [note, setNote] = useState(e.note ?? '');
  const [editing, setEditing] = useState(false);
  const hint = t(`pipeline:itemHints.${e.item}`, { defaultValue: '' });
  return (
    <Flex gap={8} align="flex-start" style={{ padding: '6px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }} data-testid={`checklist-item-${e.item}`}>
      <Checkbox checked={e.met} disabled={e.auto || !editable} onChange={(ev) => onSave(ev.target.checked, e.note)} data-testid={`checklist-tick-${e.item}`} style={{ marginTop: 2 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Flex gap={6} wrap align="center">
          <Typography.Text>
            {t(`pipeline:items.${e.item}`)}
          </Typography.Text>
          {e.required && (
            <Tooltip title={t('checklist.requiredHint')}>
              <Tag color={e.met ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
                {t('checklist.required')}
              </Tag>
            </Tooltip>
          )}
          {e.auto && (
            <Tooltip title={t(`checklist.autoWhy.${e.item}`)}>
              <Tag icon={<LockOutlined />} style={{ marginInlineEnd: 0 }} data-testid={`checklist-auto-${e.item}`}>
                {t('checklist.auto')}
              </Tag>
            </Tooltip>
          )}
        </Flex>
        {e.auto && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t(`checklist.autoWhy.${e.item}`)}
          </Typography.Text>
        )}
        {hint && !e.auto && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {hint}
          </Typography.Text>
        )}
        {e.note && (
          <Typography.Text style={{ display: 'block', fontSize: 13, whiteSpace: 'pre-wrap' }} data-testid={`checklist-note-${e.item}`}>
            {e.note}
          </Typography.Text>
        )}
        {e.doneBy && e.doneAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.doneBy.name} · <DateTime value={e.doneAt} type="secondary" />
          </Typography.Text>
        )}
      </div>
      {!e.auto && editable && (
        <Popover
          trigger="click"
          open={editing}
          onOpenChange={(v) => {
            setEditing(v);
            if (v) setNote(e.note ?? '');
          }}
          title={t('checklist.note')}
          content={
            <Flex vertical gap={8} style={{ width: 260 }}>
              <Input.TextArea value={note} onChange={(ev) => setNote(ev.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid={`checklist-note-input-${e.item}`} />
              <Button
                type="primary"
                size="small"
                onClick={() => {
                  onSave(e.met, note.trim() || null);
                  setEditing(false);
                }}
                data-testid={`checklist-note-save-${e.item}`}
              >
                {t('common:actions.save')}
              </Button>
            </Flex>
          }
        >
          <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('checklist.note')} data-testid={`checklist-note-edit-${e.item}`} />
        </Popover>
      )}
    </Flex>
  );
}

/** 公司支持 and 参与人员 of a stage, as the seed's table lists them. */
function StageSupport({ stage }: { stage: Stage }) {
  const { t } = useTranslation('opportunities');
  return (
    <Flex gap={16} wrap style={{ marginTop: 10 }}>
      <div>
        <Typography.Text type="secondary">{t('checklist.support')} </Typography.Text>
        {STAGE_SUPPORT[stage].map((s) => (
          <Tag key={s} color="blue" style={{ marginBottom: 4 }}>
            {t(`pipeline:support.${s}`)}
          </Tag>
        ))}
      </div>
      <div>
        <Typography.Text type="secondary">{t('checklist.parts')} </Typography.Text>
        {STAGE_PARTS[stage].map((p) => (
          <Tag key={p} style={{ marginBottom: 4 }}>
            {t(`pipeline:parts.${p}`)}
          </Tag>
        ))}
      </div>
    </Flex>
  );
}
