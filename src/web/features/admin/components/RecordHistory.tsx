import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Collapse, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contracts/audit';
import type { Paged } from '../../../../shared/contracts/common';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { AuditDiff } from './AuditDiff';

const PAGE = 10;

/** One record's change history (ORG-6), newest first; shown to those who may read the audit log. */
export function RecordHistory({ entity, entityId }: { entity: string; entityId: number | string }) {
  const { t } = useTranslation('admin');
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  const [pageSize, setPageSize] = useState(PAGE);
  const history = useQuery({
    queryKey: ['audit', 'record', entity, String(entityId), pageSize],
    queryFn: () => api.get<Paged<AuditEntry>>(`/api/audit/${encodeURIComponent(entity)}/${encodeURIComponent(String(entityId))}`, { pageSize }),
    enabled: open && can('audit:read'),
  });
  if (!can('audit:read')) return null;
  const items = history.data?.items ?? [];
  return (
    <Collapse
      ghost
      size="small"
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[
        {
          key: 'history',
          label: (
            <span data-testid="record-history">
              <HistoryOutlined /> {t('audit.recordHistory')}
            </span>
          ),
          children: history.isLoading ? (
            <Typography.Text type="secondary">{t('shared.loading')}</Typography.Text>
          ) : items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noHistory')} />
          ) : (
            <>
              <Timeline
                items={items.map((e) => ({
                  key: e.id,
                  content: (
                    <div>
                      <Flex gap={6} wrap align="center" style={{ marginBottom: 4 }}>
                        <DateTime value={e.at} type="secondary" />
                        <Typography.Text strong>{e.actorName ?? t('audit.system')}</Typography.Text>
                        <Tag>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</Tag>
                      </Flex>
                      {Object.keys(e.diff).length > 0 && <AuditDiff entry={e} />}
                    </div>
                  ),
                }))}
              />
              {(history.data?.total ?? 0) > items.length && (
                <Button size="small" onClick={() => setPageSize((n) => n + PAGE)} loading={history.isFetching}>
                  {t('audit.more')}
                </Button>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
