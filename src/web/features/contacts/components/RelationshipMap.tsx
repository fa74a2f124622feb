import '@xyflow/react/dist/style.css';
import './RelationshipMap.css';
import { FileImageOutlined, PlusOutlined, PrinterOutlined, TeamOutlined, UndoOutlined } from '@ant-design/icons';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import { Alert, Button, Checkbox, Empty, Flex, Grid, Skeleton, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { toPng } from 'html-to-image';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AccountCoverage, ContactListItem, CoverageFlagCode } from '../../../../shared/contracts/contacts';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorDetail, errorMessage } from '../../../components/errors';
import { useFeedback } from '../../../components/feedback';
import { useAccountContacts, useAccountCoverage, useSetReporting } from '../api';
import { dropTarget, orgChart } from '../orgChart';
import { ContactFormDrawer } from './ContactFormDrawer';
import { coverageColor } from './CoverageBadge';
import { RelationshipModal } from './RelationshipModal';
import { ReportingSheet } from './RelationshipMapSheet';
import {
  CaptionNode,
  LooseNode,
  MapContext,
  MapLegend,
  NODE_H,
  NODE_W,
  OrgLine,
  PersonNode,
  type CaptionNodeType,
  type LooseNodeType,
  type MapActions,
  type OrgLineType,
  type PersonNodeType,
} from './RelationshipMapParts';

type MapNode = PersonNodeType | LooseNodeType | CaptionNodeType;
const nodeTypes = { person: PersonNode, loose: LooseNode, caption: CaptionNode };
const edgeTypes = { orgLine: OrgLine };

const LOOSE_PAD = 16;
const LOOSE_LABEL = 28;
const CAPTION_H = 130;
const CAPTION_W = 760;
const EXPORT_PAD = 32;
/** browsers refuse canvases much larger than this on a side */
const MAX_CANVAS = 16_000;

interface Props {
  accountId: number;
  accountName: string;
  editable: boolean;
}

/** 关系图: the account's people as an org chart (REL-4), with the coverage flags (REL-5) above it. */
export function RelationshipMap(props: Props) {
  const { t } = useTranslation('contacts');
  const contacts = useAccountContacts(props.accountId);
  const coverage = useAccountCoverage(props.accountId);
  const [adding, setAdding] = useState(false);
  if (contacts.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (contacts.isError) return <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />;
  const all = contacts.data?.items ?? [];
  if (all.length === 0)
    return (
      <div data-testid="map-empty">
        <Empty image={<TeamOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={t('map.empty')}>
          {props.editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="map-add-first">
              {t('map.addFirst')}
            </Button>
          )}
        </Empty>
        <ContactFormDrawer accountId={props.accountId} contactId={adding ? 'new' : null} contacts={all} onClose={() => setAdding(false)} />
      </div>
    );
  return (
    <ReactFlowProvider>
      <MapView {...props} contacts={all} coverage={coverage.data} />
    </ReactFlowProvider>
  );
}

interface UndoEntry {
  contactId: number;
  name: string;
  reportsToId: number | null;
  assistantOfId: number | null;
}

function MapView({ accountId, accountName, editable, contacts, coverage }: Props & { contacts: ContactListItem[]; coverage: AccountCoverage | undefined }) {
  const { t } = useTranslation('contacts');
  const { message } = useFeedback();
  const phone = Grid.useBreakpoint().md === false;
  const flow = useReactFlow<MapNode, OrgLineType>();
  const canvas = useRef<HTMLDivElement>(null);
  const setReporting = useSetReporting(accountId);

  const [showLeft, setShowLeft] = useState(true);
  const [flag, setFlag] = useState<CoverageFlagCode | null>(null);
  const [dropOn, setDropOn] = useState<number | null>(null);
  const [undo, setUndo] = useState<UndoEntry[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [relationship, setRelationship] = useState<ContactListItem | null>(null);
  const [sheet, setSheet] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const [printImage, setPrintImage] = useState<string | null>(null);

  const byId = useMemo(() => new Map(contacts.map((c) => [c.id, c])), [contacts]);
  const leftCount = contacts.filter((c) => c.status === 'left').length;
  const chart = useMemo(() => orgChart(contacts, { showLeft, nodeWidth: NODE_W, nodeHeight: NODE_H, nodeGap: 36, rankGap: 64, assistantGap: 28 }), [contacts, showLeft]);
  const draggable = editable && !phone;
  const date = dayjs().format('YYYY-MM-DD');

  const layoutNodes = useMemo<MapNode[]>(() => {
    const nodes: MapNode[] = [];
    if (chart.looseArea) {
      const a = chart.looseArea;
      nodes.push({
        id: 'loose',
        type: 'loose',
        position: { x: a.x - LOOSE_PAD, y: a.y - LOOSE_PAD - LOOSE_LABEL },
        width: a.width + 2 * LOOSE_PAD,
        height: a.height + 2 * LOOSE_PAD + LOOSE_LABEL,
        data: {},
        draggable: false,
        selectable: false,
        connectable: false,
        deletable: false,
        focusable: false,
      });
    }
    for (const [id, position] of chart.positions) {
      const contact = byId.get(id)!;
      nodes.push({
        id: String(id),
        type: 'person',
        position,
        width: NODE_W,
        height: NODE_H,
        data: { contact },
        draggable: draggable && contact.status === 'active',
        deletable: false,
      });
    }
    return nodes;
  }, [chart, byId, draggable]);

  const layoutEdges = useMemo<OrgLineType[]>(
    () =>
      chart.edges.map((e) => ({
        id: e.id,
        type: 'orgLine',
        source: String(e.source),
        target: String(e.target),
        sourceHandle: e.kind === 'assists' ? 'side-out' : 'down',
        targetHandle: e.kind === 'assists' ? 'side-in' : 'up',
        data: { kind: e.kind, inLoop: e.inLoop, target: e.target },
        selectable: editable,
        deletable: editable,
        markerEnd: e.inLoop ? { type: MarkerType.ArrowClosed, color: '#cf1322' } : undefined,
      })),
    [chart, editable],
  );

  const [nodes, setNodes] = useState<MapNode[]>(layoutNodes);
  const [edges, setEdges] = useState<OrgLineType[]>(layoutEdges);
  useEffect(() => setNodes(layoutNodes), [layoutNodes]);
  useEffect(() => setEdges(layoutEdges), [layoutEdges]);
  const onNodesChange = useCallback((changes: NodeChange<MapNode>[]) => setNodes((n) => applyNodeChanges(changes, n)), []);
  const onEdgesChange = useCallback((changes: EdgeChange<OrgLineType>[]) => setEdges((e) => applyEdgeChanges(changes, e)), []);

  // After a change the picture may reach past the view (a new row, a wider tree): bring it back in.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const id = requestAnimationFrame(() => {
      const { x, y, zoom } = flow.getViewport();
      const outside = x < 0 || y < 0 || x + chart.width * zoom > el.clientWidth || y + chart.height * zoom > el.clientHeight;
      if (outside) void flow.fitView({ padding: 0.12, maxZoom: 1, duration: 300 });
    });
    return () => cancelAnimationFrame(id);
  }, [chart, flow]);

  const change = useCallback(
    (c: ContactListItem, links: { reportsToId?: number | null; assistantOfId?: number | null }, opts: { undoing?: boolean } = {}) => {
      const next = { reportsToId: links.reportsToId === undefined ? c.reportsToId : links.reportsToId, assistantOfId: links.assistantOfId === undefined ? c.assistantOfId : links.assistantOfId };
      if (next.reportsToId === c.reportsToId && next.assistantOfId === c.assistantOfId) {
        setNodes(layoutNodes);
        return;
      }
      setFailure(null);
      setReporting.mutate(
        { contact: c, ...next },
        {
          onSuccess: () => {
            if (opts.undoing) {
              setUndo((u) => u.slice(0, -1));
              void message.success(t('map.undone', { name: c.name }));
            } else {
              setUndo((u) => [...u.slice(-19), { contactId: c.id, name: c.name, reportsToId: c.reportsToId, assistantOfId: c.assistantOfId }]);
              void message.success(t('map.saved', { name: c.name }));
            }
          },
          onError: (err) => {
            // the rule the server names (a loop, another account); a stale version has been fetched again already
            const reason = err instanceof ApiError && err.code === 'STALE_VERSION' ? t('map.stale') : (errorDetail(err, t) ?? errorMessage(err, t));
            setFailure(t('map.failed', { name: c.name, reason }));
          },
        },
      );
    },
    [layoutNodes, message, setReporting, t],
  );

  const undoLast = useCallback(() => {
    const last = undo[undo.length - 1];
    const c = last && byId.get(last.contactId);
    if (!last || !c || setReporting.isPending) return;
    change(c, { reportsToId: last.reportsToId, assistantOfId: last.assistantOfId }, { undoing: true });
  }, [undo, byId, change, setReporting.isPending]);

  useEffect(() => {
    if (!editable) return;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, textarea, [contenteditable="true"], .ant-modal, .ant-drawer')) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        undoLast();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, undoLast]);

  // ---- drag a person onto another: they now report to that person
  const targetOf = useCallback(
    (dragged: { id: string; position: { x: number; y: number } }) => {
      const candidates = nodes
        .filter((n): n is PersonNodeType => n.type === 'person' && n.id !== dragged.id && n.data.contact.status === 'active')
        .map((n) => ({ id: n.data.contact.id, x: n.position.x, y: n.position.y, width: NODE_W, height: NODE_H }));
      return dropTarget({ x: dragged.position.x, y: dragged.position.y, width: NODE_W, height: NODE_H }, candidates);
    },
    [nodes],
  );
  const onNodeDrag: OnNodeDrag<MapNode> = useCallback((_e, node) => setDropOn(targetOf(node)), [targetOf]);
  const onNodeDragStop: OnNodeDrag<MapNode> = useCallback(
    (_e, node) => {
      setDropOn(null);
      const target = targetOf(node);
      const c = node.type === 'person' ? node.data.contact : null;
      if (!c || target === null) {
        setNodes(layoutNodes);
        return;
      }
      change(c, { reportsToId: target });
    },
    [targetOf, layoutNodes, change],
  );
  const onConnect = useCallback(
    (conn: Connection) => {
      const c = byId.get(Number(conn.target));
      if (c && conn.source !== conn.target) change(c, { reportsToId: Number(conn.source) });
    },
    [byId, change],
  );
  const removeLine = useCallback<MapActions['removeLine']>(
    ({ kind, target }) => {
      const c = byId.get(target);
      if (c) change(c, kind === 'assists' ? { assistantOfId: null } : { reportsToId: null });
    },
    [byId, change],
  );
  const onEdgesDelete = useCallback(
    (deleted: OrgLineType[]) => {
      const e = deleted[0];
      if (e?.data) removeLine({ kind: e.data.kind, target: e.data.target });
    },
    [removeLine],
  );

  // ---- export and print: the whole chart at full size, with a caption, whatever the view shows
  const renderPng = async (): Promise<string> => {
    const viewport = canvas.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) throw new Error('no chart to export');
    flushSync(() => {
      setExporting(true);
      setEdges((es) => es.map((e) => ({ ...e, selected: false })));
      setNodes((ns) => ns.map((n) => ({ ...n, selected: false })));
    });
    try {
      // two frames: the caption node is measured and painted before the copy is taken
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const left = -EXPORT_PAD;
      const top = -CAPTION_H - EXPORT_PAD;
      const width = Math.ceil(Math.max(chart.width, CAPTION_W) + 2 * EXPORT_PAD);
      const height = Math.ceil(chart.height + CAPTION_H + 2 * EXPORT_PAD);
      const ratio = Math.min(2, MAX_CANVAS / Math.max(width, height));
      return await toPng(viewport, {
        backgroundColor: '#ffffff',
        width,
        height,
        pixelRatio: ratio,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${-left}px, ${-top}px) scale(1)` },
        filter: (el) => !(el instanceof HTMLElement && (el.classList.contains('react-flow__handle') || el.classList.contains('rm-no-export'))),
      });
    } finally {
      setExporting(false);
    }
  };
  const fileName = t('map.fileName', { account: accountName.replace(/[\\/:*?"<>|]/g, '_'), date });
  const exportPng = async () => {
    try {
      const url = await renderPng();
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      void message.success(t('map.exported', { file: fileName }));
    } catch (err) {
      void message.error(t('map.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  const print = async () => {
    try {
      setPrintImage(await renderPng());
    } catch (err) {
      void message.error(t('map.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  useEffect(() => {
    if (!printImage) return;
    const done = () => setPrintImage(null);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, [printImage]);

  const nodesShown = useMemo<MapNode[]>(
    () =>
      exporting
        ? [
            ...nodes,
            {
              id: 'caption',
              type: 'caption',
              position: { x: 0, y: -CAPTION_H },
              width: Math.max(chart.width, CAPTION_W),
              height: CAPTION_H,
              data: { title: t('map.caption', { account: accountName }), date: t('map.captionDate', { date }) },
              draggable: false,
              selectable: false,
            },
          ]
        : nodes,
    [exporting, nodes, chart.width, accountName, date, t],
  );

  const highlighted = useMemo(() => {
    const f = flag && coverage?.flags.find((x) => x.code === flag);
    return f ? new Set(f.contactIds) : null;
  }, [flag, coverage]);

  const actions = useMemo<MapActions>(
    () => ({
      editable,
      phone,
      highlighted,
      dropOn,
      busy: setReporting.isPending,
      exporting,
      open: (c) => setEditing(c.id),
      relationship: setRelationship,
      reporting: (c) => setSheet(c.id),
      setLinks: (c, links) => change(c, links),
      removeLine,
    }),
    [editable, phone, highlighted, dropOn, setReporting.isPending, exporting, change, removeLine],
  );

  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('map.a11y.node'),
      'edge.a11yDescription.default': t('map.a11y.edge'),
      'controls.ariaLabel': t('map.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('map.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('map.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('map.a11y.fitView'),
    }),
    [t],
  );
  const loopText = chart.loops.map((l) => [...l, l[0]].map((id) => byId.get(id)?.name ?? `#${id}`).join(' → ')).join('；');
  const last = undo[undo.length - 1];
  const sheetContact = sheet === null ? null : (byId.get(sheet) ?? null);

  return (
    <MapContext.Provider value={actions}>
      <div className="rm-root" data-testid="relationship-map">
        {coverage && <CoverageStrip coverage={coverage} contacts={byId} flag={flag} onFlag={setFlag} />}
        <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '8px 0' }}>
          <Flex gap={8} wrap align="center">
            {editable && (
              <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="map-add">
                {t('list.add')}
              </Button>
            )}
            {editable && (
              <Tooltip title={last ? t('map.undoTitle', { name: last.name }) : undefined}>
                <Button icon={<UndoOutlined />} disabled={!last || setReporting.isPending} onClick={undoLast} data-testid="map-undo">
                  {t('map.undo')}
                </Button>
              </Tooltip>
            )}
            <Button icon={<FileImageOutlined />} onClick={() => void exportPng()} disabled={exporting} data-testid="map-export">
              {t('map.exportPng')}
            </Button>
            {!phone && (
              <Button icon={<PrinterOutlined />} onClick={() => void print()} disabled={exporting} data-testid="map-print">
                {t('map.print')}
              </Button>
            )}
            {leftCount > 0 && (
              <Checkbox checked={showLeft} onChange={(e) => setShowLeft(e.target.checked)} data-testid="map-show-left">
                {t('list.showLeft')} ({leftCount})
              </Checkbox>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {!editable ? t('map.hintReadOnly') : phone ? t('map.hintPhone') : t('map.hintDrag')}
          </Typography.Text>
        </Flex>
        {failure && <Alert type="error" showIcon closable onClose={() => setFailure(null)} title={failure} style={{ marginBottom: 8 }} data-testid="map-error" />}
        {chart.loops.length > 0 && <Alert type="warning" showIcon title={t('map.loopWarning', { chain: loopText })} style={{ marginBottom: 8 }} data-testid="map-loop-warning" />}
        {chart.positions.size === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.allLeft')} />
        ) : (
          <div className={`rm-canvas ${exporting ? 'rm-exporting' : 'rm-animate'}`} ref={canvas}>
            <ReactFlow<MapNode, OrgLineType>
              nodes={nodesShown}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onNodeDrag={onNodeDrag}
              onNodeDragStop={onNodeDragStop}
              onNodeClick={(_e, n) => {
                if (n.type !== 'person') return;
                if (phone) setSheet(n.data.contact.id);
                else setEditing(n.data.contact.id);
              }}
              onConnect={onConnect}
              onEdgesDelete={onEdgesDelete}
              nodesDraggable={draggable && !setReporting.isPending}
              nodesConnectable={draggable && !setReporting.isPending}
              elementsSelectable
              deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}
              multiSelectionKeyCode={null}
              selectionKeyCode={null}
              minZoom={0.15}
              maxZoom={2}
              fitView
              fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
              zoomOnDoubleClick={false}
              ariaLabelConfig={ariaLabels}
            >
              <Background gap={24} color="#e8e8e8" />
              <Controls showInteractive={false} position="bottom-right" />
            </ReactFlow>
          </div>
        )}
        <div style={{ marginTop: 8 }}>
          <MapLegend loops={chart.loops.length > 0} flags={highlighted !== null} />
        </div>
      </div>
      <ReportingSheet contact={sheetContact} contacts={contacts} editable={editable} busy={setReporting.isPending} onChange={change} onOpen={(c) => setEditing(c.id)} onRelationship={setRelationship} onClose={() => setSheet(null)} />
      <ContactFormDrawer accountId={accountId} contactId={editing} contacts={contacts} onClose={() => setEditing(null)} />
      <RelationshipModal contact={relationship} onClose={() => setRelationship(null)} />
      {printImage &&
        createPortal(
          <div className="rm-print-root" data-testid="map-print-root">
            <img src={printImage} alt={t('map.caption', { account: accountName })} onLoad={() => window.print()} />
          </div>,
          document.body,
        )}
    </MapContext.Provider>
  );
}

/** Score and raised flags; picking a flag rings the people it is about on the map. */
function CoverageStrip({ coverage, contacts, flag, onFlag }: { coverage: AccountCoverage; contacts: Map<number, ContactListItem>; flag: CoverageFlagCode | null; onFlag: (f: CoverageFlagCode | null) => void }) {
  const { t } = useTranslation('contacts');
  return (
    <Flex gap={8} wrap align="center" data-testid="map-coverage">
      <Tag color={coverageColor(coverage.score)} style={{ marginInlineEnd: 0 }} data-testid="map-coverage-score">
        {t('map.score', { score: coverage.score })}
      </Tag>
      {coverage.flags.length === 0 ? (
        <Typography.Text type="secondary">{t('coverage.noFlags')}</Typography.Text>
      ) : (
        <>
          {coverage.flags.map((f) => {
            const names = f.contactIds.map((id) => contacts.get(id)?.name).filter(Boolean);
            return (
              <Tooltip key={f.code} title={names.length ? t('coverage.about', { names: names.join('、') }) : t('map.flagNobody')}>
                {names.length ? (
                  <Tag.CheckableTag checked={flag === f.code} onChange={(on) => onFlag(on ? f.code : null)} data-testid={`map-flag-${f.code}`}>
                    {t(`coverage.flags.${f.code}`)} · {names.length}
                  </Tag.CheckableTag>
                ) : (
                  // a gap nobody on the map stands for (no decision maker known): nothing to point at
                  <Tag color="warning" style={{ marginInlineEnd: 0 }} data-testid={`map-flag-${f.code}`}>
                    {t(`coverage.flags.${f.code}`)}
                  </Tag>
                )}
              </Tooltip>
            );
          })}
          {coverage.flags.some((f) => f.contactIds.some((id) => contacts.has(id))) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('map.flagsHint')}
            </Typography.Text>
          )}
        </>
      )}
    </Flex>
  );
}
