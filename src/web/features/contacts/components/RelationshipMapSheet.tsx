import { EditOutlined, HeartOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Flex, Grid, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContactListItem } from '../../../../shared/contracts/contacts';
import { descendantsOf } from '../orgChart';
import { StageSteps, SupportTag } from './ContactTags';

interface Props {
  contact: ContactListItem | null;
  contacts: ContactListItem[];
  editable: boolean;
  busy: boolean;
  onChange: (c: ContactListItem, links: { reportsToId?: number | null; assistantOfId?: number | null }) => void;
  onOpen: (c: ContactListItem) => void;
  onRelationship: (c: ContactListItem) => void;
  onClose: () => void;
}

/**
 * A person's manager and assistant role as two pickers — the map's way of editing where dragging
 * is not available (a phone) or not wanted. Each pick is saved at once, like a drop on the map.
 */
export function ReportingSheet({ contact: c, contacts, editable, busy, onChange, onOpen, onRelationship, onClose }: Props) {
  const { t } = useTranslation('contacts');
  const phone = Grid.useBreakpoint().md === false;
  const label = (p: ContactListItem) => (p.title ? `${p.name}（${p.title}）` : p.name);
  const name = (id: number | null) => {
    const p = id === null ? undefined : contacts.find((x) => x.id === id);
    return p ? label(p) : '—';
  };
  // Offering someone's own staff as their manager would only earn a loop error.
  const below = c ? descendantsOf(c.id, contacts) : new Set<number>();
  const pickable = (current: number | null, excluded: ReadonlySet<number>) =>
    contacts.filter((p) => p.id !== c?.id && (p.id === current || (p.status === 'active' && !excluded.has(p.id)))).map((p) => ({ value: p.id, label: label(p) }));
  const picker = (field: 'reportsToId' | 'assistantOfId', title: string, none: string, excluded: ReadonlySet<number>, note: string | null) =>
    c && (
      <div>
        <Typography.Text strong>{title}</Typography.Text>
        <Select
          style={{ width: '100%', marginTop: 6 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={none}
          value={c[field] ?? undefined}
          options={pickable(c[field], excluded)}
          loading={busy}
          disabled={busy}
          onChange={(v: number | undefined) => onChange(c, { [field]: v ?? null })}
          data-testid={field === 'reportsToId' ? 'map-sheet-reports-to' : 'map-sheet-assistant-of'}
        />
        {note && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {note}
          </Typography.Text>
        )}
      </div>
    );
  return (
    <Drawer
      open={c !== null}
      onClose={onClose}
      placement={phone ? 'bottom' : 'right'}
      size={phone ? 'auto' : 400}
      title={c ? t('map.sheet.title', { name: c.name }) : undefined}
      data-testid="map-sheet"
    >
      {c && (
        <Flex vertical gap={16}>
          <Flex vertical gap={6}>
            <Typography.Text type="secondary">{[c.title, c.department].filter(Boolean).join(' · ') || '—'}</Typography.Text>
            <Flex gap={8} wrap align="center">
              <SupportTag support={c.support} />
              <StageSteps stage={c.stage} />
            </Flex>
          </Flex>
          {editable ? (
            <>
              {picker('reportsToId', t('map.sheet.reportsTo'), t('map.sheet.noManager'), below, below.size > 0 ? t('map.sheet.loopExcluded') : null)}
              {picker('assistantOfId', t('map.sheet.assistantOf'), t('map.sheet.notAssistant'), new Set(), null)}
            </>
          ) : (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'reportsTo', label: t('map.sheet.reportsTo'), children: name(c.reportsToId) },
                { key: 'assistantOf', label: t('map.sheet.assistantOf'), children: name(c.assistantOfId) },
              ]}
            />
          )}
          <Flex gap={8} wrap>
            <Button icon={<EditOutlined />} onClick={() => onOpen(c)} data-testid="map-sheet-open">
              {t('map.menu.open')}
            </Button>
            {editable && (
              <Button icon={<HeartOutlined />} onClick={() => onRelationship(c)} data-testid="map-sheet-relationship">
                {t('map.menu.relationship')}
              </Button>
            )}
          </Flex>
        </Flex>
      )}
    </Drawer>
  );
}
