import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Form, Input, Modal, Popconfirm, Row, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRICE_POSITIONS, THREAT_LEVELS, type OpportunityDetail, type ProjectCompetitor } from '../../../../shared/contracts/opportunities';
import { MoneyText } from '../../../components/MoneyText';
import { MoneyInput } from '../../../components/MoneyInput';
import { opportunityApi, useCompetitorOptions, useOpportunityWrite } from '../api';

const THREAT_COLORS = { low: 'green', medium: 'orange', high: 'red' } as const;

/** 竞争对手 on this project: who competes, their strengths, price and relationships, how threatening. */
export function CompetitorsTab({ o }: { o: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const [editing, setEditing] = useState<ProjectCompetitor | 'new' | null>(null);
  const remove = useOpportunityWrite((c: ProjectCompetitor) => opportunityApi.removeCompetitor(o.id, c.id, c.version));
  return (
    <div data-testid="project-competitors">
      {o.competitors.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('competitors.none')} />}
      <Row gutter={[12, 12]}>
        {o.competitors.map((c) => (
          <Col key={c.id} xs={24} md={12} xl={8}>
            <Card
              size="small"
              title={c.competitorName}
              data-testid={`project-competitor-${c.competitorId}`}
              extra={
                <Flex gap={4} align="center">
                  {c.threat && <Tag color={THREAT_COLORS[c.threat]}>{t('competitors.threatTag', { level: t(`pipeline:threat.${c.threat}`) })}</Tag>}
                  {o.canWrite && (
                    <>
                      <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={t('common:actions.edit')} />
                      <Popconfirm title={t('competitors.removeConfirm')} onConfirm={() => remove.mutate(c)}>
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} />
                      </Popconfirm>
                    </>
                  )}
                </Flex>
              }
            >
              <Field label={t('competitors.price')}>
                <MoneyText fen={c.price} />
                {c.pricePosition && <Tag style={{ marginInlineStart: 8 }}>{t(`pipeline:pricePosition.${c.pricePosition}`)}</Tag>}
              </Field>
              <Field label={t('competitors.strengths')}>{c.strengths}</Field>
              <Field label={t('competitors.weaknesses')}>{c.weaknesses}</Field>
              <Field label={t('competitors.relationships')}>{c.relationships}</Field>
            </Card>
          </Col>
        ))}
      </Row>
      {o.canWrite && (
        <Button icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={() => setEditing('new')} data-testid="project-competitor-add">
          {t('competitors.add')}
        </Button>
      )}
      {editing && <CompetitorDialog o={o} entry={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ marginBottom: 6 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      {children ?? <Typography.Text type="secondary">—</Typography.Text>}
    </div>
  );
}

interface Values {
  competitorId?: number;
  strengths?: string | null;
  weaknesses?: string | null;
  price?: number | null;
  pricePosition?: (typeof PRICE_POSITIONS)[number] | null;
  relationships?: string | null;
  threat?: (typeof THREAT_LEVELS)[number] | null;
}

function CompetitorDialog({ o, entry, onClose }: { o: OpportunityDetail; entry?: ProjectCompetitor; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const register = useCompetitorOptions(q);
  const save = useOpportunityWrite(
    (v: Values) => {
      const fields = {
        strengths: v.strengths ?? null,
        weaknesses: v.weaknesses ?? null,
        price: v.price ?? null,
        pricePosition: v.pricePosition ?? null,
        relationships: v.relationships ?? null,
        threat: v.threat ?? null,
      };
      return entry ? opportunityApi.updateCompetitor(o.id, entry.id, { ...fields, version: entry.version }) : opportunityApi.addCompetitor(o.id, { ...fields, competitorId: v.competitorId! });
    },
    { form, onDone: onClose },
  );
  const taken = new Set(o.competitors.map((c) => c.competitorId));
  const text = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label}>
      <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} data-testid={`project-competitor-${name}`} />
    </Form.Item>
  );
  return (
    <Modal open title={entry ? entry.competitorName : t('competitors.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'project-competitor-save' } as never}>
      <Form form={form} layout="vertical" initialValues={entry ?? {}} onFinish={(v) => save.mutate(v)}>
        {!entry && (
          <Form.Item name="competitorId" label={t('competitors.competitor')} rules={[{ required: true, message: t('form.required') }]} extra={t('competitors.registerHint')}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              loading={register.isFetching}
              options={(register.data?.items ?? []).filter((c) => !taken.has(c.id)).map((c) => ({ value: c.id, label: c.name }))}
              onChange={(id: number) => {
                // the register's notes are a starting point for this project's entry
                const c = register.data?.items.find((x) => x.id === id);
                if (c && !form.getFieldValue('strengths')) form.setFieldsValue({ strengths: c.strengths, weaknesses: c.weaknesses, pricePosition: c.pricePosition });
              }}
              data-testid="project-competitor-pick"
            />
          </Form.Item>
        )}
        {text('strengths', t('competitors.strengths'))}
        {text('weaknesses', t('competitors.weaknesses'))}
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="price" label={t('competitors.price')}>
              <MoneyInput data-testid="project-competitor-price" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="pricePosition" label={t('competitors.pricePosition')}>
              <Select allowClear options={PRICE_POSITIONS.map((p) => ({ value: p, label: t(`pipeline:pricePosition.${p}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {text('relationships', t('competitors.relationships'))}
        <Form.Item name="threat" label={t('competitors.threat')}>
          <Select allowClear options={THREAT_LEVELS.map((l) => ({ value: l, label: t(`pipeline:threat.${l}`) }))} data-testid="project-competitor-threat" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
