import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { DateTime } from './DateTime';
import { ItemList } from './ItemList';
import { useApiError, useFeedback } from './feedback';
import { fileSize, fileToBase64, MAX_UPLOAD_BYTES } from './files';

export interface AttachedFile {
  id: number;
  name: string;
  size: number;
  uploadedBy: { id: number; name: string };
  createdAt: string;
}

interface Props {
  files: readonly AttachedFile[];
  /** where a file downloads from */
  urlOf: (fileId: number) => string;
  /** the caller may attach files (the upload button shows) */
  canUpload: boolean;
  /** the caller may remove this file */
  canRemove: (file: AttachedFile) => boolean;
  upload: (file: { name: string; mime: string; contentBase64: string }) => Promise<unknown>;
  remove: (fileId: number) => Promise<unknown>;
  uploading: boolean;
  /** test id prefix: `<testId>s` (the panel), `<testId>-upload`, `<testId>-<id>`, `<testId>-<id>-delete` */
  testId: string;
  labels: { upload: string; none: string; delete: string; uploaded: (name: string) => string; tooLarge: (name: string) => string; deleteConfirm: (name: string) => string };
}

/** A record's 附件: the list with size, uploader and time, an upload button (≤ 10 MB a file) and removal where allowed. */
export function AttachedFiles({ files, urlOf, canUpload, canRemove, upload, remove, uploading, testId, labels }: Props) {
  const showError = useApiError();
  const { message } = useFeedback();
  const send = async (file: File) => {
    if (file.size > MAX_UPLOAD_BYTES) return void message.error(labels.tooLarge(file.name));
    try {
      await upload({ name: file.name, mime: file.type || 'application/octet-stream', contentBase64: await fileToBase64(file) });
      void message.success(labels.uploaded(file.name));
    } catch (err) {
      showError(err);
    }
  };
  return (
    <Flex vertical gap={12} data-testid={`${testId}s`}>
      {canUpload && (
        <Upload
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} data-testid={`${testId}-upload`}>
            {labels.upload}
          </Button>
        </Upload>
      )}
      <ItemList
        items={[...files]}
        rowKey={(f) => f.id}
        empty={labels.none}
        rowProps={(f) => ({ 'data-testid': `${testId}-${f.id}` })}
        renderItem={(f) => (
          <Flex justify="space-between" gap={8} align="center" wrap>
            <Flex gap={8} align="center" style={{ minWidth: 0 }}>
              <PaperClipOutlined />
              <a href={urlOf(f.id)} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
                {f.name}
              </a>
              <Typography.Text type="secondary">{fileSize(f.size)}</Typography.Text>
            </Flex>
            <Flex gap={8} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.uploadedBy.name} · <DateTime value={f.createdAt} type="secondary" />
              </Typography.Text>
              {canRemove(f) && (
                <Popconfirm title={labels.deleteConfirm(f.name)} okButtonProps={{ danger: true }} onConfirm={() => remove(f.id).catch((err: unknown) => showError(err))}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={labels.delete} data-testid={`${testId}-${f.id}-delete`} />
                </Popconfirm>
              )}
            </Flex>
          </Flex>
        )}
      />
    </Flex>
  );
}
