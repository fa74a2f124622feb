import type { Executor } from '../db/client';

/**
 * The platform's `files` table as a room's records hold their attachments (entity, entity_id): a
 * contract's scans, a ticket's recordings. The room checks the record's scope first.
 */
export const attachedFilesRepo = {
  /** The files of one record with their uploaders' names, oldest first. */
  async list(db: Executor, entity: string, entityId: number) {
    return db
      .selectFrom('files as f')
      .innerJoin('users as u', 'u.id', 'f.uploaded_by')
      .select(['f.id', 'f.name', 'f.mime', 'f.size', 'f.uploaded_by', 'u.name as uploaded_by_name', 'f.created_at'])
      .where('f.entity', '=', entity)
      .where('f.entity_id', '=', entityId)
      .orderBy('f.id')
      .execute();
  },
  /** One file of the record (with its content), or undefined. */
  async one(db: Executor, entity: string, entityId: number, fileId: number) {
    return db.selectFrom('files').selectAll().where('id', '=', fileId).where('entity', '=', entity).where('entity_id', '=', entityId).executeTakeFirst();
  },
  async insert(db: Executor, v: { entity: string; entityId: number; name: string; mime: string; size: number; sha256: string; content: Buffer; uploadedBy: number }) {
    return db
      .insertInto('files')
      .values({ name: v.name, mime: v.mime, size: v.size, sha256: v.sha256, content: v.content, uploaded_by: v.uploadedBy, entity: v.entity, entity_id: v.entityId })
      .returning(['id', 'name', 'mime', 'size', 'created_at'])
      .executeTakeFirstOrThrow();
  },
  async remove(db: Executor, fileId: number) {
    await db.deleteFrom('files').where('id', '=', fileId).execute();
  },
  /** Deletes every file of the record (a draft deleted), returning what went. */
  async removeAllOf(db: Executor, entity: string, entityId: number) {
    return db.deleteFrom('files').where('entity', '=', entity).where('entity_id', '=', entityId).returning(['id', 'name']).execute();
  },
};
