import { CloseOutlined, FlagFilled, MoreOutlined, UserOutlined } from '@ant-design/icons';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, getStraightPath, Handle, Position, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import { Button, Dropdown, Tag, Tooltip } from 'antd';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactListItem } from '../../../../shared/contracts/contacts';
import type { OrgEdgeKind } from '../orgChart';
import { KeyRoleTags, StageSteps, SUPPORT_LEVELS, SUPPORT_SCALE } from './ContactTags';

export const NODE_W = 236;
export const NODE_H = 128;

/** What the drawn parts need from the map around them; a context, so a highlight does not rebuild the nodes. */
export interface MapActions {
  editable: boolean;
  phone: boolean;
  /** a selected coverage flag: the contacts it is about (others are dimmed) */
  highlighted: ReadonlySet<number> | null;
  /** the person a dragged card would land on */
  dropOn: number | null;
  busy: boolean;
  /** an image of the chart is being taken: no hints or controls in it */
  exporting: boolean;
  open: (c: ContactListItem) => void;
  relationship: (c: ContactListItem) => void;
  reporting: (c: ContactListItem) => void;
  setLinks: (c: ContactListItem, links: { reportsToId?: number | null; assistantOfId?: number | null }) => void;
  removeLine: (edge: { kind: OrgEdgeKind; target: number }) => void;
}
export const MapContext = createContext<MapActions | null>(null);
const useMap = () => {
  const ctx = useContext(MapContext);
  if (!ctx) throw new Error('RelationshipMap parts need the MapContext');
  return ctx;
};

export type PersonNodeType = Node<{ contact: ContactListItem }, 'person'>;
export type LooseNodeType = Node<Record<string, never>, 'loose'>;
export type CaptionNodeType = Node<{ title: string; date: string }, 'caption'>;
export type OrgLineType = Edge<{ kind: OrgEdgeKind; inLoop: boolean; target: number }, 'orgLine'>;

const hidden = { opacity: 0, pointerEvents: 'none' } as const;

/**
 * Line looks as inline styles rather than CSS classes: the image export copies inline styles of
 * SVG elements reliably, class rules not. Solid grey for reporting, dashed violet for assistants,
 * dotted red for a loop in the stored data.
 */
export const LINE_STYLES = {
  reports: { stroke: '#8c8c8c', strokeWidth: 1.5 },
  assists: { stroke: '#722ed1', strokeWidth: 1.5, strokeDasharray: '6 4' },
  loop: { stroke: '#cf1322', strokeWidth: 2, strokeDasharray: '2 3' },
  selected: { stroke: '#1677ff', strokeWidth: 3 },
} as const;

function LineSample({ kind }: { kind: keyof typeof LINE_STYLES }) {
  return (
    <svg width="28" height="8" aria-hidden>
      <line x1="0" y1="4" x2="28" y2="4" style={LINE_STYLES[kind]} />
    </svg>
  );
}

/** One person: support as the card's colour bar and a signed chip, roles, stage, layer and our owner. */
export function PersonNode({ data: { contact: c } }: NodeProps<PersonNodeType>) {
  const { t } = useTranslation('contacts');
  const map = useMap();
  const scale = SUPPORT_SCALE[c.support] ?? SUPPORT_SCALE[0];
  const left = c.status === 'left';
  const flagged = map.highlighted?.has(c.id) ?? false;
  const classes = ['rm-person', left && 'rm-left', flagged && 'rm-flagged', map.highlighted && !flagged && 'rm-dimmed', map.dropOn === c.id && 'rm-drop'].filter(Boolean).join(' ');
  const handles = map.editable && !map.phone;
  return (
    <div className={classes} style={{ width: NODE_W, height: NODE_H, borderLeftColor: scale.fill }} data-testid={`map-node-${c.id}`} data-support={c.support}>
      <Handle type="target" position={Position.Top} id="up" isConnectable={handles} style={handles ? undefined : hidden} />
      <Handle type="source" position={Position.Right} id="side-out" isConnectable={false} style={hidden} />
      <Handle type="target" position={Position.Left} id="side-in" isConnectable={false} style={hidden} />
      <div className="rm-row">
        <span className="rm-name" title={c.name}>
          {flagged && <FlagFilled className="rm-flag-mark" />}
          {c.name}
        </span>
        <Tooltip title={`${t('fields.support')}：${t(`supports.${c.support}`)}`}>
          <span className="rm-support" style={{ background: scale.fill, color: scale.text }} data-testid="map-node-support">
            {scale.sign} {t(`supports.${c.support}`)}
          </span>
        </Tooltip>
        {map.editable && <NodeMenu contact={c} />}
      </div>
      <div className="rm-title" title={[c.title, c.department].filter(Boolean).join(' · ')}>
        {[c.title, c.department].filter(Boolean).join(' · ') || '—'}
      </div>
      <div className="rm-badges">
        {c.buyingRole && (
          <Tag style={{ marginInlineEnd: 0 }} data-testid="map-node-buying-role">
            {t(`buyingRoles.${c.buyingRole}`)}
          </Tag>
        )}
        <KeyRoleTags roles={c.keyRoles} />
      </div>
      <div className="rm-row rm-small">
        <StageSteps stage={c.stage} />
        {c.layer && (
          <span className="rm-layer" title={t(`layers.${c.layer}`)}>
            {t(`layers.${c.layer}`)}
          </span>
        )}
      </div>
      <div className="rm-small rm-owner">
        {left ? (
          <span data-testid="map-node-left">{c.leftAt ? t('map.leftOn', { date: c.leftAt }) : t('list.left')}</span>
        ) : (
          <span>
            <UserOutlined /> {c.ownerName ? t('map.ownerIs', { name: c.ownerName }) : t('map.noOwner')}
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Bottom} id="down" isConnectable={handles} style={handles ? undefined : hidden} />
    </div>
  );
}

function NodeMenu({ contact: c }: { contact: ContactListItem }) {
  const { t } = useTranslation('contacts');
  const map = useMap();
  const item = (key: string, label: string, onClick: () => void, disabled = false) => ({ key, label, disabled, onClick, 'data-testid': `map-menu-${key}` }) as never;
  // The menu renders in a portal, but React bubbles its clicks up to the card, which would open the drawer as well.
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            item('open', t('map.menu.open'), () => map.open(c)),
            item('relationship', t('map.menu.relationship'), () => map.relationship(c)),
            item('reporting', t('map.menu.reporting'), () => map.reporting(c)),
            ...(c.reportsToId !== null ? [item('no-manager', t('map.menu.noManager'), () => map.setLinks(c, { reportsToId: null }), map.busy)] : []),
            ...(c.assistantOfId !== null ? [item('not-assistant', t('map.menu.notAssistant'), () => map.setLinks(c, { assistantOfId: null }), map.busy)] : []),
          ],
        }}
      >
        <Button
          size="small"
          type="text"
          className="nodrag nopan rm-no-export"
          icon={<MoreOutlined />}
          aria-label={t('map.menu.actions')}
          data-testid={`map-node-menu-${c.id}`}
        />
      </Dropdown>
    </span>
  );
}

/** The frame around the people linked to nobody yet, with how to change that for those who can. */
export function LooseNode() {
  const { t } = useTranslation('contacts');
  const map = useMap();
  const label = map.editable && !map.phone && !map.exporting ? t('map.loose') : t('map.looseReadOnly');
  return (
    <div className="rm-loose" title={label} data-testid="map-loose">
      <span>{label}</span>
    </div>
  );
}

/** Title and key drawn into an exported or printed image, so the picture says whose it is and how to read it. */
export function CaptionNode({ data }: NodeProps<CaptionNodeType>) {
  return (
    <div className="rm-caption">
      <div className="rm-caption-title">{data.title}</div>
      <div className="rm-caption-date">{data.date}</div>
      <MapLegend />
    </div>
  );
}

/** Support colours with their signs and words, and the two kinds of line. */
export function MapLegend({ loops = false, flags = false }: { loops?: boolean; flags?: boolean }) {
  const { t } = useTranslation('contacts');
  return (
    <div className="rm-legend" data-testid="map-legend">
      <span className="rm-legend-label">{t('map.legend.support')}</span>
      {SUPPORT_LEVELS.map((s) => (
        <span key={s} className="rm-support" style={{ background: SUPPORT_SCALE[s].fill, color: SUPPORT_SCALE[s].text }}>
          {SUPPORT_SCALE[s].sign} {t(`supports.${s}`)}
        </span>
      ))}
      <span className="rm-legend-item">
        <LineSample kind="reports" />
        {t('map.legend.reports')}
      </span>
      <span className="rm-legend-item">
        <LineSample kind="assists" />
        {t('map.legend.assists')}
      </span>
      {loops && (
        <span className="rm-legend-item">
          <LineSample kind="loop" />
          {t('map.legend.loop')}
        </span>
      )}
      {flags && (
        <span className="rm-legend-item">
          <FlagFilled className="rm-flag-mark" /> {t('map.legend.flagged')}
        </span>
      )}
    </div>
  );
}

/**
 * A reporting line (orthogonal, top-down) or an assistant's dashed line (straight, sideways).
 * Selected, it offers a remove button in its middle for those who may edit.
 */
export function OrgLine({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<OrgLineType>) {
  const { t } = useTranslation('contacts');
  const map = useMap();
  const assists = data?.kind === 'assists';
  const [path, labelX, labelY] = assists
    ? getStraightPath({ sourceX, sourceY, targetX, targetY })
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const style = selected ? LINE_STYLES.selected : data?.inLoop ? LINE_STYLES.loop : assists ? LINE_STYLES.assists : LINE_STYLES.reports;
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} interactionWidth={22} />
      {selected && map.editable && data && (
        <EdgeLabelRenderer>
          <div className="nodrag nopan rm-no-export rm-line-remove" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            <Tooltip title={t('map.removeLine')}>
              <Button
                size="small"
                shape="circle"
                danger
                icon={<CloseOutlined />}
                aria-label={t('map.removeLine')}
                disabled={map.busy}
                onClick={() => map.removeLine({ kind: data.kind, target: data.target })}
                data-testid={`map-edge-remove-${id}`}
              />
            </Tooltip>
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
