import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonalityType } from '../../../../shared/contracts/contacts';

/** Seed 004's traits and approach advice (如何搞定) for a personality type. */
export function PersonalityAdvice({ type }: { type: PersonalityType | null | undefined }) {
  const { t } = useTranslation('contacts');
  if (!type) return null;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      data-testid="contact-personality-advice"
      title={t('adviceTitle', { type: t(`personalityTypes.${type}`) })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t(`personalityTraits.${type}`)}</Typography.Paragraph>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {t(`personalityAdvice.${type}`)}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('advicePrinciple')}</Typography.Text>
        </>
      }
    />
  );
}
