import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Flex, Popover, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContactListItem, CoverageFlagCode } from '../../../../shared/contracts/contacts';
import { useAccountContacts, useAccountCoverage } from '../api';

export function coverageColor(score: number): string {
  if (score >= 80) return '#52c41a';
  if (score >= 50) return '#faad14';
  return '#ff4d4f';
}

/** The raised flags in words; given the account's contacts, each flag names the people it is about. */
export function CoverageFlags({ flags, contacts }: { flags: { code: CoverageFlagCode; contactIds: number[] }[]; contacts?: ContactListItem[] }) {
  const { t } = useTranslation('contacts');
  if (flags.length === 0) return <Typography.Text type="secondary">{t('coverage.noFlags')}</Typography.Text>;
  const names = (ids: number[]) =>
    ids
      .map((id) => contacts?.find((c) => c.id === id)?.name)
      .filter(Boolean)
      .join('、');
  return (
    <Flex gap={4} wrap>
      {flags.map((f) => {
        const who = names(f.contactIds);
        const tag = (
          <Tag key={f.code} color="warning" style={{ marginInlineEnd: 0 }} data-testid={`coverage-flag-${f.code}`}>
            {t(`coverage.flags.${f.code}`)}
          </Tag>
        );
        return who ? (
          <Tooltip key={f.code} title={t('coverage.about', { names: who })}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </Flex>
  );
}

/** The account's relationship coverage (REL-5) for the 360 header: score and the raised flags in words. */
export function CoverageBadge({ accountId }: { accountId: number }) {
  const { t } = useTranslation('contacts');
  const coverage = useAccountCoverage(accountId);
  const contacts = useAccountContacts(accountId);
  if (!coverage.data) return null;
  const { score, flags } = coverage.data;
  return (
    <Flex gap={12} align="center" style={{ minWidth: 220 }} data-testid="account-coverage">
      <Popover title={t('coverage.title')} content={<div style={{ maxWidth: 320 }}><CoverageFlags flags={flags} contacts={contacts.data?.items} /></div>} trigger={['hover', 'click']}>
        <Progress type="circle" size={60} percent={score} strokeColor={coverageColor(score)} format={(p) => <span data-testid="coverage-score">{p}</span>} />
      </Popover>
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Typography.Text type="secondary">
          <SafetyCertificateOutlined /> {t('coverage.title')}
        </Typography.Text>
        <CoverageFlags flags={flags} contacts={contacts.data?.items} />
      </Flex>
    </Flex>
  );
}
