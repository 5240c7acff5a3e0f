import { en, type UiKey } from './en.ts';
import { zh } from './zh.ts';

import type { Lang } from '../lib/lang.ts';

export { isLang, LANGUAGES, type Lang } from '../lib/lang.ts';

const dictionaries: Record<Lang, Record<UiKey, string>> = { en, zh };

/** The `lang` attribute for a UI language: Chinese UI text is simplified. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

/** Returns the translator for one language: `t('home.counts', { documents: 5 })`. */
export function useTranslations(lang: Lang) {
  const dictionary = dictionaries[lang];
  return (key: UiKey, params: Record<string, string | number> = {}): string =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type { UiKey };

const pluralRules: Record<Lang, Intl.PluralRules> = {
  en: new Intl.PluralRules('en'),
  zh: new Intl.PluralRules('zh'),
};

/** A count with the right plural form: `plural('en', 'count.documents', 1)` → "1 document". */
export function plural(lang: Lang, base: 'count.documents' | 'count.shared', count: number): string {
  const form = pluralRules[lang].select(count) === 'one' ? 'one' : 'other';
  return useTranslations(lang)(`${base}.${form}`, { count: count.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') });
}
