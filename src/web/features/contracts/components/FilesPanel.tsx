import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../../shared/contracts/contracts';
import { useAuth } from '../../../app/auth';
import { AttachedFiles } from '../../../components/AttachedFiles';
import { contractFileUrl, useDeleteContractFile, useUploadContractFile } from '../api';

/** 附件 of a contract: the signed scan, annexes; uploaded by contract:write, removed by its uploader or contract:manage. */
export function FilesPanel({ c }: { c: Contract }) {
  const { t } = useTranslation('deals');
  const { can, me } = useAuth();
  const upload = useUploadContractFile();
  const remove = useDeleteContractFile();
  return (
    <AttachedFiles
      files={c.files}
      urlOf={(fileId) => contractFileUrl(c.id, fileId)}
      canUpload={can('contract:write')}
      canRemove={(f) => can('contract:write') && (f.uploadedBy.id === me?.id || can('contract:manage'))}
      upload={(f) => upload.mutateAsync({ id: c.id, ...f })}
      remove={(fileId) => remove.mutateAsync({ id: c.id, fileId })}
      uploading={upload.isPending}
      testId="contract-file"
      labels={{
        upload: t('files.upload'),
        none: t('files.none'),
        delete: t('files.delete'),
        uploaded: (name) => t('files.uploaded', { name }),
        tooLarge: (name) => t('files.tooLarge', { name }),
        deleteConfirm: (name) => t('files.deleteConfirm', { name }),
      }}
    />
  );
}
