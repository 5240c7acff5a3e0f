import { pinyin } from 'pinyin-pro';
import { listScriptForms } from '../lib/script-convert.ts';
import { isNameLine } from './extract-title.ts';
import { OFFICE_AND_NAME } from './text-patterns.ts';

/** A known person: the id and every form of the name. */
export interface PersonEntry {
  id: string;
  names: string[];
}

/** Who spoke: a known person's id, or only the name as the text gives it. */
export interface SpeakerInfo {
  id?: string;
  name?: string;
  /** The office given with the name (市国资委主任 赵志刚), when the header gives one. */
  role?: string;
  /** The name in pinyin, family name first (盛俊泰 → Sheng Juntai). */
  nameEn?: string;
  warnings: string[];
}

const OFFICE_END = /(?:长|長|书记|書記|主任|经理|經理|主席|委|局|会|會|部|处|處|厂|廠|司|团|團|市|省|县|縣|区|區)$/;

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
export function extractSpeaker(
  header: readonly string[],
  titles: readonly string[],
  people: readonly PersonEntry[],
): SpeakerInfo {
  const candidates: string[] = [];
  let role: string | undefined;
  for (const line of header) {
    // 市长 张三 is an office and a name, not the four-character name 市长张三.
    const withOffice = OFFICE_AND_NAME.exec(line);
    if (withOffice) {
      candidates.push(withOffice[2]!.replace(/\s/g, ''));
      role ??= withOffice[1];
    } else if (isNameLine(line)) candidates.push(line.replace(/\s/g, ''));
  }
  for (const title of titles) {
    const m = /^(\p{Script=Han}{2,4}?)(?:同志)?(?:在|於|于)/u.exec(title);
    // 市长在…, 集团在…: an office or a body before 在 is not a name.
    if (m && !/^(?:在|关于|關於|全市|全省|全县|集团|公司)/.test(m[1]!) && !OFFICE_END.test(m[1]!))
      candidates.push(m[1]!);
  }
  const name = candidates[0];
  if (!name) return { warnings: [] };
  const person = people.find((p) => p.names.some((n) => listScriptForms(n).includes(name)));
  if (person) return { id: person.id, name, ...(role ? { role } : {}), warnings: [] };
  return {
    name,
    ...(role ? { role } : {}),
    nameEn: romaniseName(name),
    warnings: [
      `the speaker ${name} is not in content/people: add a person file (then set speaker), or keep speaker_role`,
    ],
  };
}
