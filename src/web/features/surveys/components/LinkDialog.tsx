import { CopyOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Modal, QRCode, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssuedInvitation } from '../../../../shared/contracts/surveys';
import { useFeedback } from '../../../components/feedback';
import { formatDateTime } from '../../../components/DateTime';
import { linkOf } from '../helpers';

/**
 * The link just made, shown this once (the server keeps only its hash): copy it for WeChat or SMS, or let
 * the customer scan the QR code; says whether it is being e-mailed too and until when it is valid.
 */
export function LinkDialog({ issued, onClose }: { issued: IssuedInvitation | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('surveys');
  const { message } = useFeedback();
  const url = issued ? linkOf(window.location.origin, issued.path) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('link.copied'));
    } catch {
      void message.warning(t('link.copyFailed'));
    }
  };
  return (
    <Modal
      open={issued !== null}
      onCancel={onClose}
      title={t('link.title')}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="survey-link-done">
          {t('link.done')}
        </Button>
      }
      data-testid="survey-link-dialog"
    >
      {issued && (
        <Flex vertical gap={12}>
          <Alert type="info" showIcon title={t('link.once')} />
          <Space.Compact style={{ width: '100%' }}>
            <Input readOnly value={url} onFocus={(e) => e.target.select()} data-testid="survey-link-url" />
            <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="survey-link-copy">
              {t('link.copy')}
            </Button>
          </Space.Compact>
          <Flex gap={16} align="center" wrap>
            <QRCode value={url} size={148} bordered={false} data-testid="survey-link-qr" />
            <Flex vertical gap={6}>
              <Typography.Text type="secondary">{t('link.qr')}</Typography.Text>
              <Typography.Text>{t('link.expires', { date: formatDateTime(issued.invitation.expiresAt, 'date', t, i18n.language) })}</Typography.Text>
              {issued.emailing && (
                <Typography.Text type="success" data-testid="survey-link-emailing">
                  <MailOutlined /> {t('link.emailing')}
                </Typography.Text>
              )}
            </Flex>
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}
