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
  /** Every form, one UTF-16 unit per level: where a match can start, and how far it can go. */
  trie: FormNode;
}

/** A node of the forms' trie: the units that can follow, and the form that ends here, if any. */
interface FormNode {
  next: Map<number, FormNode>;
  form?: string;
  /** True when `form` is Latin, which matches only as a whole word. */
  latin?: boolean;
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
  const trie: FormNode = { next: new Map() };
  for (const form of byForm.keys()) {
    let node = trie;
    for (let i = 0; i < form.length; i += 1) {
      const unit = form.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map() }));
      node = child;
    }
    node.form = form;
    node.latin = isLatin(form);
  }
  return { byForm, trie };
}

/**
 * Every non-overlapping mention of a known entity in `text`, left to right, the longest form
 * at each place. Scans the text once, walking the forms' trie from each place as far as the
 * text follows it: time grows with the text, not with the number of entities. (Trying every
 * form that starts with the character at hand made the text's cost grow with the archive:
 * 52 ns a character with 10,000 documents' entities, 139 ns with 100,000's, when hundreds of
 * names start with 中.)
 */
export function findMentions(text: string, matcher: MentionMatcher): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    let form: string | undefined;
    let node = matcher.trie.next.get(text.charCodeAt(i));
    for (let end = i + 1; node; end += 1) {
      if (node.form !== undefined && (!node.latin || (!isWordChar(text[i - 1]) && !isWordChar(text[end])))) {
        form = node.form;
      }
      node = end < text.length ? node.next.get(text.charCodeAt(end)) : undefined;
    }
    if (!form) {
      i += 1;
      continue;
    }
    mentions.push({ ...matcher.byForm.get(form)!, start: i, end: i + form.length, text: form });
    i += form.length;
  }
  return mentions;
}
