import { toSimplified } from '../lib/script-convert.ts';

/** What the page says about where it comes from. */
export interface SourceInfo {
  url?: string;
  /** The organisation behind the site (主办单位, 版权所有). */
  publisher?: string;
  /** The site's own name, when it is a newspaper report (本报讯) without a name, say so. */
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
