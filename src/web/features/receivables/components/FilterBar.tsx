import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Col, Drawer, Flex, Grid, Row } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** the filter fields as <Col>s of a <Row> */
  children: ReactNode;
  /** filters not at their default: the phone's button counts them and a reset shows */
  active: number;
  onReset?: () => void;
  /** beside the filters button on a phone, before the fields on a desk: the search box */
  lead?: ReactNode;
  testId: string;
}

/** A list's filters: in a row on a desk; on a phone behind a button that opens them in a bottom drawer. */
export function FilterBar({ children, active, onReset, lead, testId }: Props) {
  const { t } = useTranslation('receipts');
  const phone = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const reset = onReset && active > 0 && (
    <Button onClick={onReset} data-testid={`${testId}-reset`}>
      {t('filters.reset')}
    </Button>
  );
  if (!phone) {
    return (
      <div style={{ marginBottom: 12 }} data-testid={testId}>
        <Row gutter={[8, 8]} align="middle">
          {lead && <Col flex="none">{lead}</Col>}
          {children}
          {reset}
        </Row>
      </div>
    );
  }
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }} data-testid={testId}>
        <div style={{ flex: 1, minWidth: 0 }}>{lead}</div>
        <Badge count={active} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid={`${testId}-open`}>
            {t('filters.title')}
          </Button>
        </Badge>
      </Flex>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('filters.title')}
        placement="bottom"
        size="70%"
        footer={
          <Flex gap={8}>
            {reset}
            <Button type="primary" block onClick={() => setOpen(false)}>
              {t('filters.done')}
            </Button>
          </Flex>
        }
      >
        <Row gutter={[8, 8]}>{children}</Row>
      </Drawer>
    </>
  );
}
