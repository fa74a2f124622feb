import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every UI string lives in src/shared/locales/<language>/<namespace>.json.
const modules = import.meta.glob('../../shared/locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, content] of Object.entries(modules)) {
  const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) continue;
  (resources[m[1]] ??= {})[m[2]] = content;
}

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'tm.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: Object.keys(resources['zh-CN'] ?? { common: {} }),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lng: Language) {
  localStorage.setItem(STORAGE_KEY, lng);
  void i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export default i18n;
