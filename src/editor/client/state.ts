import type { FormField } from '../describe-form.ts';
import type { EntrySummary } from '../list-entries.ts';
import { FIELD_LABELS, translate, type Both, type UiKey, type UiLang } from './ui-strings.ts';

export type Collection = 'documents' | 'enterprises' | 'directives' | 'people' | 'translations';
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };
export type Path = (string | number)[];

export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  field?: string;
  message: string;
}

/** The collections listed, in order (translations are reached from their documents). */
export const COLLECTIONS: Exclude<Collection, 'translations'>[] = ['documents', 'enterprises', 'directives', 'people'];

/** Everything the page shows, kept in one place; the page is redrawn from it. */
export const state: {
  lang: UiLang;
  forms?: Record<Collection, FormField[]>;
  entries: EntrySummary[];
  filter: string;
  open?: {
    collection: Collection;
    id: string;
    isNew: boolean;
    data: JsonMap;
    body?: string;
    hash?: string;
    /** Set when the entry comes from a candidate of a draft's review list. */
    candidate?: { document: string; hash: string; name: string; count: number; context?: string };
    /** The id follows the English name until the user edits it. */
    idTouched: boolean;
    /** Translations: the original text, shown beside the translation. */
    original?: string;
    /** Something was changed since the entry was opened or last saved. */
    dirty?: boolean;
  };
  problems: Problem[];
  /** The file the problems were found for (`documents/x.md`); problems of other files are listed apart. */
  problemFile?: string;
  message?: { kind: 'ok' | 'error' | 'invalid'; text: string };
} = {
  lang: localStorage.getItem('editor-lang') === 'en' ? 'en' : 'zh',
  entries: [],
  filter: '',
  problems: [],
};

export const t = (key: UiKey, params?: Record<string, string | number>) => translate(state.lang, key, params);
export const label = (key: string) => FIELD_LABELS[key]?.[state.lang] ?? key;

/** Creates an element with attributes and children. */
export function h(
  tag: string,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string)[]
) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/** A text in both languages, the interface language first, each marked with its language. */
export function both(text: Both): HTMLElement {
  const other: UiLang = state.lang === 'zh' ? 'en' : 'zh';
  return h(
    'span',
    {},
    h('span', { lang: htmlLang(state.lang) }, text[state.lang]),
    ' ',
    h('span', { lang: htmlLang(other), class: 'other' }, text[other]),
  );
}

export function htmlLang(lang: UiLang): string {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}

export async function api(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// ---- data paths ---------------------------------------------------------------------------

export function getIn(value: Json | undefined, path: Path): Json | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}

/** Sets a value (or deletes it when undefined); a new key takes its place in schema order. */
export function setIn(path: Path, value: Json | undefined, order: string[]): void {
  state.open!.dirty = true;
  const parent = getIn(state.open!.data, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    return;
  }
  if (Array.isArray(parent) || key in parent) {
    parent[key] = value;
    return;
  }
  // A new key goes after the last key that comes before it in the schema, so the file gets it
  // where the schema puts it; the other keys keep their order.
  const entries = Object.entries(parent);
  const rank = order.indexOf(String(key));
  let at = 0;
  entries.forEach(([name], i) => {
    const other = order.indexOf(name);
    if (other !== -1 && other < rank) at = i + 1;
  });
  if (rank === -1) at = entries.length;
  entries.splice(at, 0, [String(key), value]);
  for (const [name] of entries) delete parent[name];
  for (const [name, item] of entries) parent[name] = item;
}

/** The checker's way of writing a path: `source.defects[0].note.en`. */
export function fieldName(path: Path): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    '',
  );
}

export const fieldId = (path: Path) => `f-${fieldName(path).replace(/[^a-zA-Z0-9_-]/g, '-')}`;
