import { simplifyCharacters, toSimplified } from '../script-convert.ts';

/**
 * A Chinese text in the one script counts are made in: simplified, traditional originals through
 * OpenCC's phrase-aware conversion, then every text through the character map that readers'
 * phrases go through too (`simplifyCharacters`), as the search index does. Build time only:
 * OpenCC's dictionaries are not for the browser.
 */
export function foldChineseText(text: string, traditional: boolean): string {
  return simplifyCharacters(traditional ? toSimplified(text) : text);
}
