import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/client';

/** The time of the write, for the stamps an approval sets on its document (submitted_at, decided_at). */
export const NOW: RawBuilder<Date> = sql<Date>`now()`;

const column = (name: string) => {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a column name: ${name}`);
  return sql.ref(name);
};

/** SQL of approvable documents: one update of the document's approval columns, version moved once. */
export const approvableRepo = {
  /** The row's own id when the document was there. */
  async write(db: Executor, table: string, key: string, docId: number, values: Record<string, unknown>): Promise<number | undefined> {
    const sets = Object.entries(values).map(([k, v]) => sql`${column(k)} = ${v}`);
    const r = await sql<{ id: number | string }>`update ${sql.table(table)} set ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`])}
      where ${column(key)} = ${docId} returning id`.execute(db);
    return r.rows[0] ? Number(r.rows[0].id) : undefined;
  },
  /** The newest approval instance of the document, for documents that keep no column for it. */
  async latestInstance(db: Executor, types: readonly string[], docId: number): Promise<number | null> {
    const r = await db.selectFrom('approval_instances').select((eb) => eb.fn.max('id').as('id')).where('doc_type', 'in', [...types]).where('doc_id', '=', docId).executeTakeFirst();
    return r?.id === null || r?.id === undefined ? null : Number(r.id);
  },
  async approvalOf(db: Executor, table: string, key: string, approvalColumn: string, docId: number): Promise<number | null> {
    const r = await sql<{ approval: number | string | null }>`select ${column(approvalColumn)} as approval from ${sql.table(table)} where ${column(key)} = ${docId}`.execute(db);
    const v = r.rows[0]?.approval;
    return v === null || v === undefined ? null : Number(v);
  },
};
