import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../../shared/contracts/contracts';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ItemList } from '../../../components/ItemList';
import { useApiError, useFeedback } from '../../../components/feedback';
import { contractFileUrl, useDeleteContractFile, useUploadContractFile } from '../api';
import { fileSize, fileToBase64 } from '../helpers';

/** Up to 10 MB a file, as the server takes it. */
const MAX_BYTES = 10 * 1024 * 1024;

/** 附件 of a contract: the signed scan, annexes; uploaded by contract:write, removed by its uploader or contract:manage. */
export function FilesPanel({ c }: { c: Contract }) {
  const { t } = useTranslation('deals');
  const { can, me } = useAuth();
  const upload = useUploadContractFile();
  const remove = useDeleteContractFile();
  const showError = useApiError();
  const { message } = useFeedback();
  const send = async (file: File) => {
    if (file.size > MAX_BYTES) return void message.error(t('files.tooLarge', { name: file.name }));
    try {
      await upload.mutateAsync({ id: c.id, name: file.name, mime: file.type || 'application/octet-stream', contentBase64: await fileToBase64(file) });
      void message.success(t('files.uploaded', { name: file.name }));
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Flex vertical gap={12} data-testid="contract-files">
      {can('contract:write') && (
        <Upload
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="contract-file-upload">
            {t('files.upload')}
          </Button>
        </Upload>
      )}
      <ItemList
        items={c.files}
        rowKey={(f) => f.id}
        empty={t('files.none')}
        rowProps={(f) => ({ 'data-testid': `contract-file-${f.id}` })}
        renderItem={(f) => (
          <Flex justify="space-between" gap={8} align="center" wrap>
            <Flex gap={8} align="center" style={{ minWidth: 0 }}>
              <PaperClipOutlined />
              <a href={contractFileUrl(c.id, f.id)} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
                {f.name}
              </a>
              <Typography.Text type="secondary">{fileSize(f.size)}</Typography.Text>
            </Flex>
            <Flex gap={8} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.uploadedBy.name} · <DateTime value={f.createdAt} type="secondary" />
              </Typography.Text>
              {can('contract:write') && (f.uploadedBy.id === me?.id || can('contract:manage')) && (
                <Popconfirm title={t('files.deleteConfirm', { name: f.name })} okButtonProps={{ danger: true }} onConfirm={() => remove.mutateAsync({ id: c.id, fileId: f.id }).catch((err: unknown) => showError(err))}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('files.delete')} data-testid={`contract-file-${f.id}-delete`} />
                </Popconfirm>
              )}
            </Flex>
          </Flex>
        )}
      />
    </Flex>
  );
}
