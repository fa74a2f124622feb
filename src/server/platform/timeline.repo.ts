import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unitPathOfText } from './org.repo';
import { boundFor, type SourceQuery } from './timeline';

/** Timestamps in whole milliseconds, the precision of the order and the cursor (platform/timeline). */
export const ms = (column: string) => sql<Date>`date_trunc('milliseconds', ${sql.ref(column)})`;
/** Midnight of a business date in the business time zone. */
export const dayStart = (column: string, tz: string) => sql<Date>`(${sql.ref(column)}::timestamp at time zone ${tz})`;

/** Events of one kind after the cursor (see boundFor), as a condition on the kind's time and id. */
export function after(kind: string, q: SourceQuery, at: RawBuilder<Date>, id: string): RawBuilder<SqlBool> {
  const b = boundFor(kind, q.before);
  if (!b) return sql<SqlBool>`true`;
  if (b.sameInstant === 'all') return sql<SqlBool>`${at} <= ${b.at}`;
  if (b.sameInstant === 'none') return sql<SqlBool>`${at} < ${b.at}`;
  return sql<SqlBool>`(${at} < ${b.at} or (${at} = ${b.at} and ${sql.ref(id)} < ${b.id}))`;
}

/** The name of a user whose id a history row stores as text (owner changes). */
export const userNameOf = (column: string) => sql<string | null>`(select u.name from users u where u.id::text = ${sql.ref(column)})`;
/** The name of an org unit whose id a history row stores as text (unit changes), as its path: 江苏分公司 / 大客户部. */
export const unitNameOf = (column: string) => unitPathOfText(column) as RawBuilder<string | null>;
