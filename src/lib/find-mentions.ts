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
  /** One combined pattern, longest alias first. */
  pattern: RegExp | undefined;
  /** Each matchable form, in both scripts, to the entity it names. */
  byForm: Map<string, AliasEntry>;
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

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isLatin = (text: string): boolean => /^[\x20-\x7e]+$/.test(text);

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
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (forms.length === 0) return { pattern: undefined, byForm };
  const alternatives = forms.map((form) =>
    isLatin(form) ? `(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])` : escapeRegExp(form),
  );
  return { pattern: new RegExp(alternatives.join('|'), 'gu'), byForm };
}

/** Every non-overlapping mention of a known entity in `text`, left to right. */
export function findMentions(text: string, matcher: MentionMatcher): Mention[] {
  if (!matcher.pattern) return [];
  const mentions: Mention[] = [];
  for (const match of text.matchAll(matcher.pattern)) {
    const entry = matcher.byForm.get(match[0]);
    if (!entry) continue;
    mentions.push({ ...entry, start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return mentions;
}
