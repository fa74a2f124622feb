import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** 已更正: today's figure differs from the one kept when the period closed; pointing at it says so, and the snapshot when given. */
export function CorrectedTag({ snapshot, testId }: { snapshot?: string; testId?: string }) {
  const { t } = useTranslation('kpis');
  const help = (
    <>
      {t('corrected.help')}
      {snapshot && <div>{t('corrected.snapshot', { value: snapshot })}</div>}
    </>
  );
  return (
    <Tooltip title={help}>
      <Tag color="warning" style={{ marginInlineStart: 6, marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 }} data-testid={testId ?? 'kpis-corrected'}>
        {t('corrected.tag')}
      </Tag>
    </Tooltip>
  );
}
