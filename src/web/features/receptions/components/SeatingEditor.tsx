import { DeleteOutlined, LockOutlined, PlusOutlined, PrinterOutlined, ThunderboltOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, Flex, Grid, Input, InputNumber, List, Segmented, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReceptionDetail, SeatingPlanOut } from '../../../../shared/contracts/receptions';
import { rankByTitles, seatPoint, swapSeats, type SeatPerson } from '../../../../shared/domain/seating.rules';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useProposeSeating, useSaveSeating, useSeating } from '../api';

type Plan = Pick<SeatingPlanOut, 'seatsPerTable' | 'people' | 'tables'>;
type Person = SeatingPlanOut['people'][number];
type SeatRef = { table: number; seat: number };

const CELL = 280;
const TABLE_R = 62;
const SEAT_R = 24;
const SEAT_RING = 98;

export const sideColor = (p: Pick<SeatPerson, 'side' | 'interpreter'> | undefined) => (!p ? '#f0f0f0' : p.interpreter ? '#d9f7be' : p.side === 'host' ? '#bae0ff' : '#ffd8bf');

/** The people a reception already names: its visitors as guests, the report's attendees on both sides — ranked by their titles. */
function peopleFrom(r: ReceptionDetail): Person[] {
  const guests = [...(r.report?.guestAttendees ?? []), ...r.visitors].filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i);
  const hosts = r.report?.hostAttendees.length ? r.report.hostAttendees : [{ name: r.owner.name, title: null }];
  return rankByTitles([
    ...hosts.map((p, i) => ({ key: `h${i + 1}`, name: p.name, title: p.title, side: 'host' as const, rank: i + 1, interpreter: false, secondHost: false })),
    ...guests.map((p, i) => ({ key: `g${i + 1}`, name: p.name, title: p.title, side: 'guest' as const, rank: i + 1, interpreter: false, secondHost: false })),
  ]);
}

/** Seat 0 is the host's; the seat of the one marked second host reads as theirs. */
const seatLabel = (t: TFunction, si: number, p: Person | undefined) => t(si === 0 ? 'seating.hostSeat' : p?.secondHost ? 'seating.secondHostSeat' : 'seating.seat', { n: si + 1 });

/** The banquet seating of a reception (ACT-7): attendees → proposal by the rules → swaps → save / lock → cards. */
export function SeatingEditor({ reception }: { reception: ReceptionDetail }) {
  const { t } = useTranslation('receptions');
  const stored = useSeating(reception.id);
  if (stored.isLoading) return <Skeleton active />;
  return <Editor key={stored.data?.seating?.version ?? 0} reception={reception} stored={stored.data?.seating ?? null} t={t} />;
}

function Editor({ reception, stored, t }: { reception: ReceptionDetail; stored: SeatingPlanOut | null; t: TFunction }) {
  const phone = !Grid.useBreakpoint().md;
  const [people, setPeople] = useState<Person[]>(stored?.people ?? peopleFrom(reception));
  const [seatsPerTable, setSeatsPerTable] = useState(stored?.seatsPerTable ?? 10);
  const [plan, setPlan] = useState<Plan | null>(stored ? { seatsPerTable: stored.seatsPerTable, people: stored.people, tables: stored.tables } : null);
  const [selected, setSelected] = useState<SeatRef | null>(null);
  const [view, setView] = useState<'plan' | 'list'>(phone ? 'list' : 'plan');
  useEffect(() => setView(phone ? 'list' : 'plan'), [phone]);
  const propose = useProposeSeating(reception.id);
  const save = useSaveSeating(reception.id);
  const showError = useApiError();
  const { message } = useFeedback();
  const locked = stored?.locked ?? false;
  const editable = reception.canWrite && !locked;
  const byKey = useMemo(() => new Map((plan?.people ?? people).map((p) => [p.key, p])), [plan, people]);

  const edit = (i: number, patch: Partial<Person>) =>
    setPeople((list) =>
      list.map((p, j) => {
        if (j !== i) return patch.secondHost ? { ...p, secondHost: false } : p;
        const next = { ...p, ...patch };
        // only a host who is not the interpreter can be the second host
        return next.side === 'host' && !next.interpreter ? next : { ...next, secondHost: false };
      }),
    );
  const add = (side: 'host' | 'guest') =>
    setPeople((list) => {
      const n = list.filter((p) => p.side === side).length + 1;
      let key = `${side[0]}${n}`;
      while (list.some((p) => p.key === key)) key = `${key}_`;
      return [...list, { key, name: '', title: null, side, rank: n, interpreter: false, secondHost: false }];
    });

  const runPropose = async () => {
    try {
      const res = await propose.mutateAsync({ people: people.filter((p) => p.name.trim()), seatsPerTable });
      setPlan(res.seating);
      setSelected(null);
    } catch (err) {
      showError(err);
    }
  };
  const runSave = async (lock: boolean) => {
    if (!plan) return;
    try {
      await save.mutateAsync({ version: stored?.version ?? 0, seatsPerTable: plan.seatsPerTable, people: plan.people, tables: plan.tables, locked: lock });
      void message.success(t(lock ? 'seating.locked' : 'seating.save'));
    } catch (err) {
      showError(err);
    }
  };
  const clickSeat = (ref: SeatRef) => {
    if (!editable || !plan) return;
    if (!selected) return setSelected(ref);
    if (selected.table !== ref.table || selected.seat !== ref.seat) setPlan(swapSeats(plan, selected, ref));
    setSelected(null);
  };
  const selectedName = selected && plan ? byKey.get(plan.tables[selected.table]?.seats[selected.seat] ?? '')?.name : null;

  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon message={t('seating.rules')} />
      {editable && (
        <Card size="small" title={t('seating.people')}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: 640 }}
            dataSource={people}
            columns={[
              { title: t('fields.name'), key: 'name', render: (_: unknown, p: Person, i: number) => <Input value={p.name} maxLength={50} onChange={(e) => edit(i, { name: e.target.value })} data-testid={`seat-person-name-${i}`} /> },
              { title: t('fields.title'), key: 'title', render: (_: unknown, p: Person, i: number) => <Input value={p.title ?? ''} maxLength={50} onChange={(e) => edit(i, { title: e.target.value || null })} /> },
              {
                title: t('seating.side'),
                key: 'side',
                width: 100,
                render: (_: unknown, p: Person, i: number) => <Select value={p.side} style={{ width: 90 }} onChange={(side) => edit(i, { side })} options={(['host', 'guest'] as const).map((s) => ({ value: s, label: t(`seating.sides.${s}`) }))} />,
              },
              { title: t('seating.rank'), key: 'rank', width: 90, render: (_: unknown, p: Person, i: number) => <InputNumber min={1} max={999} value={p.rank} onChange={(v) => edit(i, { rank: v ?? 1 })} style={{ width: 70 }} /> },
              { title: t('seating.interpreter'), key: 'interp', width: 70, render: (_: unknown, p: Person, i: number) => <Checkbox checked={p.interpreter} onChange={(e) => edit(i, { interpreter: e.target.checked })} /> },
              {
                title: <Tooltip title={t('seating.secondHostHint')}>{t('seating.secondHost')}</Tooltip>,
                key: 'second',
                width: 80,
                render: (_: unknown, p: Person, i: number) => (
                  <Checkbox checked={p.secondHost} disabled={p.side !== 'host' || p.interpreter} onChange={(e) => edit(i, { secondHost: e.target.checked })} data-testid={`seat-second-host-${i}`} aria-label={t('seating.secondHost')} />
                ),
              },
              { key: 'del', width: 40, render: (_: unknown, _p: Person, i: number) => <Button type="text" icon={<DeleteOutlined />} onClick={() => setPeople((l) => l.filter((_x, j) => j !== i))} /> },
            ]}
          />
          <Flex gap={8} wrap style={{ marginTop: 8 }} align="center">
            <Button icon={<PlusOutlined />} onClick={() => add('host')} data-testid="seat-add-host">
              {t('seating.sides.host')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => add('guest')} data-testid="seat-add-guest">
              {t('seating.sides.guest')}
            </Button>
            <Button onClick={() => setPeople(peopleFrom(reception))}>{t('seating.fromReception')}</Button>
            <Button onClick={() => setPeople((list) => rankByTitles(list))} data-testid="seat-rank-by-title">
              {t('seating.rankByTitle')}
            </Button>
            <Space>
              {t('seating.seatsPerTable')}
              <InputNumber min={4} max={20} value={seatsPerTable} onChange={(v) => setSeatsPerTable(v ?? 10)} data-testid="seats-per-table" />
            </Space>
            <Button type="primary" icon={<ThunderboltOutlined />} loading={propose.isPending} onClick={() => void runPropose()} data-testid="seating-propose">
              {t('seating.propose')}
            </Button>
          </Flex>
        </Card>
      )}
      {!plan ? (
        <Empty description={t('seating.noPlan')} />
      ) : (
        <Card
          size="small"
          title={
            <Space wrap>
              {t('seating.title')}
              {locked && (
                <Tag icon={<LockOutlined />} color="gold">
                  {t('seating.locked')}
                </Tag>
              )}
            </Space>
          }
          extra={<Segmented size="small" value={view} onChange={(v) => setView(v as 'plan' | 'list')} options={[{ value: 'plan', label: t('seating.view.plan') }, { value: 'list', label: t('seating.view.list') }]} />}
        >
          {editable && <Typography.Paragraph type="secondary">{selectedName ? t('seating.selected', { name: selectedName }) : t('seating.swapHint')}</Typography.Paragraph>}
          {view === 'plan' ? <SeatMap plan={plan} byKey={byKey} selected={selected} onSeat={clickSeat} t={t} /> : <SeatList plan={plan} byKey={byKey} editable={editable} onMove={(from, to) => setPlan(swapSeats(plan, from, to))} t={t} />}
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            {editable && (
              <Button type="primary" loading={save.isPending} onClick={() => void runSave(false)} data-testid="seating-save">
                {t('seating.save')}
              </Button>
            )}
            {editable && (
              <Button icon={<LockOutlined />} onClick={() => void runSave(true)} data-testid="seating-lock">
                {t('seating.lock')}
              </Button>
            )}
            {reception.canWrite && locked && (
              <Button icon={<UnlockOutlined />} onClick={() => void runSave(false)} data-testid="seating-unlock">
                {t('seating.unlock')}
              </Button>
            )}
            {stored && (
              <Link to={`/receptions/${reception.id}/print/cards`}>
                <Button icon={<PrinterOutlined />} data-testid="print-cards">
                  {t('seating.cards')}
                </Button>
              </Link>
            )}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

/** Screen position of a table: the main table's host looks at the door (bottom), so the host's right (x > 0) is the screen's left. */
export function tableBox(tables: Plan['tables']) {
  const xs = tables.map((tb) => -tb.x);
  const ys = tables.map((tb) => tb.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  return { width: (Math.max(...xs) - minX + 1) * CELL, height: (Math.max(...ys) - minY + 1) * CELL + 30, at: (tb: { x: number; y: number }) => ({ cx: (-tb.x - minX) * CELL + CELL / 2, cy: (tb.y - minY) * CELL + CELL / 2 }) };
}

function SeatMap({ plan, byKey, selected, onSeat, t }: { plan: Plan; byKey: Map<string, Person>; selected: SeatRef | null; onSeat: (r: SeatRef) => void; t: TFunction }) {
  const box = tableBox(plan.tables);
  return (
    <div style={{ overflowX: 'auto' }}>
      <svg width={box.width} height={box.height} viewBox={`0 0 ${box.width} ${box.height}`} data-testid="seat-map" style={{ fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", sans-serif' }}>
        {plan.tables.map((tb, ti) => {
          const { cx, cy } = box.at(tb);
          return (
            <g key={tb.no} data-testid={`table-${tb.no}`}>
              <circle cx={cx} cy={cy} r={TABLE_R} fill="#fafafa" stroke="#8c8c8c" strokeWidth={2} />
              <text x={cx} y={cy + 5} textAnchor="middle" fontSize={15} fontWeight={600}>
                {tb.no === 1 ? t('seating.mainTable') : t('seating.table', { no: tb.no })}
              </text>
              {tb.seats.map((key, si) => {
                const p = seatPoint(si, tb.seats.length, SEAT_RING);
                const person = key ? byKey.get(key) : undefined;
                const isSel = selected?.table === ti && selected.seat === si;
                return (
                  <g key={si} onClick={() => onSeat({ table: ti, seat: si })} style={{ cursor: 'pointer' }} data-testid={`seat-${tb.no}-${si}`} data-person={key ?? ''}>
                    <circle cx={cx + p.x} cy={cy + p.y} r={SEAT_R} fill={sideColor(person)} stroke={isSel ? '#f5222d' : si === 0 || person?.secondHost ? '#1677ff' : '#bfbfbf'} strokeWidth={isSel || si === 0 || person?.secondHost ? 3 : 1} />
                    <text x={cx + p.x} y={cy + p.y + 4} textAnchor="middle" fontSize={11}>
                      {person ? person.name.slice(0, 4) : t('seating.empty')}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <text x={box.width / 2} y={box.height - 8} textAnchor="middle" fontSize={13} fill="#8c8c8c">
          ▼ {t('seating.door')} ▼
        </text>
      </svg>
    </div>
  );
}

function SeatList({ plan, byKey, editable, onMove, t }: { plan: Plan; byKey: Map<string, Person>; editable: boolean; onMove: (from: SeatRef, to: SeatRef) => void; t: TFunction }) {
  const options = plan.tables.flatMap((tb, ti) =>
    tb.seats.map((k, si) => ({ value: `${ti}:${si}`, label: `${tb.no === 1 ? t('seating.mainTable') : t('seating.table', { no: tb.no })} · ${seatLabel(t, si, k ? byKey.get(k) : undefined)}${k ? ` · ${byKey.get(k)?.name ?? ''}` : ''}` })),
  );
  return (
    <Flex vertical gap={8}>
      {plan.tables.map((tb, ti) => (
        <List
          key={tb.no}
          size="small"
          bordered
          header={<Typography.Text strong>{tb.no === 1 ? t('seating.mainTable') : t('seating.table', { no: tb.no })}</Typography.Text>}
          dataSource={tb.seats.map((k, si) => ({ k, si }))}
          renderItem={({ k, si }) => {
            const p = k ? byKey.get(k) : undefined;
            return (
              <List.Item data-testid={`seat-row-${tb.no}-${si}`}>
                <Flex gap={8} align="center" wrap style={{ width: '100%' }}>
                  <Tag>{seatLabel(t, si, p)}</Tag>
                  <span style={{ background: sideColor(p), padding: '0 6px', borderRadius: 4, minWidth: 80 }}>{p ? `${p.name}${p.title ? `（${p.title}）` : ''}` : t('seating.empty')}</span>
                  {editable && (
                    <Select size="small" placeholder={t('seating.moveTo')} style={{ minWidth: 160, flex: 1 }} value={null} options={options.filter((o) => o.value !== `${ti}:${si}`)} onChange={(v: string) => onMove({ table: ti, seat: si }, { table: Number(v.split(':')[0]), seat: Number(v.split(':')[1]) })} />
                  )}
                </Flex>
              </List.Item>
            );
          }}
        />
      ))}
    </Flex>
  );
}
