import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/contracts/tickets';
import { useAuth } from '../../../app/auth';
import { AttachedFiles } from '../../../components/AttachedFiles';
import { ticketFileUrl, useDeleteTicketFile, useUploadTicketFile } from '../api';

/** 附件 of a ticket (a recording of the call, photos, letters): uploaded with ticket:write, removed by the uploader or a director. */
export function TicketFiles({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  const { can, me } = useAuth();
  const upload = useUploadTicketFile();
  const remove = useDeleteTicketFile();
  return (
    <AttachedFiles
      files={ticket.files}
      urlOf={(fileId) => ticketFileUrl(ticket.id, fileId)}
      canUpload={can('ticket:write')}
      canRemove={(f) => can('ticket:write') && (f.uploadedBy.id === me?.id || can('ticket:judge'))}
      upload={(f) => upload.mutateAsync({ id: ticket.id, ...f })}
      remove={(fileId) => remove.mutateAsync({ id: ticket.id, fileId })}
      uploading={upload.isPending}
      testId="ticket-file"
      labels={{
        upload: t('files.upload'),
        none: t('detail.noFiles'),
        delete: t('files.delete'),
        uploaded: (name) => t('files.uploaded', { name }),
        tooLarge: (name) => t('files.tooLarge', { name }),
        deleteConfirm: (name) => t('files.deleteConfirm', { name }),
      }}
    />
  );
}
