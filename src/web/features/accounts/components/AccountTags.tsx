import { CrownOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountCategory, AccountGrade, AccountTier, LifecycleStage } from '../../../../shared/contracts/accounts';

const TIER_COLOR: Record<AccountTier, string> = { heavy: 'magenta', large: 'geekblue', smb: 'default' };
const CATEGORY_COLOR: Record<AccountCategory, string> = { premium: 'gold', high_value: 'volcano', group: 'purple', strategic: 'cyan' };
const GRADE_COLOR: Record<AccountGrade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'default' };
export const LIFECYCLE_COLOR: Record<LifecycleStage, string> = {
  prospect: 'default',
  developing: 'processing',
  active: 'success',
  maintaining: 'green',
  at_risk: 'warning',
  lost: 'error',
  recovered: 'purple',
};

export function TierTag({ tier, vip }: { tier: AccountTier; vip?: boolean }) {
  const { t } = useTranslation('accounts');
  return (
    <Tag color={TIER_COLOR[tier]} icon={vip ? <CrownOutlined /> : undefined} style={{ marginInlineEnd: 0 }} data-testid="account-tier-tag">
      {t(`tiers.${tier}`)}
    </Tag>
  );
}

export function GradeTag({ grade }: { grade: AccountGrade | null }) {
  const { t } = useTranslation('accounts');
  if (!grade) return null;
  return (
    <Tag color={GRADE_COLOR[grade]} style={{ marginInlineEnd: 0 }} data-testid="account-grade-tag">
      {t('gradeTag', { grade })}
    </Tag>
  );
}

export function LifecycleTag({ stage }: { stage: LifecycleStage }) {
  const { t } = useTranslation('accounts');
  return (
    <Tag color={LIFECYCLE_COLOR[stage]} style={{ marginInlineEnd: 0 }} data-testid="account-lifecycle-tag">
      {t(`lifecycles.${stage}`)}
    </Tag>
  );
}

export function CategoryTags({ categories }: { categories: AccountCategory[] }) {
  const { t } = useTranslation('accounts');
  return (
    <>
      {categories.map((c) => (
        <Tag key={c} color={CATEGORY_COLOR[c]} style={{ marginInlineEnd: 0 }}>
          {t(`categories.${c}`)}
        </Tag>
      ))}
    </>
  );
}

/** Tier (with the VIP crown) and the value categories, as in the list and the 360 header. */
export function ClassTags({ tier, vip, categories }: { tier: AccountTier; vip: boolean; categories: AccountCategory[] }) {
  return (
    <Space size={4} wrap>
      <TierTag tier={tier} vip={vip} />
      <CategoryTags categories={categories} />
    </Space>
  );
}
