import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** Header variant: a globe button with a menu; `compact` hides the current language's name. */
export function LanguageMenu({ compact }: { compact?: boolean }) {
  const { t, i18n } = useTranslation('common');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectedKeys: [i18n.language],
        items: LANGUAGES.map((lng) => ({ key: lng, label: <span data-testid={`lang-${lng}`}>{t(`language.${lng}`)}</span> })),
        onClick: ({ key }) => setLanguage(key as Language),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('header.language')} data-testid="lang-switch">
        {!compact && t(`language.${i18n.language as Language}`)}
      </Button>
    </Dropdown>
  );
}

/** Login-page variant: both languages visible. */
export function LanguageSegmented() {
  const { t, i18n } = useTranslation('common');
  return (
    <Segmented
      size="small"
      value={i18n.language}
      onChange={(v) => setLanguage(v as Language)}
      options={LANGUAGES.map((lng) => ({ value: lng, label: <span data-testid={`lang-${lng}`}>{t(`language.${lng}`)}</span> }))}
    />
  );
}
