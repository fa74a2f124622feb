import { FileDoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Modal, Progress, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessReport } from '../../../../shared/contracts/accounts';
import { QUADRANTS, type Quadrant } from '../../../../shared/contracts/quadrant';
import { useCompletenessReport, useQuadrantDistribution, type AccountListFilters } from '../api';

const BOX_ACCENT: Record<Quadrant, string> = { star: '#faad14', question: '#1f5fbf', cash_cow: '#52c41a', dog: '#8c8c8c' };

interface Props {
  filters: AccountListFilters;
  /** filters the list by a quadrant (undefined clears) */
  onQuadrant: (q: Quadrant | undefined) => void;
  /** opens one owner's accounts, least complete first */
  onOwner: (ownerId: number) => void;
}

/**
 * Above the account list: the portfolio quadrant distribution under the current filters (ACC-4;
 * a box filters the list) and the department's 客户档案完整率 (ACC-3 KPI) with its breakdown.
 */
export function PortfolioStrip({ filters, onQuadrant, onOwner }: Props) {
  const { t } = useTranslation('portfolio');
  const dist = useQuadrantDistribution(filters);
  const report = useCompletenessReport({ unitId: filters.unitId as number | undefined, ownerId: filters.ownerId as number | undefined });
  const [breakdown, setBreakdown] = useState(false);
  const active = filters.quadrant as Quadrant | undefined;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="portfolio-strip">
      <Flex gap={8} style={{ flex: '1 1 320px' }}>
        {QUADRANTS.map((k) => (
          <button
            key={k}
            type="button"
            onClick={() => onQuadrant(active === k ? undefined : k)}
            aria-pressed={active === k}
            data-testid={`quadrant-box-${k}`}
            style={{
              flex: 1,
              minWidth: 0,
              cursor: 'pointer',
              textAlign: 'left',
              padding: '6px 10px',
              borderRadius: 8,
              background: active === k ? '#f0f5ff' : '#fff',
              border: `1px solid ${active === k ? BOX_ACCENT[k] : '#f0f0f0'}`,
              borderLeft: `4px solid ${BOX_ACCENT[k]}`,
            }}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
              {t(`quadrants.${k}`)}
            </Typography.Text>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid={`quadrant-count-${k}`}>
              {dist.data ? dist.data.counts[k] : '–'}
            </Typography.Text>
          </button>
        ))}
      </Flex>
      {report.data && (
        <Card size="small" style={{ flex: '1 1 240px' }} styles={{ body: { padding: '6px 12px' } }} data-testid="completeness-stat">
          <Flex gap={10} align="center" justify="space-between">
            <Flex gap={10} align="center" style={{ minWidth: 0 }}>
              <FileDoneOutlined style={{ fontSize: 20, color: '#1f5fbf' }} />
              <div style={{ minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {t('completeness.rateLabel', { threshold: report.data.threshold })}
                </Typography.Text>
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="completeness-rate">
                  {t('completeness.percent', { value: report.data.rate })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  {t('completeness.summary', { complete: report.data.complete, accounts: report.data.accounts, average: report.data.average })}
                </Typography.Text>
              </div>
            </Flex>
            <Button size="small" type="link" onClick={() => setBreakdown(true)} data-testid="completeness-breakdown-open">
              {t('completeness.details')}
            </Button>
          </Flex>
        </Card>
      )}
      {report.data && (
        <CompletenessBreakdown
          report={report.data}
          open={breakdown}
          onClose={() => setBreakdown(false)}
          onOwner={(id) => {
            setBreakdown(false);
            onOwner(id);
          }}
        />
      )}
    </Flex>
  );
}

function CompletenessBreakdown({ report, open, onClose, onOwner }: { report: CompletenessReport; open: boolean; onClose: () => void; onOwner: (id: number) => void }) {
  const { t } = useTranslation(['portfolio', 'accounts']);
  type Row = CompletenessReport['byOwner'][number];
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('completeness.breakdownTitle')} width={640} data-testid="completeness-breakdown">
      <Typography.Paragraph type="secondary">{t('completeness.definition', { threshold: report.threshold })}</Typography.Paragraph>
      <Table<Row>
        rowKey="ownerId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content', y: 320 }}
        dataSource={report.byOwner}
        columns={[
          {
            key: 'owner',
            title: t('completeness.owner'),
            render: (_, r) => (
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onOwner(r.ownerId)} data-testid={`completeness-owner-${r.ownerId}`}>
                {r.ownerName}
              </Button>
            ),
          },
          { key: 'accounts', title: t('completeness.accounts'), align: 'right', render: (_, r) => r.accounts },
          { key: 'average', title: t('completeness.average'), align: 'right', render: (_, r) => r.average },
          {
            key: 'rate',
            title: t('completeness.rate'),
            width: 150,
            render: (_, r) => <Progress percent={r.rate} size="small" format={() => t('completeness.percent', { value: r.rate })} />,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('completeness.missingTitle')}
      </Typography.Title>
      {report.missing.length === 0 ? (
        <Typography.Text type="secondary">{t('completeness.nothingMissing')}</Typography.Text>
      ) : (
        <Flex gap={6} wrap data-testid="completeness-missing">
          {report.missing.map((m) => (
            <Tag key={m.field} style={{ marginInlineEnd: 0 }}>
              {t(`accounts:fields.${m.field}`)} · {t('completeness.missingCount', { count: m.accounts })}
            </Tag>
          ))}
        </Flex>
      )}
    </Modal>
  );
}
