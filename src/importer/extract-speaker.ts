import { pinyin } from 'pinyin-pro';
import { listScriptForms } from '../lib/script-convert.ts';
import { isNameLine } from './extract-title.ts';

/** A known person: the id and every form of the name. */
export interface PersonEntry {
  id: string;
  names: string[];
}

/** Who spoke: a known person's id, or only the name as the text gives it. */
export interface SpeakerInfo {
  id?: string;
  name?: string;
  /** The name in pinyin, family name first (盛俊泰 → Sheng Juntai). */
  nameEn?: string;
  warnings: string[];
}

/** 盛俊泰 → "Sheng Juntai": family name first, given name as one word. */
export function romaniseName(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const family = name.length === 4 ? 2 : 1;
  return [cap(syllables.slice(0, family).join('')), cap(syllables.slice(family).join(''))].filter(Boolean).join(' ');
}

/**
 * Finds the speaker: a name standing alone in the text's header (under the title), or the name
 * a title starts with (`张三在…上的讲话`, `张三同志在…`). A known person (either script) gives
 * the person id; an unknown name is returned with a warning, never invented as a person.
 */
export function extractSpeaker(header: readonly string[], titles: readonly string[], people: readonly PersonEntry[]): SpeakerInfo {
  const candidates: string[] = [];
  for (const line of header) if (isNameLine(line)) candidates.push(line.replace(/\s/g, ''));
  for (const title of titles) {
    const m = /^(\p{Script=Han}{2,4}?)(?:同志)?(?:在|於|于)/u.exec(title);
    if (m && !/^(?:在|关于|關於|全市|全省|全县|集团|公司)/.test(m[1]!)) candidates.push(m[1]!);
  }
  const name = candidates[0];
  if (!name) return { warnings: [] };
  const person = people.find((p) => p.names.some((n) => listScriptForms(n).includes(name)));
  if (person) return { id: person.id, name, warnings: [] };
  return {
    name,
    nameEn: romaniseName(name),
    warnings: [`the speaker ${name} is not in content/people: add a person file (then set speaker), or keep speaker_role`],
  };
}
