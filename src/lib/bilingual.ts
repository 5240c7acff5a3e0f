import type { Lang } from './lang.ts';
import type { Bilingual, Region } from '../schema/common.ts';

/** The text of a bilingual field in the page's language, falling back to Chinese when English is empty. */
export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'en' && text.en.trim() !== '' ? text.en : text.zh;
}

/** The `lang` attribute of what `pick` returned, so mixed-language pages are marked correctly. */
export function pickLang(text: Bilingual, lang: Lang, script: 'zh-Hans' | 'zh-Hant' = 'zh-Hans'): string {
  return lang === 'en' && text.en.trim() !== '' ? 'en' : script;
}

/** A place as readers write it: 山东省济南市 in Chinese, "Shandong, Jinan" in English. */
export function formatRegion(region: Region, lang: Lang): string {
  const parts = [region.province, region.city, region.district].filter((part) => part !== undefined);
  return parts.map((part) => pick(part, lang)).join(lang === 'zh' ? '' : ', ');
}
