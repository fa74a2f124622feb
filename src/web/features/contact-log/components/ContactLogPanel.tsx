import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContactLogs } from '../api';
import { LogList } from './LogList';
import { QuickLogForm } from './QuickLogForm';

/**
 * 联系记录 of an account (the 360 page's tab) or of one contact (the contact drawer): the quick-add
 * form beside the entries, stacked on a phone.
 */
export function ContactLogPanel({ accountId, contactId, editable, compact }: { accountId: number; contactId?: number; editable: boolean; compact?: boolean }) {
  const { t } = useTranslation('contactLog');
  const [page, setPage] = useState(1);
  const logs = useContactLogs({ accountId, contactId, page, pageSize: 10 });
  const list = (
    <LogList items={logs.data?.items ?? []} loading={logs.isLoading} editable={editable} pagination={{ current: page, pageSize: 10, total: logs.data?.total ?? 0, onChange: setPage }} />
  );
  if (compact)
    return (
      <div data-testid="contact-log-panel">
        {editable && <QuickLogForm accountId={accountId} contactId={contactId} />}
        {list}
      </div>
    );
  return (
    <Row gutter={[16, 16]} data-testid="contact-log-panel">
      {editable && (
        <Col xs={24} md={10}>
          <Card size="small" title={t('add')}>
            <QuickLogForm accountId={accountId} contactId={contactId} />
          </Card>
        </Col>
      )}
      <Col xs={24} md={editable ? 14 : 24}>
        {list}
      </Col>
    </Row>
  );
}
