import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileItem } from '../../../../shared/contracts/requests';
import { api } from '../../../api/client';
import { useApiError, useFeedback } from '../../../components/feedback';

/** The server's limit on one upload (decoded bytes), see fileUpload in contracts/requests.ts. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function fileToUpload(f: FileItem): UploadFile<FileItem> {
  return { uid: String(f.id), name: f.name, status: 'done', size: f.size, type: f.mime, url: `/api/files/${f.id}`, response: f };
}

/** Ids of the files that finished uploading, in list order. */
export function uploadedIds(list: UploadFile<FileItem>[] | undefined): number[] {
  return (list ?? []).filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
}

function humanSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  value?: UploadFile<FileItem>[];
  onChange?: (list: UploadFile<FileItem>[]) => void;
  disabled?: boolean;
}

/** Attachments uploaded one by one as base64 JSON to POST /api/files; the form keeps the antd file list. */
export function AttachmentsUpload({ value, onChange, disabled }: Props) {
  const { t } = useTranslation('approvals');
  const { message } = useFeedback();
  const showError = useApiError();

  const customRequest: UploadProps<FileItem>['customRequest'] = ({ file, onSuccess, onError }) => {
    const blob = file as File;
    readAsBase64(blob)
      .then((contentBase64) => api.post<FileItem>('/api/files', { name: blob.name, mime: blob.type || 'application/octet-stream', contentBase64 }))
      .then((saved) => onSuccess?.(saved))
      .catch((err: Error) => {
        showError(err);
        onError?.(err);
      });
  };

  return (
    <Upload<FileItem>
      multiple
      fileList={value ?? []}
      disabled={disabled}
      customRequest={customRequest}
      beforeUpload={(file) => {
        if (file.size > MAX_FILE_BYTES) {
          void message.error(t('requests.fileTooLarge', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if ((value?.length ?? 0) >= MAX_ATTACHMENTS) {
          void message.error(t('requests.tooManyFiles', { max: MAX_ATTACHMENTS }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      onChange={({ fileList }) =>
        onChange?.(fileList.map((f) => (f.status === 'done' && f.response && !f.url ? { ...f, url: `/api/files/${f.response.id}` } : f)).filter((f) => f.status !== 'error'))
      }
    >
      <Button icon={<UploadOutlined />} disabled={disabled} data-testid="request-attachments">
        {t('requests.upload')}
      </Button>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }} onClick={(e) => e.stopPropagation()}>
        {t('requests.uploadHint', { max: MAX_ATTACHMENTS })}
      </Typography.Text>
    </Upload>
  );
}

/** Read-only attachment list with download links. */
export function AttachmentList({ files }: { files: Pick<FileItem, 'id' | 'name' | 'size'>[] }) {
  const { t } = useTranslation('approvals');
  if (!files.length) return <Typography.Text type="secondary">{t('requests.noAttachments')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {files.map((f) => (
        <Flex key={f.id} justify="space-between" align="center" gap={12} style={{ padding: '6px 8px', borderBottom: '1px solid #f0f0f0' }}>
          <a href={`/api/files/${f.id}`} target="_blank" rel="noreferrer" data-testid={`request-file-${f.id}`} style={{ minWidth: 0, wordBreak: 'break-all' }}>
            <PaperClipOutlined /> {f.name}
          </a>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {humanSize(f.size)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
