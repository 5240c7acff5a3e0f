import type { Lang } from '../i18n/index.ts';
import type { Bilingual } from '../schema/common.ts';

/** The text of a bilingual field in the page's language, falling back to Chinese when English is empty. */
export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'en' && text.en.trim() !== '' ? text.en : text.zh;
}

/** The `lang` attribute of what `pick` returned, so mixed-language pages are marked correctly. */
export function pickLang(text: Bilingual, lang: Lang, script: 'zh-Hans' | 'zh-Hant' = 'zh-Hans'): string {
  return lang === 'en' && text.en.trim() !== '' ? 'en' : script;
}
