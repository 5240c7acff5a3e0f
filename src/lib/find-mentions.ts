import { listScriptForms } from './script-convert.ts';

/** One name an entity is known by, and the entity it points to. */
export interface AliasEntry {
  /** The form as it may appear in a text. */
  alias: string;
  /** Which collection the entity lives in. */
  collection: 'enterprises' | 'directives' | 'people';
  /** The entity id. */
  id: string;
}

/** A compiled matcher over every alias of every entity. */
export interface MentionMatcher {
  /** Each matchable form, in both scripts, to the entity it names. */
  byForm: Map<string, AliasEntry>;
  /** Forms by their first character, longest first: where a match can start. */
  byFirst: Map<string, string[]>;
}

/** A place in a text where an entity is named. */
export interface Mention extends AliasEntry {
  /** Offset of the first UTF-16 unit of the mention. */
  start: number;
  /** Offset just after the mention. */
  end: number;
  /** The text as it appears (which may be the other script than the alias). */
  text: string;
}

const isLatin = (text: string): boolean => /^[\x20-\x7e]+$/.test(text);
const isWordChar = (char: string | undefined): boolean => char !== undefined && /[A-Za-z0-9]/.test(char);

/**
 * Builds one matcher from every alias: each alias is expanded to both scripts, and the
 * longest form wins where forms overlap (金堆城钼业集团 beats 金堆城). Latin aliases only match
 * as whole words. When two entities claim the same form the first one keeps it.
 */
export function createMentionMatcher(entries: readonly AliasEntry[]): MentionMatcher {
  const byForm = new Map<string, AliasEntry>();
  for (const entry of entries) {
    const forms = isLatin(entry.alias) ? [entry.alias] : listScriptForms(entry.alias);
    for (const form of forms) if (form.length > 0 && !byForm.has(form)) byForm.set(form, entry);
  }
  const byFirst = new Map<string, string[]>();
  for (const form of byForm.keys()) {
    const first = form[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), form]);
  }
  for (const forms of byFirst.values()) forms.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { byForm, byFirst };
}

/**
 * Every non-overlapping mention of a known entity in `text`, left to right, the longest form
 * at each place. Scans the text once, trying only the forms that start with each character:
 * time grows with the text, not with the number of entities times the text.
 */
export function findMentions(text: string, matcher: MentionMatcher): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    const forms = matcher.byFirst.get(text[i]!);
    const form = forms?.find(
      (candidate) =>
        text.startsWith(candidate, i) &&
        (!isLatin(candidate) || (!isWordChar(text[i - 1]) && !isWordChar(text[i + candidate.length]))),
    );
    if (!form) {
      i += 1;
      continue;
    }
    mentions.push({ ...matcher.byForm.get(form)!, start: i, end: i + form.length, text: form });
    i += form.length;
  }
  return mentions;
}
