import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../db/client';
import type { CompetitorTable, DB } from '../../db/schema';
import { containsPattern } from '../../platform/listing';
import { type OwnedScope } from '../../platform/scope';

export type CompetitorValues = Updateable<CompetitorTable>;

/**
 * The register with each entry's record against us, counted in SQL over the projects the caller
 * may read: open projects it competes in, won projects it competed in, lost projects it won.
 */
function withStats(db: Executor, scope: OwnedScope<'opportunities'>) {
  const listedOn = (eb: ExpressionBuilder<DB & { c: CompetitorTable }, 'c'>, status: 'open' | 'won') =>
    eb
      .selectFrom('opportunity_competitors as oc')
      .innerJoin('opportunities', 'opportunities.id', 'oc.opportunity_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('oc.competitor_id', '=', 'c.id')
      .where('opportunities.status', '=', status)
      .where(scope);
  return db
    .selectFrom('competitors as c')
    .selectAll('c')
    .select((eb) => [
      listedOn(eb, 'open').as('open_projects'),
      listedOn(eb, 'won').as('won_against'),
      eb
        .selectFrom('opportunities')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('opportunities.won_by_competitor_id', '=', 'c.id')
        .where('opportunities.status', '=', 'lost')
        .where(scope)
        .as('lost_to'),
    ]);
}

export const competitorsRepo = {
  async list(db: Executor, opts: { scope: OwnedScope<'opportunities'>; active?: boolean; q?: string; sort: { column: string; desc: boolean }; limit: number; offset: number }) {
    const filter = (eb: ExpressionBuilder<DB & { c: CompetitorTable }, 'c'>) => {
      const conds: Expression<SqlBool>[] = [];
      if (opts.active !== undefined) conds.push(eb('c.active', '=', opts.active));
      if (opts.q) conds.push(eb.or([eb('c.name', 'ilike', containsPattern(opts.q)), eb('c.products', 'ilike', containsPattern(opts.q))]));
      return eb.and(conds);
    };
    const [items, count] = await Promise.all([
      withStats(db, opts.scope).where(filter).orderBy(sql.ref(opts.sort.column), opts.sort.desc ? 'desc' : 'asc').orderBy('c.id', 'asc').limit(opts.limit).offset(opts.offset).execute(),
      db.selectFrom('competitors as c').where(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
  async find(db: Executor, id: number, scope: OwnedScope<'opportunities'>) {
    return withStats(db, scope).where('c.id', '=', id).executeTakeFirst();
  },
  async findForUpdate(db: Executor, id: number) {
    return db.selectFrom('competitors').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },
  async idOfKey(db: Executor, nameKey: string) {
    return (await db.selectFrom('competitors').select('id').where('name_key', '=', nameKey).executeTakeFirst())?.id;
  },
  async exists(db: Executor, id: number) {
    return Boolean(await db.selectFrom('competitors').select('id').where('id', '=', id).executeTakeFirst());
  },
  async insert(db: Executor, values: Insertable<CompetitorTable>) {
    return db.insertInto('competitors').values(values).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: Executor, id: number, values: CompetitorValues) {
    return db
      .updateTable('competitors')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};
