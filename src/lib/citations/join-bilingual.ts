import type { Bilingual } from '../../schema/common.ts';

/** A name in Chinese with its English form after it: `盛俊泰 (Sheng Juntai)`, or the Chinese alone. */
export function joinBilingual(text: Bilingual): string {
  return text.en.trim() === '' || text.en === text.zh ? text.zh : `${text.zh} (${text.en})`;
}
