import pg from 'pg';
import { databaseExists, recreateDatabase } from '../common/database';
import { openPostgres, type Kdb } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrator';
import { bootstrap } from '../../src/server/features/org/bootstrap';
import { ROLE_FOR_POSITION } from '../../src/shared/permissions';
import { orgRepo } from '../../src/server/features/org/org.repo';
import { DEFAULT_COMPLETENESS_WEIGHTS, pinyinKeys } from '../../src/server/features/accounts/accounts.rules';
import { recomputeAll } from '../../src/server/features/accounts/accounts.derived.service';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { creditCodeProblem } from '../../src/shared/domain/credit-code';
import { localDate } from '../../src/shared/domain/business-time';
import type { Position } from '../../src/shared/permissions';
import {
  BRAND_CHARS,
  GIVEN_CHARS,
  GOVERNMENT_BODIES,
  GOVERNMENT_DISTRICTS,
  GOVERNMENT_INDUSTRY,
  GOVERNMENT_WEIGHT,
  HQ_CITIES,
  INDUSTRIES,
  PROVINCES,
  SURNAMES,
  segment,
} from './dataset';

export const BENCH_PASSWORD = 'Bench@2026';

export interface Size {
  accounts: number;
  contacts: number;
  history: number;
}

export interface BenchUser {
  username: string;
  name: string;
  unitId: number;
  positions: Position[];
}

export interface LoadReport {
  steps: { step: string; rows: number; seconds: number }[];
  databaseBytes: number;
  pinyinChecked: number;
  pinyinMismatches: string[];
  creditCodesChecked: number;
}

type Log = (line: string) => void;

/** SQL string literal of our own constants (no user input reaches this). */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (items: readonly string[]) => `array[${items.map(lit).join(',')}]::text[]`;

export interface DatasetInfo extends Size {
  generatedAt: string;
  seconds: number;
  bytes: number;
  steps: LoadReport['steps'];
}

export async function datasetInfo(url: string): Promise<DatasetInfo | undefined> {
  if (!(await databaseExists(url))) return undefined;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const t = await c.query(`select to_regclass('bench_dataset') is not null as ok`);
    if (!t.rows[0].ok) return undefined;
    // a data set from an older generator (another shape of this table) is not reused
    const r = await c.query('select accounts, contacts, history, generated_at, seconds, bytes, steps from bench_dataset order by generated_at desc limit 1').catch(() => undefined);
    if (!r?.rowCount) return undefined;
    const row = r.rows[0];
    return {
      accounts: Number(row.accounts),
      contacts: Number(row.contacts),
      history: Number(row.history),
      generatedAt: new Date(row.generated_at).toISOString(),
      seconds: Number(row.seconds),
      bytes: Number(row.bytes),
      steps: row.steps,
    };
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- organisation

interface OrgPlan {
  users: BenchUser[];
  /** unit id → index into PROVINCES, or -1 for headquarters */
  unitProvince: Map<number, number>;
  provinceUnits: number[];
}

/**
 * Headquarters with a KA department of three industry teams and finance; eight provincial
 * branches, each with a KA department of three teams. A director per KA department, an account
 * manager and six specialists per team: about 200 users in the built-in roles.
 */
async function loadOrganisation(db: Kdb, passwordHash: string): Promise<OrgPlan> {
  const users: BenchUser[] = [];
  const unitProvince = new Map<number, number>();
  const provinceUnits: number[] = [];
  await db.transaction().execute(async (trx) => {
    const root = await trx.selectFrom('org_units').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    const unit = (parent: { id: number; path: string; depth: number }, name: string, code: string, kind: string, sortOrder: number) =>
      orgRepo.insertUnit(trx, { parentId: parent.id, name, code, kind, sortOrder, parentPath: parent.path, depth: parent.depth + 1 });
    let personSeq = 0;
    const person = () => {
      // deterministic, varied Chinese names for staff
      const n = personSeq++;
      const s = [...SURNAMES][(n * 7) % [...SURNAMES].length];
      const g = [...GIVEN_CHARS];
      return s + g[(n * 13) % g.length] + (n % 3 ? g[(n * 29 + 5) % g.length] : '');
    };
    const addUser = (username: string, unitId: number, positions: Position[]) => users.push({ username, name: person(), unitId, positions });

    addUser('bench.gm', root.id, ['gm']);
    addUser('bench.deputy1', root.id, ['deputy_gm']);
    addUser('bench.deputy2', root.id, ['deputy_gm']);
    const fin = await unit(root, '财务部', 'B-FIN', 'department', 90);
    addUser('bench.fin1', fin.id, ['finance_manager']);
    addUser('bench.fin2', fin.id, ['finance_manager']);

    const kaDepartment = async (parent: { id: number; path: string; depth: number }, prefix: string, provinceIdx: number, teams: string[]) => {
      const ka = await unit(parent, '大客户部', `${prefix}-KA`, 'department', 1);
      unitProvince.set(ka.id, provinceIdx);
      addUser(`${prefix.toLowerCase()}.director`, ka.id, ['ka_director']);
      for (let t = 0; t < teams.length; t++) {
        const team = await unit(ka, teams[t], `${prefix}-KA-T${t + 1}`, 'team', t + 1);
        unitProvince.set(team.id, provinceIdx);
        addUser(`${prefix.toLowerCase()}.t${t + 1}.manager`, team.id, ['account_manager']);
        for (let s = 1; s <= 6; s++) addUser(`${prefix.toLowerCase()}.t${t + 1}.s${s}`, team.id, ['field_specialist']);
      }
    };
    await kaDepartment(root, 'HQ', -1, ['金融行业组', '政企行业组', '制造行业组']);
    for (let p = 0; p < PROVINCES.length; p++) {
      const spec = PROVINCES[p];
      const branch = await unit(root, spec.unit, `B-${spec.code}`, 'province', 10 + p);
      provinceUnits.push(branch.id);
      await kaDepartment(branch, spec.code, p, ['一组', '二组', '三组']);
    }

    const roles = new Map((await trx.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
    for (const u of users) {
      const { id } = await orgRepo.insertUser(trx, { username: u.username, name: u.name, phone: null, email: null, unitId: u.unitId, passwordHash, mustChangePassword: false });
      await orgRepo.setPositions(trx, id, u.positions);
      await orgRepo.setUserRoles(trx, id, u.positions.map((p) => roles.get(ROLE_FOR_POSITION[p])!));
    }
  });
  return { users, unitProvince, provinceUnits };
}

// ---------------------------------------------------------------- vocabulary tables

async function loadVocabulary(c: pg.Client, org: OrgPlan, accounts: number) {
  const places: { id: number; prov: number; province: string; city: string; area: string }[] = [];
  const provBase: number[] = [];
  PROVINCES.forEach((p, i) => {
    provBase[i] = places.length;
    for (const [city, area] of Object.entries(p.cities)) places.push({ id: places.length, prov: i, province: p.province, city, area });
  });
  for (const [city, area] of Object.entries(HQ_CITIES)) places.push({ id: places.length, prov: -1, province: `${city}市`, city, area });
  const provCount = PROVINCES.map((p) => Object.keys(p.cities).length);

  await c.query(`create temp table places (id int primary key, province text, city text, area text, city_py text, city_ini text)`);
  await c.query(
    `insert into places select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [places.map((p) => p.id), places.map((p) => p.province), places.map((p) => p.city), places.map((p) => p.area), ...pyColumns(places.map((p) => p.city))],
  );

  const brands: string[] = [];
  const chars = [...BRAND_CHARS];
  for (const a of chars) for (const b of chars) if (a !== b) brands.push(a + b);
  await c.query(`create temp table brands (k int primary key, text text, py text, ini text)`);
  await c.query(`insert into brands select * from unnest($1::int[], $2::text[], $3::text[], $4::text[])`, [brands.map((_, i) => i), brands, ...pyColumns(brands)]);

  // industries: cumulative percentage ranges; the government bodies are the last "industry"
  await c.query(`create temp table industries (i int primary key, industry text, lo float8, hi float8, nb int, nf int, is_gov boolean)`);
  await c.query(`create temp table businesses (ind int, k int, text text, py text, ini text, short text, short_py text, short_ini text, primary key (ind, k))`);
  await c.query(`create temp table forms (ind int, k int, text text, py text, ini text, primary key (ind, k))`);
  await c.query(`create temp table natures (ind int, lo float8, hi float8, nature text)`);
  let lo = 0;
  for (let i = 0; i < INDUSTRIES.length; i++) {
    const ind = INDUSTRIES[i];
    await c.query(`insert into industries values ($1, $2, $3, $4, $5, $6, false)`, [i, ind.industry, lo, lo + ind.weight, ind.businesses.length, ind.forms.length]);
    lo += ind.weight;
    for (let k = 0; k < ind.businesses.length; k++) {
      const [full, short] = ind.businesses[k];
      const f = segment(full);
      const s = segment(short);
      await c.query(`insert into businesses values ($1, $2, $3, $4, $5, $6, $7, $8)`, [i, k, f.text, f.full, f.initials, s.text, s.full, s.initials]);
    }
    for (let k = 0; k < ind.forms.length; k++) {
      const f = segment(ind.forms[k]);
      await c.query(`insert into forms values ($1, $2, $3, $4, $5)`, [i, k, f.text, f.full, f.initials]);
    }
    let nlo = 0;
    for (const [nature, w] of ind.natures) {
      await c.query(`insert into natures values ($1, $2, $3, $4)`, [i, nlo, nlo + w, nature]);
      nlo += w;
    }
  }
  const gov = INDUSTRIES.length;
  await c.query(`insert into industries values ($1, $2, $3, 100, $4, $5, true)`, [gov, GOVERNMENT_INDUSTRY, lo, GOVERNMENT_BODIES.length, GOVERNMENT_DISTRICTS.length]);
  if (Math.abs(lo + GOVERNMENT_WEIGHT - 100) > 1e-9) throw new Error('Industry shares must add up to 100');
  for (let k = 0; k < GOVERNMENT_BODIES.length; k++) {
    const [body, nature] = GOVERNMENT_BODIES[k];
    const f = segment(body);
    // for government bodies `forms` holds the nature of the body at the same index
    await c.query(`insert into businesses values ($1, $2, $3, $4, $5, null, '', '')`, [gov, k, f.text, f.full, f.initials]);
    await c.query(`insert into natures values ($1, $2, $3, $4)`, [gov + 1 + k, 0, 100, nature]);
  }
  for (let k = 0; k < GOVERNMENT_DISTRICTS.length; k++) {
    const f = segment(GOVERNMENT_DISTRICTS[k]);
    await c.query(`insert into forms values ($1, $2, $3, $4, $5)`, [gov, k, f.text, f.full, f.initials]);
  }
  const shi = segment('市');

  // owners: weighted slots over the people who hold accounts (specialists most, directors a few)
  const ids = await c.query<{ id: string; username: string; unit_id: string }>(`select id, username, unit_id from users where username like '%.%'`);
  const slots: { user: number; unit: number; base: number; n: number }[] = [];
  for (const u of ids.rows) {
    const prov = org.unitProvince.get(Number(u.unit_id));
    if (prov === undefined) continue;
    const weight = u.username.endsWith('.director') ? 2 : u.username.endsWith('.manager') ? 5 : 4 + (Number(u.id) % 5);
    const base = prov < 0 ? 0 : provBase[prov];
    const n = prov < 0 ? places.length : provCount[prov];
    for (let w = 0; w < weight; w++) slots.push({ user: Number(u.id), unit: Number(u.unit_id), base, n });
  }
  await c.query(`create temp table owners (slot int primary key, user_id bigint, unit_id bigint, place_base int, place_n int)`);
  await c.query(`insert into owners select * from unnest($1::int[], $2::bigint[], $3::bigint[], $4::int[], $5::int[])`, [
    slots.map((_, i) => i),
    slots.map((s) => s.user),
    slots.map((s) => s.unit),
    slots.map((s) => s.base),
    slots.map((s) => s.n),
  ]);

  const surnames = [...SURNAMES];
  const given = [...GIVEN_CHARS];
  await c.query(`
    create function pg_temp.pick(items text[]) returns text language sql volatile as
      $$ select items[1 + floor(random() * array_length(items, 1))::int] $$`);
  await c.query(`
    create function pg_temp.person() returns text language sql volatile as $$
      select pg_temp.pick(${arr(surnames)}) || pg_temp.pick(${arr(given)})
        || case when random() < 0.65 then pg_temp.pick(${arr(given)}) else '' end $$`);
  await c.query(`
    create function pg_temp.digits(n int) returns text language sql volatile as
      $$ select lpad(floor(random() * 10 ^ n)::bigint::text, n, '0') $$`);
  // GB 32100-2015 check character over the first 17 characters
  await c.query(`
    create function pg_temp.cc_check(s text) returns text language sql immutable as $$
      select substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
        ((31 - (sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(s, i::int, 1)) - 1) * w) % 31)) % 31)::int + 1, 1)
      from unnest(array[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]) with ordinality as t(w, i) $$`);

  return { slots: slots.length, brands: brands.length, shi, gov, accounts };
}

function pyColumns(texts: string[]): [string[], string[]] {
  const keys = texts.map((t) => pinyinKeys(t));
  return [keys.map((k) => k.full), keys.map((k) => k.initials)];
}

// ---------------------------------------------------------------- bulk tables

const snake = (s: string) => s.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** ACC-3 completeness in SQL, from the service's own default weights (team counts `team_n`). */
function completenessSql(): string {
  const entries = Object.entries(DEFAULT_COMPLETENESS_WEIGHTS).filter(([, w]) => w > 0);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const terms = entries.map(([field, w]) =>
    field === 'team' ? `(case when team_n > 0 then ${w} else 0 end)` : `(case when nullif(btrim(${snake(field)}::text), '') is not null then ${w} else 0 end)`,
  );
  return `floor((${terms.join(' + ')}) * 100 / ${total})::int`;
}

async function loadAccounts(c: pg.Client, v: Awaited<ReturnType<typeof loadVocabulary>>, n: number, tz: string) {
  const year = localDate(new Date(), tz).year;
  await c.query(`
    create temp table gen as
    select s.id, o.user_id as owner_id, o.unit_id, pl.province, pl.city, pl.area, ind.industry, ind.is_gov,
      case when ind.is_gov then pl.city || '市' || f.text || b.text
           else (case when s.r_prefix < 0.6 then pl.city else '' end) || br.text || b.text || f.text end as name,
      case when ind.is_gov then null else br.text || b.short end as short_name,
      case when ind.is_gov then pl.city_py || ${lit(v.shi.full)} || f.py || b.py
           else (case when s.r_prefix < 0.6 then pl.city_py else '' end) || br.py || b.py || f.py end as name_pinyin,
      case when ind.is_gov then pl.city_ini || ${lit(v.shi.initials)} || f.ini || b.ini
           else (case when s.r_prefix < 0.6 then pl.city_ini else '' end) || br.ini || b.ini || f.ini end as name_initials,
      case when ind.is_gov then '' else br.py || b.short_py end as short_pinyin,
      case when ind.is_gov then '' else br.ini || b.short_ini end as short_initials,
      nt.nature,
      case when s.r_tier < 0.02 then 'heavy' when s.r_tier < 0.15 then 'large' else 'smb' end as tier,
      s.r_tier, s.r_rev, s.r_life, s.r_grade
    from (
      select g as id, random() r_owner, random() r_city, random() r_ind, random() r_bus, random() r_form, random() r_brand,
        random() r_nat, random() r_prefix, random() r_tier, random() r_rev, random() r_life, random() r_grade
      from generate_series(1, ${n}) g
    ) s
    join owners o on o.slot = floor(s.r_owner * ${v.slots})::int
    join places pl on pl.id = o.place_base + floor(s.r_city * o.place_n)::int
    join industries ind on s.r_ind * 100 >= ind.lo and s.r_ind * 100 < ind.hi
    join businesses b on b.ind = ind.i and b.k = floor(s.r_bus * ind.nb)::int
    join forms f on f.ind = ind.i and f.k = floor(s.r_form * ind.nf)::int
    join brands br on br.k = floor(s.r_brand * ${v.brands})::int
    join natures nt on nt.ind = (case when ind.is_gov then ${v.gov} + 1 + b.k else ind.i end)
      and s.r_nat * 100 >= nt.lo and s.r_nat * 100 < nt.hi`);
  // revenue per year (fen) matching the tier rule: ≥ ¥1,000,000 over three years is 大型
  await c.query(`
    alter table gen add column rev float8[];
    update gen set rev = case
      when tier = 'heavy' then array[2e8 + random() * 8e8, 2e8 + random() * 8e8, 2e8 + random() * 8e8]
      when tier = 'large' then array[3.5e7 + random() * 1.15e8, 3.5e7 + random() * 1.15e8, 3.5e7 + random() * 1.15e8]
      when r_rev < 0.5 then array[random() * 3e7, random() * 3e7, random() * 3e7]
    end`);
  const started = Date.now();
  const cols = `
    id, name, short_name, credit_code, nature, industry, industry_position, founded_year, registered_capital, employees,
    address, postal_code, phone, fax, website, email, legal_representative, superior_org, business_scope, development_plans,
    main_products, market_share, annual_sales, bank_name, bank_account, credit_standing, fund_status, payment_attitude,
    payment_term_days, discount_bp, target_market, customer_strategy, source_channel, province, city, owner_id, unit_id,
    parent_id, vip, tier, cat_premium, cat_high_value, cat_group, cat_strategic, grade, lifecycle,
    name_pinyin, name_initials, short_pinyin, short_initials, version, created_by, created_at, updated_at`;
  await c.query(`
    with a as (
      select g.id, g.name, g.short_name,
        case when random() < 0.03 then null else
          (case g.nature when 'government' then '11' when 'institution' then '12' else '91' end) || g.area
          || lpad(((g.id::bigint * 7919 + 12345) % 1000000000)::text, 9, '0') end as cc17,
        g.nature, g.industry,
        case when random() < 0.8 then pg_temp.pick(array['leading','middle','middle','trailing']) end as industry_position,
        case when random() < 0.85 then 1950 + floor(random() * 73)::int end as founded_year,
        case when random() < 0.8 then (floor(random() * 1000) * 1e8)::bigint end as registered_capital,
        case when random() < 0.7 then 50 + floor(random() * 20000)::int end as employees,
        case when random() < 0.9 then g.province || g.city || '市' || pg_temp.pick(array['人民路','中山路','建设路','解放路','长江路','和平路','新华路','文化路','科技路','滨江大道'])
          || (1 + floor(random() * 900))::int || '号' end as address,
        case when random() < 0.7 then left(g.area, 4) || '00' end as postal_code,
        case when random() < 0.85 then '0' || pg_temp.digits(2) || '-' || pg_temp.digits(8) end as phone,
        case when random() < 0.3 then '0' || pg_temp.digits(2) || '-' || pg_temp.digits(8) end as fax,
        case when random() < 0.4 and g.short_initials <> '' then 'www.' || g.short_pinyin || '.com.cn' end as website,
        case when random() < 0.4 then 'contact' || g.id || '@' || coalesce(nullif(g.short_pinyin, ''), 'gov') || '.cn' end as email,
        case when random() < 0.8 then pg_temp.person() end as legal_representative,
        case when random() < 0.1 then g.province || '国有资产监督管理委员会' end as superior_org,
        case when random() < 0.6 then pg_temp.pick(array['技术开发、技术咨询、技术服务；货物进出口','生产销售及售后服务；仓储服务（不含危险品）',
          '金融服务；代理收付款项；结算业务','住宿、餐饮、会议及展览服务','道路货物运输；国内货运代理；仓储配送',
          '软件开发；信息系统集成服务；数据处理和存储支持服务','建设工程施工；装饰装修；物业管理']) end as business_scope,
        case when random() < 0.25 then pg_temp.pick(array['三年内在长三角新建两个生产基地','推进数字化转型，建设数据中台','拓展华南市场并布局海外业务','整合区域网点，提升服务效率']) end as development_plans,
        case when random() < 0.45 then pg_temp.pick(array['精密零部件','工业控制设备','商务住宿与会议','对公存贷款业务','城市配送服务','企业管理软件','医用耗材']) end as main_products,
        case when random() < 0.15 then (1 + floor(random() * 30))::int || '%' end as market_share,
        case when random() < 0.6 then (floor(random() * 5e6) * 1e4)::bigint end as annual_sales,
        case when random() < 0.55 then pg_temp.pick(array['中国工商银行','中国农业银行','中国银行','中国建设银行','交通银行','招商银行']) || g.city || '分行' end as bank_name,
        case when random() < 0.55 then '6222' || pg_temp.digits(15) end as bank_account,
        case when random() < 0.85 then pg_temp.pick(array['good','good','good','good','good','good','average','average','average','poor','very_poor']) end as credit_standing,
        case when random() < 0.6 then pg_temp.pick(array['ample','average','average','insufficient','tight']) end as fund_status,
        case when random() < 0.6 then pg_temp.pick(array['prompt','prompt','average','average','slow','difficult','chronic_arrears']) end as payment_attitude,
        case when random() < 0.4 then pg_temp.pick(array['30','60','90'])::int end as payment_term_days,
        case when random() < 0.3 then 500 + floor(random() * 1500)::int end as discount_bp,
        case when random() < 0.2 then pg_temp.pick(array['华东地区','全国','长三角','珠三角','省内']) end as target_market,
        case when random() < 0.3 then pg_temp.pick(array['高层拜访与方案引导并重','以服务稳存量，以项目促增量','联合生态伙伴共同开发','重点培育内线与向导']) end as customer_strategy,
        case when random() < 0.6 then pg_temp.pick(array['appointment','meeting','alliance','cultivate','poach','wait']) end as source_channel,
        g.province, g.city, g.owner_id, g.unit_id,
        case when g.id > least(2000, ${n} / 50) and random() < 0.08 then 1 + floor(random() * least(2000, ${n} / 50))::int end as parent_id,
        g.tier = 'heavy' as vip, g.tier, g.rev,
        random() < 0.05 as cat_high_value, random() < 0.02 as cat_strategic,
        case
          when g.tier = 'heavy' then pg_temp.pick(array['A','A','B'])
          when g.r_grade < 0.4 then null
          when g.tier = 'large' then pg_temp.pick(array['A','B','B','C'])
          else pg_temp.pick(array['B','C','C','C','D','D'])
        end as grade,
        case
          when g.r_life < 0.20 then 'prospect' when g.r_life < 0.40 then 'developing' when g.r_life < 0.70 then 'active'
          when g.r_life < 0.85 then 'maintaining' when g.r_life < 0.92 then 'at_risk' when g.r_life < 0.97 then 'lost' else 'recovered'
        end as lifecycle,
        g.name_pinyin, g.name_initials, g.short_pinyin, g.short_initials,
        1 + floor(random() * 4)::int as version, g.owner_id as created_by,
        now() - (1 - g.id::float8 / ${n}) * interval '2190 days' - random() * interval '3 days' as created_at,
        g.id % 4 as team_n
      from gen g
    ), b as (
      select a.*, case when cc17 is null then null else cc17 || pg_temp.cc_check(cc17) end as credit_code,
        greatest(created_at, now() - random() ^ 2 * interval '730 days') as updated_at,
        coalesce(tier = 'heavy' and rev[1] + rev[2] + rev[3] >= 1e9 and credit_standing = 'good', false) as cat_premium,
        parent_id is not null as cat_group
      from a
    )
    insert into accounts (${cols}, completeness)
    select ${cols}, ${completenessSql()} from b order by id`);
  const accountsSeconds = (Date.now() - started) / 1000;
  // a parent with children is a group too (ACC-4)
  await c.query(`update accounts set cat_group = true where id in (select parent_id from accounts where parent_id is not null)`);
  await c.query(`select setval('accounts_id_seq', (select max(id) from accounts))`);

  const t2 = Date.now();
  const revenue = await c.query(`
    insert into account_revenue (account_id, year, source, amount)
    select g.id, ${year - 2} + k, 'import', round(g.rev[k + 1])::bigint
    from gen g cross join generate_series(0, 2) k where g.rev is not null`);
  const revenueSeconds = (Date.now() - t2) / 1000;

  const t3 = Date.now();
  const team = await c.query(`
    insert into account_team (account_id, user_id, role)
    select t.id, o.user_id, (array['account_manager','specialist','technical','project_manager','complaints'])[t.k]
    from (select a.id, k, floor(random() * ${v.slots})::int as slot from accounts a cross join lateral generate_series(1, (a.id % 4)::int) k) t
    join owners o on o.slot = t.slot`);
  const teamSeconds = (Date.now() - t3) / 1000;
  return { accountsSeconds, revenueRows: revenue.rowCount ?? 0, revenueSeconds, teamRows: team.rowCount ?? 0, teamSeconds };
}

async function loadContacts(c: pg.Client, n: number) {
  const started = Date.now();
  // 0–15 people per account, more at the big ones; a sample of the candidates keeps the total exact
  const r = await c.query(`
    with cand as (
      select a.id as account_id, a.owner_id, a.created_at as acc_created, k, random() as r
      from accounts a cross join lateral generate_series(1,
        case when a.tier = 'heavy' then 8 + floor(random() * 8)::int when a.tier = 'large' then 4 + floor(random() * 9)::int
             else floor(random() * 11)::int end) k
    ), kept as (
      select * from cand order by r limit ${n}
    ), renum as (
      select account_id, owner_id, acc_created, row_number() over (partition by account_id order by k)::int as pos from kept
    ), timed as (
      select *, acc_created + random() * (now() - acc_created) as created_at from renum
    ), ided as (
      select *, row_number() over (order by created_at) as id from timed
    ), linked as (
      select *, array_agg(id) over (partition by account_id order by pos rows between unbounded preceding and unbounded following) as ids
      from ided
    ), x as (
      select l.*, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6 from linked l
    )
    insert into contacts (id, account_id, name, gender, birthday, native_place, department, title, office_phone, mobile, email,
      personality, marital_status, family, hobbies, habits, education, influence, reports_to_id, assistant_of_id, buying_role,
      is_guide, is_insider, is_key_person, is_decider, layer, decision_right, support, closeness, expertise, stage,
      personality_type, competitor_leaning, our_owner_id, last_contact_at, status, left_at, left_note, version, created_by,
      created_at, updated_at)
    select id, account_id, pg_temp.person(),
      case when r1 < 0.62 then 'male' else 'female' end,
      case when r2 < 0.4 then date '1960-01-01' + floor(random() * 12800)::int end,
      case when r2 < 0.3 then pg_temp.pick(array['江苏','浙江','山东','河南','四川','湖北','安徽','福建','广东']) end,
      case when pos = 1 then pg_temp.pick(array['总经理办公室','董事会'])
           when pos <= 4 then pg_temp.pick(array['财务部','采购部','信息技术部','运营部','行政部'])
           else pg_temp.pick(array['采购部','信息技术部','财务部','行政部','运营部','办公室']) end,
      case when pos = 1 then pg_temp.pick(array['总经理','董事长','党委书记'])
           when pos <= 4 then pg_temp.pick(array['副总经理','财务总监','采购部经理','信息部主任','行政部经理'])
           else pg_temp.pick(array['采购专员','工程师','会计','行政主管','业务主管','秘书']) end,
      case when r3 < 0.6 then '0' || pg_temp.digits(2) || '-' || pg_temp.digits(8) end,
      case when r3 < 0.9 then '1' || pg_temp.pick(array['3','5','8','9']) || pg_temp.digits(9) end,
      case when r4 < 0.4 then 'p' || id || '@example.cn' end,
      case when r4 < 0.25 then pg_temp.pick(array['稳重谨慎','外向健谈','注重细节','雷厉风行']) end,
      case when r4 < 0.2 then pg_temp.pick(array['已婚','未婚']) end,
      case when r4 < 0.15 then pg_temp.pick(array['子女在读高中','配偶在医院工作','父母同住']) end,
      case when r5 < 0.3 then pg_temp.pick(array['高尔夫','钓鱼','书法','摄影','跑步','茶道']) end,
      case when r5 < 0.15 then pg_temp.pick(array['早到办公室','不喝酒','喜欢喝茶']) end,
      case when r5 < 0.5 then pg_temp.pick(array['本科','硕士','博士','大专','EMBA']) end,
      case when pos = 1 then 5 when r6 < 0.6 then 1 + floor(random() * 5)::int end,
      case when pos = 1 then null when pos <= 4 then ids[1] else ids[2 + pos % 3] end,
      case when pos >= 5 and r6 < 0.05 then ids[1] end,
      case when pos = 1 then 'decision_maker'
           when pos <= 4 then pg_temp.pick(array['buyer','buyer','buyer','influencer','influencer','influencer','influencer','user','user','decision_maker'])
           when r1 < 0.15 then null
           else pg_temp.pick(array['user','user','user','influencer','buyer']) end,
      random() < 0.08, random() < 0.06,
      case when pos <= 3 then random() < 0.7 else random() < 0.1 end,
      pos = 1 and random() < 0.8,
      case when pos = 1 then 'decision' when pos <= 4 then (case when r2 < 0.2 then 'decision' else 'management' end) else 'operation' end,
      case when pos = 1 then 'decide' when pos <= 4 then pg_temp.pick(array['suggest','suggest','veto','recommend']) when r2 < 0.5 then 'recommend' end,
      (array[-2,-1,-1,0,0,0,0,0,0,0,1,1,1,1,1,1,1,2,2,2])[1 + floor(random() * 20)::int],
      (array[1,1,1,2,2,2,2,3,3,3,4,4,5])[1 + floor(random() * 13)::int],
      case when r6 < 0.5 then 1 + floor(random() * 5)::int end,
      (array['acquainted','acquainted','acquainted','acquainted','interested','interested','interested','trusting','trusting','ally'])[1 + floor(random() * 10)::int],
      case when r3 < 0.4 then pg_temp.pick(array['eagle','fox','sheep','donkey']) end,
      case when r5 < 0.1 then pg_temp.pick(array['倾向竞争对手甲','与竞争对手乙交往密切','对竞品持观望态度']) end,
      case when r1 < 0.9 then owner_id end,
      case when r2 < 0.8 then now() - random() * interval '365 days' end,
      case when r6 > 0.95 then 'left' else 'active' end,
      case when r6 > 0.95 then (now() - random() * interval '700 days')::date end,
      case when r6 > 0.95 then pg_temp.pick(array['调任集团总部','退休','跳槽至同行']) end,
      1 + floor(random() * 3)::int, owner_id,
      created_at, greatest(created_at, now() - random() ^ 2 * interval '365 days')
    from x order by id`);
  await c.query(`select setval('contacts_id_seq', (select max(id) from contacts))`);
  return { rows: r.rowCount ?? 0, seconds: (Date.now() - started) / 1000 };
}

async function loadHistory(c: pg.Client, n: number) {
  const started = Date.now();
  const r = await c.query(`
    with cand as (
      select c.contact_id, c.created_at, c.actor, k, random() as r
      from (select id as contact_id, created_at, coalesce(our_owner_id, created_by) as actor, floor(random() * 6)::int as h from contacts) c
      cross join lateral generate_series(1, c.h) k
    ), kept as (
      select * from cand order by r limit ${n}
    ), x as (
      select kept.*, pg_temp.pick(array['stage','stage','stage','support','support','closeness','closeness','owner','expertise','competitorLeaning']) as field,
        (created_at + least(k, 5) / 5.0 * random() * (now() - created_at))::date as occurred_on
      from kept
    )
    insert into contact_relationship_history (contact_id, field, from_value, to_value, evidence, occurred_on, actor_id, at)
    select contact_id, field,
      case when k = 1 then null
           when field = 'stage' then (array['acquainted','interested','trusting','ally'])[least(k - 1, 4)]
           when field = 'support' then (floor(random() * 5) - 2)::int::text
           when field in ('closeness','expertise') then (1 + floor(random() * 5))::int::text
           when field = 'owner' then actor::text end,
      case when field = 'stage' then (array['acquainted','interested','trusting','ally'])[least(k, 4)]
           when field = 'support' then (floor(random() * 5) - 2)::int::text
           when field in ('closeness','expertise') then (1 + floor(random() * 5))::int::text
           when field = 'owner' then actor::text
           else pg_temp.pick(array['倾向竞争对手甲','中立','倾向我方']) end,
      case when field = 'stage' or random() < 0.4 then pg_temp.pick(array['拜访后同意推荐我方方案','参加我方技术交流会','主动约见并介绍内部情况',
        '在采购评审会上支持我方','私下透露竞争对手报价','一起吃饭时谈到家庭','引荐了分管副总']) end,
      occurred_on, actor, occurred_on + random() * interval '20 hours'
    from x order by occurred_on`);
  return { rows: r.rowCount ?? 0, seconds: (Date.now() - started) / 1000 };
}

/** Secondary indexes of the bulk tables: dropped for the load and built afterwards, which is several times faster. */
export async function secondaryIndexes(c: pg.Client, tables: string[]) {
  const r = await c.query<{ name: string; table: string; def: string }>(
    `select i.indexname as name, i.tablename as table, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint k where k.conindid = ('public.' || quote_ident(i.indexname))::regclass)`,
    [tables],
  );
  return r.rows;
}

// ---------------------------------------------------------------- checks

async function checkSample(c: pg.Client) {
  const rows = await c.query<{ name: string; short_name: string | null; name_pinyin: string; name_initials: string; short_pinyin: string; short_initials: string; credit_code: string | null }>(
    `select name, short_name, name_pinyin, name_initials, short_pinyin, short_initials, credit_code from accounts tablesample system (2) limit 3000`,
  );
  const mismatches: string[] = [];
  let codes = 0;
  for (const r of rows.rows) {
    const n = pinyinKeys(r.name);
    const s = pinyinKeys(r.short_name);
    if (n.full !== r.name_pinyin || n.initials !== r.name_initials) mismatches.push(`${r.name}: ${r.name_pinyin}/${r.name_initials} ≠ ${n.full}/${n.initials}`);
    if (s.full !== r.short_pinyin || s.initials !== r.short_initials) mismatches.push(`${r.short_name}: ${r.short_pinyin}/${r.short_initials} ≠ ${s.full}/${s.initials}`);
    if (r.credit_code) {
      codes++;
      const problem = creditCodeProblem(r.credit_code);
      if (problem) throw new Error(`Generated credit code ${r.credit_code} is invalid (${problem})`);
    }
  }
  // Foreign keys hold by construction (they are checked as the rows go in); what no constraint
  // says is that a contact reports to someone of the same account.
  const strays = await c.query<{ n: string }>(`
    select count(*) as n from contacts c join contacts m on m.id = c.reports_to_id where m.account_id <> c.account_id`);
  if (Number(strays.rows[0].n) !== 0) throw new Error(`Generated data has ${strays.rows[0].n} reporting lines across accounts`);
  return { checked: rows.rowCount ?? 0, mismatches, codes };
}

// ---------------------------------------------------------------- main

export async function generate(url: string, size: Size, tz: string, log: Log): Promise<LoadReport> {
  const t0 = Date.now();
  const steps: LoadReport['steps'] = [];
  const step = (name: string, rows: number, seconds: number) => {
    steps.push({ step: name, rows, seconds });
    log(`  ${name.padEnd(44)} ${String(rows).padStart(9)} rows ${seconds.toFixed(1).padStart(7)} s`);
  };
  await recreateDatabase(url, log);

  let t = Date.now();
  const database = openPostgres(url, 4);
  try {
    await migrate(database);
    await bootstrap(database.db, BENCH_PASSWORD);
    step('schema (migrations) and built-in roles', 0, (Date.now() - t) / 1000);
    t = Date.now();
    const org = await loadOrganisation(database.db, await hashPassword(BENCH_PASSWORD));
    step('organisation (units, users)', org.users.length, (Date.now() - t) / 1000);

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      // A bulk load into an empty database: no synchronous commit and roomy sort memory. Triggers
      // (the foreign-key checks, and any a feature adds to keep derived data) run as in normal use.
      await c.query(`set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '512MB'`);
      const bulk = ['accounts', 'account_team', 'account_revenue', 'contacts', 'contact_relationship_history'];
      const indexes = await secondaryIndexes(c, bulk);
      for (const i of indexes) await c.query(`drop index "${i.name}"`);

      t = Date.now();
      const vocab = await loadVocabulary(c, org, size.accounts);
      step('vocabulary (names, places, owners)', 0, (Date.now() - t) / 1000);
      t = Date.now();
      const acc = await loadAccounts(c, vocab, size.accounts, tz);
      step('accounts', size.accounts, (Date.now() - t) / 1000 - acc.revenueSeconds - acc.teamSeconds);
      step('account_revenue', acc.revenueRows, acc.revenueSeconds);
      step('account_team', acc.teamRows, acc.teamSeconds);
      const con = await loadContacts(c, size.contacts);
      step('contacts', con.rows, con.seconds);
      const his = await loadHistory(c, size.history);
      step('contact_relationship_history', his.rows, his.seconds);

      for (const table of bulk) {
        t = Date.now();
        const mine = indexes.filter((i) => i.table === table);
        for (const i of mine) await c.query(i.def);
        step(`indexes on ${table} (${mine.length})`, 0, (Date.now() - t) / 1000);
      }
      t = Date.now();
      const check = await checkSample(c);
      step('checks (reporting lines, pinyin, credit codes)', check.checked, (Date.now() - t) / 1000);
      t = Date.now();
      // Stored derived fields (coverage score and flags, quadrant, completeness, tier) come from the
      // service's own recompute — the nightly job's code — so the list reads what production stores.
      await c.query('analyze');
      const derived = await recomputeAll(database.db, tz);
      step('derived fields (service recompute)', derived.scanned, (Date.now() - t) / 1000);
      t = Date.now();
      // a database in use has its visibility map set and statistics current
      for (const table of [...bulk, 'users', 'org_units', 'sessions']) await c.query(`vacuum (analyze) ${table}`);
      step('vacuum analyze', 0, (Date.now() - t) / 1000);

      const seconds = (Date.now() - t0) / 1000;
      const bytes = await c.query<{ n: string }>(`select pg_database_size(current_database()) as n`);
      // what was generated and how long it took, so a later `--reuse` run can report it
      await c.query(`create table bench_dataset (accounts int, contacts int, history int, seconds float8, bytes bigint, steps jsonb, generated_at timestamptz default now())`);
      await c.query(`insert into bench_dataset (accounts, contacts, history, seconds, bytes, steps) values ($1, $2, $3, $4, $5, $6)`, [
        size.accounts,
        con.rows,
        his.rows,
        seconds,
        Number(bytes.rows[0].n),
        JSON.stringify(steps),
      ]);
      log(`  total ${seconds.toFixed(1)} s; database size ${(Number(bytes.rows[0].n) / 2 ** 20).toFixed(0)} MiB`);
      if (check.mismatches.length) log(`  pinyin mismatches in the sample: ${check.mismatches.length}\n    ${check.mismatches.slice(0, 10).join('\n    ')}`);
      return { steps, databaseBytes: Number(bytes.rows[0].n), pinyinChecked: check.checked, pinyinMismatches: check.mismatches, creditCodesChecked: check.codes };
    } finally {
      await c.end();
    }
  } finally {
    await database.close();
  }
}
