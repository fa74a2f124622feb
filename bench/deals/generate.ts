import pg from 'pg';
import { stepRunner } from '../common/steps';
import { businessDate } from '../../src/shared/domain/business-time';
import { secondaryIndexes } from '../accounts/generate';

/**
 * Contracts, payment plans and receipts over the 100,000 benchmark accounts (issue 14 item 11), set
 * based: each table is one INSERT … SELECT over generate_series, so the load takes minutes.
 *
 * Shape, relative to today (business date) so that ageing finds every bucket:
 * - contracts: 2 per account. The first of every tenth account is a framework agreement (10,000),
 *   and that account's second contract is a sales contract under it; the rest are sales contracts.
 *   Signed over the last four years; 4 % drafts, 3 % void, 2 % terminated, older than two years
 *   completed, the rest signed or in progress. Amounts ¥50,000–¥5,000,000.
 * - instalments: 5 or 6 per sales contract (≈ 1,000,000), due 30 days after signing and every 90
 *   days after, the remainder on the last.
 * - receipts with allocations: of the instalments already due (of contracts not draft or void),
 *   72 % paid in full (30 % of those in two receipts), 10 % partly (40 %), the rest overdue — so
 *   every ageing bucket fills; 8 % of those not yet due paid early. The receipts table is topped up
 *   to the target with unallocated receipts: confirmed (the accounts' credit), recorded (awaiting
 *   finance) and a few void.
 */

export interface DealSize {
  contracts: number;
  instalments: number;
  receipts: number;
}
export const DEAL_SIZE: DealSize = { contracts: 200_000, instalments: 1_000_000, receipts: 1_000_000 };

type Log = (line: string) => void;
export interface DealLoad {
  steps: { step: string; rows: number; seconds: number }[];
  counts: Record<string, number>;
}

const DEAL_TABLES = ['contracts', 'contract_instalments', 'receipts', 'receipt_allocations'];

export async function generateDeals(url: string, tz: string, log: Log, target: DealSize = DEAL_SIZE): Promise<DealLoad> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const steps: DealLoad['steps'] = [];
  const run = stepRunner(c, steps, log);
  try {
    const today = businessDate(new Date(), tz);
    await c.query(`set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '512MB'`);
    await c.query('begin');
    await c.query('truncate receipt_allocations, invoices, instalment_write_offs, dunning_steps, contract_instalments, contract_lines, receipts, contracts cascade');
    const indexes = await secondaryIndexes(c as unknown as pg.Client, DEAL_TABLES);
    for (const i of indexes) await c.query(`drop index "${i.name}"`);
    const accounts = Number((await c.query('select count(*) as n from accounts')).rows[0].n);
    const finance = Number((await c.query(`select id from users where username = 'bench.fin1'`)).rows[0].id);

    await run(
      'contracts',
      `with a as (select id, owner_id, unit_id, row_number() over (order by id) as rn from accounts),
       g as (select g, ((g - 1) % $2) + 1 as rn, ($3::date - ((g::bigint * 37) % 1460)::int) as signed,
                    case when g <= $2 and g % 10 = 0 then 'framework' else 'sales' end as kind,
                    g % 100 as h
             from generate_series(1, $1) g)
       insert into contracts (id, number, kind, parent_id, account_id, owner_id, unit_id, title, amount, sign_date, start_date, end_date,
                              payment_terms, status, status_reason, signed_at, closed_at, created_by, created_at, updated_at)
       select g.g, 'BH-' || lpad(g.g::text, 7, '0'), g.kind,
              case when g.g > $2 and (g.g - $2) % 10 = 0 and g.g - $2 <= $2 then g.g - $2 end,
              a.id, a.owner_id, a.unit_id, '基准合同 ' || g.g,
              case when g.kind = 'framework' then 20000000 else (5000 + (g.g::bigint * 7919) % 495000) end * 1000,
              case when g.h < 4 and g.kind = 'sales' then null else g.signed end,
              case when g.h < 4 and g.kind = 'sales' then null else g.signed end,
              case when g.h < 4 and g.kind = 'sales' then null else g.signed + 730 end,
              '30/60/10',
              case when g.kind = 'framework' then 'in_progress'
                   when g.h < 4 then 'draft' when g.h < 7 then 'void' when g.h < 9 then 'terminated'
                   when g.signed < $3::date - 730 then 'completed' when g.h % 3 = 0 then 'signed' else 'in_progress' end,
              case when g.kind = 'sales' and g.h between 4 and 8 then '基准数据' end,
              case when g.h < 4 and g.kind = 'sales' then null else g.signed::timestamptz end,
              case when g.kind = 'sales' and g.h between 4 and 8 then g.signed::timestamptz + interval '200 days' end,
              a.owner_id, g.signed::timestamptz, g.signed::timestamptz
       from g join a on a.rn = g.rn`,
      [target.contracts, accounts, today],
    );
    await c.query(`select setval(pg_get_serial_sequence('contracts', 'id'), (select max(id) from contracts))`);

    // 5 instalments, 6 for every contract with id % 19 < 5 (190,000 sales contracts → 1,000,000)
    await run(
      'contract_instalments',
      `insert into contract_instalments (contract_id, account_id, seq, milestone, due_date, amount)
       select c.id, c.account_id, s, '第' || s || '期', coalesce(c.sign_date, $1::date) + 30 + (s - 1) * 90,
              case when s < k.n then c.amount / k.n else c.amount - (c.amount / k.n) * (k.n - 1) end
       from contracts c
       cross join lateral (select case when c.id % 19 < 5 then 6 else 5 end as n) k
       cross join lateral generate_series(1, k.n) s
       where c.kind = 'sales'`,
      [today],
    );

    // what is paid of each instalment, in one or two receipts
    await c.query(
      `create temp table paying on commit drop as
       select i.id as instalment_id, i.account_id, part, i.due_date,
              least($1::date, i.due_date + ((i.id * 13) % 40)::int - 10) as received_on,
              case when h < 30 then case when part = 1 then i.amount / 2 else i.amount - i.amount / 2 end
                   when h < 72 then i.amount
                   else i.amount * 4 / 10 end as amount
       from contract_instalments i
       join contracts c on c.id = i.contract_id and c.status not in ('draft', 'void')
       cross join lateral (select (i.id * 7919) % 100 as h) k
       cross join lateral generate_series(1, case when k.h < 30 then 2 else 1 end) part
       where (i.due_date < $1::date and k.h < 82) or (i.due_date >= $1::date and k.h < 8 and i.due_date - 60 < $1::date)`,
      [today],
    );
    await run(
      'receipts (allocated)',
      `insert into receipts (id, number, account_id, owner_id, unit_id, received_on, amount, method, bank_ref, payer, source, status, allocated, recorded_by, confirmed_by, confirmed_at, created_at, updated_at)
       select p.rn, 'HK-B' || lpad(p.rn::text, 8, '0'), a.id, a.owner_id, a.unit_id, p.received_on, p.amount,
              case when p.rn % 7 = 0 then 'acceptance' else 'transfer' end, 'BR' || p.rn, a.name, 'import', 'confirmed', p.amount,
              $1, $1, p.received_on::timestamptz, p.received_on::timestamptz, p.received_on::timestamptz
       from (select *, row_number() over (order by received_on, instalment_id, part) as rn from paying) p
       join accounts a on a.id = p.account_id`,
      [finance],
    );
    const allocatedReceipts = Number((await c.query('select count(*) as n from receipts')).rows[0].n);
    await run(
      'receipt_allocations',
      `insert into receipt_allocations (receipt_id, instalment_id, amount, received_on, allocated_by, allocated_at)
       select p.rn, p.instalment_id, p.amount, p.received_on, $1, p.received_on::timestamptz
       from (select *, row_number() over (order by received_on, instalment_id, part) as rn from paying) p`,
      [finance],
    );
    await run(
      'instalments: paid amounts',
      `update contract_instalments i set paid_amount = s.paid, settled_on = case when s.paid = i.amount then s.last end
       from (select instalment_id, sum(amount) as paid, max(received_on) as last from receipt_allocations group by instalment_id) s
       where s.instalment_id = i.id`,
    );
    // the rest of the receipts: unallocated — confirmed (credit), recorded (awaiting finance), a few void
    const rest = Math.max(0, target.receipts - allocatedReceipts);
    await run(
      'receipts (credit, recorded, void)',
      `with a as (select id, owner_id, unit_id, name, row_number() over (order by id) as rn from accounts)
       insert into receipts (id, number, account_id, owner_id, unit_id, received_on, amount, method, bank_ref, payer, source, status, void_reason, allocated,
                             recorded_by, confirmed_by, confirmed_at, created_at, updated_at)
       select $1 + g, 'HK-B' || lpad(($1 + g)::text, 8, '0'), a.id, a.owner_id, a.unit_id, d, (1000 + (g::bigint * 104729) % 200000) * 100,
              'transfer', 'BR' || ($1 + g), a.name, 'manual',
              case when g % 20 = 0 then 'void' when g % 20 < 8 then 'recorded' else 'confirmed' end,
              case when g % 20 = 0 then '基准数据' end, 0, $3,
              case when g % 20 >= 8 then $3::bigint end, case when g % 20 >= 8 then d::timestamptz end, d::timestamptz, d::timestamptz
       from generate_series(1, $2) g
       cross join lateral (select $5::date - ((g * 11) % 720)::int as d) k
       join a on a.rn = ((g::bigint * 7) % $4) + 1`,
      [allocatedReceipts, rest, finance, accounts, today],
    );
    await c.query(`select setval(pg_get_serial_sequence('receipts', 'id'), (select max(id) from receipts))`);
    for (const i of indexes) {
      const t = Date.now();
      await c.query(i.def);
      steps.push({ step: `index ${i.name}`, rows: 0, seconds: (Date.now() - t) / 1000 });
    }
    log(`  indexes (${indexes.length}) ${steps.filter((s) => s.step.startsWith('index ')).reduce((x, s) => x + s.seconds, 0).toFixed(1)} s`);
    // the accounts' signed revenue from the contracts (decision 014), as syncContractFigures keeps it
    await run(
      'account_revenue (signed)',
      `insert into account_revenue (account_id, year, source, amount, note)
       select c.account_id, extract(year from c.sign_date)::int, 'signed', sum(c.amount), ''
       from contracts c
       where c.kind in ('sales', 'supplement') and c.sign_date is not null and c.status in ('signed', 'in_progress', 'completed')
       group by c.account_id, extract(year from c.sign_date)`,
    );
    await c.query('commit');
    const t = Date.now();
    for (const table of [...DEAL_TABLES, 'account_revenue']) await c.query(`vacuum (analyze) ${table}`);
    steps.push({ step: 'vacuum analyze', rows: 0, seconds: (Date.now() - t) / 1000 });
    const counts: Record<string, number> = {};
    for (const table of [...DEAL_TABLES, 'accounts']) counts[table] = Number((await c.query(`select count(*) as n from ${table}`)).rows[0].n);
    await c.query(`create table if not exists bench_deals (counts jsonb, steps jsonb, generated_at timestamptz default now())`);
    await c.query(`insert into bench_deals (counts, steps) values ($1, $2)`, [JSON.stringify(counts), JSON.stringify(steps)]);
    return { steps, counts };
  } catch (err) {
    await c.query('rollback').catch(() => {});
    throw err;
  } finally {
    await c.end();
  }
}

/** The deals generated into this database before, if any (for --reuse). */
export async function dealsInfo(url: string): Promise<{ counts: Record<string, number>; steps: DealLoad['steps']; generatedAt: string } | undefined> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const t = await c.query(`select to_regclass('bench_deals') is not null as ok`);
    if (!t.rows[0].ok) return undefined;
    const r = await c.query('select counts, steps, generated_at from bench_deals order by generated_at desc limit 1');
    if (!r.rowCount) return undefined;
    return { counts: r.rows[0].counts, steps: r.rows[0].steps, generatedAt: new Date(r.rows[0].generated_at).toISOString() };
  } finally {
    await c.end();
  }
}
