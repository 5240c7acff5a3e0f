import type { Bilingual } from '../schema/index.ts';
import { toSimplified } from '../lib/script-convert.ts';
import { linkEntities, type EntityIndex } from './link.ts';

/** What the page says about where it comes from. */
export interface SourceInfo {
  url?: string;
  /** The organisation behind the site (主办单位, 版权所有). */
  publisher?: string;
  /** A website (it names its address or owner), a newspaper (本报讯, unnamed), or unknown. */
  kind: 'website' | 'newspaper' | 'unknown';
}

/**
 * Reads the page's chrome (the lines above and below the text) for the source: a URL or a bare
 * `www.` host, and the publisher named by 主办单位/主辦單位/版权所有. A text opening with 本报讯
 * comes from a newspaper.
 */
export function extractSource(pageLines: readonly string[], firstParagraph: string): SourceInfo {
  let url: string | undefined;
  let publisher: string | undefined;
  for (const line of pageLines) {
    const full = /https?:\/\/[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:\/[^\s"'<>，。）)]*)?/.exec(line);
    const bare = /(?<![\w.])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/.exec(line);
    url ??= full ? full[0] : bare ? `http://${bare[0].toLowerCase()}/` : undefined;
    const owner =
      /(?:主办单位|主办|版权所有|主辦單位|主辦|版權所有)\s*[:：]?\s*([\p{Script=Han}（）()]{4,40}?)(?=\s|地址|地 址|电话|電話|联系|聯繫|$|[,，;；|])/u.exec(
        line,
      );
    publisher ??= owner?.[1];
  }
  const newspaper = /^(?:本报讯|本報訊)/.test(toSimplified(firstParagraph).slice(0, 6));
  return {
    ...(url ? { url } : {}),
    ...(publisher ? { publisher } : {}),
    kind: url || publisher ? 'website' : newspaper ? 'newspaper' : 'unknown',
  };
}

/**
 * The `source.site` and `source.publisher` of a draft: the publisher's site (in English when the
 * publisher is a known enterprise), else the host, else what kind of unnamed source it is.
 */
export function nameSource(source: SourceInfo, index: EntityIndex): { site: Bilingual; publisher?: Bilingual } {
  const known = source.publisher
    ? linkEntities(source.publisher, index).mentions.find((m) => m.collection === 'enterprises')
    : undefined;
  const publisherEn = known ? (index.enterprises.get(known.id)?.name.en ?? '') : '';
  if (source.publisher !== undefined) {
    return {
      site: { zh: `${source.publisher}网站`, en: publisherEn ? `Website of ${publisherEn}` : '' },
      publisher: { zh: source.publisher, en: publisherEn },
    };
  }
  if (source.url !== undefined) return { site: { zh: new URL(source.url).host, en: new URL(source.url).host } };
  if (source.kind === 'newspaper') {
    return {
      site: { zh: '未署名的报纸（报道以“本报讯”开头）', en: 'An unnamed newspaper (the report opens with 本报讯)' },
    };
  }
  return { site: { zh: '未注明的网站', en: 'An unnamed website' } };
}
