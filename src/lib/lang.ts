// The site's languages: every page exists once under each. The UI dictionaries (src/i18n/) are
// keyed by these; the pure core needs only the names.
import type { Document, DocumentType } from '../schema/index.ts';

/** The languages of the site. */
export const LANGUAGES = ['zh', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** True when `value` is one of the site's languages. */
export function isLang(value: unknown): value is Lang {
  return LANGUAGES.includes(value as Lang);
}

/**
 * The few words of the UI dictionary the core puts into data (search filters, feeds): a
 * document type's name, a script's, the site's title. Pages pass their translator
 * (`useTranslations(lang)` from src/i18n), so the core knows no dictionary.
 */
export type CoreLabels = (key: `type.${DocumentType}` | `script.${Document['script']}` | 'site.title') => string;
