import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import './ContactTags.css';
import { RELATIONSHIP_STAGES, type KeyRole, type RelationshipStage } from '../../../../shared/contracts/contacts';

/**
 * Support −2..+2 on a diverging red–blue scale (ColorBrewer RdBu, readable with the common
 * colour-vision deficiencies, unlike red–green), each step also marked by a sign so colour is
 * never the only cue: fill, text on the fill, and the sign.
 */
export const SUPPORT_SCALE: Record<number, { fill: string; text: string; sign: string }> = {
  [-2]: { fill: '#b2182b', text: '#ffffff', sign: '−−' },
  [-1]: { fill: '#f4a582', text: '#5c1a0a', sign: '−' },
  0: { fill: '#e0e0e0', text: '#333333', sign: '○' },
  1: { fill: '#92c5de', text: '#0b3a56', sign: '+' },
  2: { fill: '#2166ac', text: '#ffffff', sign: '++' },
};
export const SUPPORT_LEVELS = [-2, -1, 0, 1, 2] as const;

export function SupportTag({ support }: { support: number }) {
  const { t } = useTranslation('contacts');
  const s = SUPPORT_SCALE[support] ?? SUPPORT_SCALE[0];
  return (
    // The sign is drawn by CSS, so the tag's text stays the plain word (what lists, selects and readers show).
    <Tag className="tm-support" data-sign={s.sign} style={{ marginInlineEnd: 0, background: s.fill, color: s.text, borderColor: s.fill }} data-testid="contact-support">
      {t(`supports.${support}`)}
    </Tag>
  );
}

/** The four stages 认识 → 兴趣 → 信赖 → 同盟 as filled segments, with the current one named. */
export function StageSteps({ stage }: { stage: RelationshipStage }) {
  const { t } = useTranslation('contacts');
  const at = RELATIONSHIP_STAGES.indexOf(stage);
  return (
    <Tooltip title={RELATIONSHIP_STAGES.map((s) => t(`stages.${s}`)).join(' → ')}>
      <Flex align="center" gap={6} style={{ whiteSpace: 'nowrap' }} data-testid="contact-stage">
        <Flex gap={2}>
          {RELATIONSHIP_STAGES.map((s, i) => (
            <span key={s} style={{ width: 12, height: 6, borderRadius: 2, background: i <= at ? '#1677ff' : '#e5e5e5', display: 'inline-block' }} />
          ))}
        </Flex>
        <span>{t(`stages.${stage}`)}</span>
      </Flex>
    </Tooltip>
  );
}

const KEY_ROLE_COLORS: Record<KeyRole, string> = { decider: 'red', key_person: 'orange', insider: 'blue', guide: 'cyan' };

export function KeyRoleTags({ roles }: { roles: KeyRole[] }) {
  const { t } = useTranslation('contacts');
  if (roles.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {roles.map((r) => (
        <Tag key={r} color={KEY_ROLE_COLORS[r]} style={{ marginInlineEnd: 0 }}>
          {t(`keyRoles.${r}`)}
        </Tag>
      ))}
    </Flex>
  );
}

/** A 1–5 rating as filled dots, e.g. closeness. */
export function Dots({ value }: { value: number | null }) {
  if (value === null) return <span>—</span>;
  return (
    <span style={{ whiteSpace: 'nowrap', letterSpacing: 1, color: '#1677ff' }} aria-label={String(value)}>
      {'●'.repeat(value)}
      <span style={{ color: '#d9d9d9' }}>{'●'.repeat(Math.max(0, 5 - value))}</span>
    </span>
  );
}
