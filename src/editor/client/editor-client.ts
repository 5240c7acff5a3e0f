import type { FormField } from '../describe-form.ts';
import type { EntrySummary } from '../list-entries.ts';
import { FIELD_LABELS, translate, type Both, type UiKey, type UiLang } from './ui-strings.ts';

type Collection = 'documents' | 'enterprises' | 'directives' | 'people';
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };
type Path = (string | number)[];

interface Problem {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  field?: string;
  message: string;
}

const COLLECTIONS: Collection[] = ['documents', 'enterprises', 'directives', 'people'];

/** Everything the page shows, kept in one place; the page is redrawn from it. */
const state: {
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
  };
  problems: Problem[];
  message?: { kind: 'ok' | 'error' | 'invalid'; text: string };
} = {
  lang: localStorage.getItem('editor-lang') === 'en' ? 'en' : 'zh',
  entries: [],
  filter: '',
  problems: [],
};

const t = (key: UiKey, params?: Record<string, string | number>) => translate(state.lang, key, params);
const label = (key: string) => FIELD_LABELS[key]?.[state.lang] ?? key;

/** Creates an element with attributes and children. */
function h(tag: string, attributes: Record<string, string | boolean | undefined> = {}, ...children: (Node | string)[]) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/** A text in both languages, the interface language first, each marked with its language. */
function both(text: Both): HTMLElement {
  const other: UiLang = state.lang === 'zh' ? 'en' : 'zh';
  return h(
    'span',
    {},
    h('span', { lang: htmlLang(state.lang) }, text[state.lang]),
    ' ',
    h('span', { lang: htmlLang(other), class: 'other' }, text[other]),
  );
}

function htmlLang(lang: UiLang): string {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}

async function api(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// ---- data paths ---------------------------------------------------------------------------

function getIn(value: Json | undefined, path: Path): Json | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}

/** Sets a value (or deletes it when undefined); a new key takes its place in schema order. */
function setIn(path: Path, value: Json | undefined, order: string[]): void {
  const parent = getIn(state.open!.data, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    return;
  }
  const isNewKey = !Array.isArray(parent) && !(key in parent);
  parent[key] = value;
  if (isNewKey) {
    const entries = Object.entries(parent);
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : -1);
    // Known keys in schema order; keys the schema does not know keep their place after those before them.
    entries.sort(([a], [b]) => (rank(a) === -1 || rank(b) === -1 ? 0 : rank(a) - rank(b)));
    for (const [name] of entries) delete parent[name];
    for (const [name, item] of entries) parent[name] = item;
  }
}

/** The checker's way of writing a path: `source.defects[0].note.en`. */
function fieldName(path: Path): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    '',
  );
}

const fieldId = (path: Path) => `f-${fieldName(path).replace(/[^a-zA-Z0-9_-]/g, '-')}`;

// ---- the entry list ------------------------------------------------------------------------

function renderList(): HTMLElement {
  const nav = h('nav', { 'aria-label': t('entries'), class: 'entries' });
  const search = h('input', { type: 'search', id: 'filter', value: state.filter }) as HTMLInputElement;
  search.addEventListener('input', () => {
    state.filter = search.value;
    const list = document.querySelector('.entry-lists');
    list?.replaceWith(renderLists());
  });
  nav.append(h('label', { for: 'filter' }, t('filter')), search, renderLists());
  return nav;
}

function renderLists(): HTMLElement {
  const wrapper = h('div', { class: 'entry-lists' });
  const needle = state.filter.trim().toLowerCase();
  for (const collection of COLLECTIONS) {
    const entries = state.entries.filter(
      (entry) =>
        entry.collection === collection &&
        (!needle || `${entry.id} ${entry.name.zh} ${entry.name.en}`.toLowerCase().includes(needle)),
    );
    const newButton = h(
      'button',
      { type: 'button', class: 'new' },
      collection === 'documents' ? t('newDocument') : `${t('newEntity')}: ${t(collection)}`,
    );
    newButton.addEventListener('click', () => startNew(collection));
    const items = entries.map((entry) => {
      const current = state.open?.collection === collection && state.open.id === entry.id;
      const link = h(
        'a',
        { href: `#/${collection}/${entry.id}`, 'aria-current': current ? 'page' : undefined },
        h('span', { lang: 'zh' }, entry.name.zh || entry.id),
      );
      if (entry.name.en) link.append(h('span', { lang: 'en', class: 'other' }, entry.name.en));
      const facts = h('span', { class: 'facts' });
      if (collection === 'documents')
        facts.append(h('span', { class: `badge badge--${entry.status}` }, t(entry.status)));
      if (entry.missing.length > 0) {
        facts.append(
          h(
            'span',
            { class: 'missing' },
            `${t('missing')}: ${entry.missing.map((key) => t(`missing.${key}` as UiKey)).join(state.lang === 'zh' ? '、' : ', ')}`,
          ),
        );
      }
      if (entry.review.warnings + entry.review.candidates > 0) {
        facts.append(h('span', { class: 'review' }, t('reviewOpen', entry.review)));
      }
      return h('li', {}, link, facts);
    });
    wrapper.append(
      h('section', {}, h('h2', {}, t(collection), ` (${entries.length})`), newButton, h('ul', {}, ...items)),
    );
  }
  return wrapper;
}

// ---- fields ---------------------------------------------------------------------------------

/** A labelled control with a place for the checker's message about it. */
function wrap(path: Path, labelText: string | HTMLElement, control: HTMLElement, hint?: string): HTMLElement {
  const id = fieldId(path);
  control.id = id;
  control.setAttribute('data-field', fieldName(path));
  const describedBy = [`${id}-error`, hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, labelText),
    control,
    ...(hint ? [h('p', { class: 'hint', id: `${id}-hint` }, hint)] : []),
    h('p', { class: 'error', id: `${id}-error`, 'data-error-for': fieldName(path), role: 'alert' }),
  );
}

function textInput(
  path: Path,
  field: FormField,
  order: string[],
  options: { placeholder?: string; multiline?: boolean; lang?: string } = {},
) {
  const value = getIn(state.open!.data, path);
  const control = (options.multiline ? h('textarea', { rows: '3' }) : h('input', { type: 'text' })) as HTMLInputElement;
  control.value = value === undefined || value === null ? '' : String(value);
  if (options.placeholder) control.placeholder = options.placeholder;
  if (options.lang) control.lang = options.lang;
  control.addEventListener('input', () => {
    setIn(path, control.value === '' && field.optional ? undefined : control.value, order);
  });
  return control;
}

function renderBilingual(path: Path, field: FormField, order: string[]): HTMLElement {
  const fieldset = h(
    'fieldset',
    { class: 'bilingual', 'data-field': fieldName(path) },
    h('legend', {}, label(field.key)),
  );
  const current = () => getIn(state.open!.data, path) as { zh?: string; en?: string } | undefined;
  for (const lang of ['zh', 'en'] as const) {
    const value = current()?.[lang] ?? '';
    const control = h('textarea', {
      rows: String(Math.min(12, Math.max(1, Math.ceil(value.length / (lang === 'zh' ? 40 : 80))))),
      lang: lang === 'zh' ? 'zh' : 'en',
    }) as HTMLTextAreaElement;
    control.value = value;
    control.addEventListener('input', () => {
      const next = { zh: current()?.zh ?? '', en: current()?.en ?? '', [lang]: control.value };
      const empty = next.zh === '' && next.en === '';
      setIn(path, empty && field.optional ? undefined : { ...(current() ?? {}), ...next }, order);
    });
    fieldset.append(
      wrap([...path, lang], `${label(field.key)} · ${t(lang === 'zh' ? 'chinese' : 'english')}`, control),
    );
  }
  fieldset.append(h('p', { class: 'error', 'data-error-for': fieldName(path), role: 'alert' }));
  return fieldset;
}

function entityLabel(collection: string, id: string): string {
  const entry = state.entries.find((item) => item.collection === collection && item.id === id);
  return entry ? `${entry.name.zh} / ${entry.name.en || '—'} (${id})` : `${id} ${t('unknownId')}`;
}

function entitySelect(
  target: string,
  value: string | undefined,
  optional: boolean,
  exclude: string[] = [],
): HTMLSelectElement {
  const select = h('select') as HTMLSelectElement;
  if (optional || value === undefined) select.append(h('option', { value: '' }, t('none')));
  const ids = state.entries.filter((entry) => entry.collection === target).map((entry) => entry.id);
  if (value && !ids.includes(value)) ids.unshift(value);
  for (const id of ids) {
    if (exclude.includes(id) && id !== value) continue;
    select.append(h('option', { value: id, selected: id === value }, entityLabel(target, id)));
  }
  return select;
}

function renderReferences(path: Path, field: FormField, order: string[]): HTMLElement {
  const fieldset = h(
    'fieldset',
    { class: 'references', 'data-field': fieldName(path) },
    h('legend', {}, label(field.key)),
  );
  const chosen = ((getIn(state.open!.data, path) as string[] | undefined) ?? []).slice();
  const list = h('ul');
  chosen.forEach((id, index) => {
    const remove = h(
      'button',
      { type: 'button', 'aria-label': t('removeItem', { name: entityLabel(field.target!, id) }) },
      t('remove'),
    );
    remove.addEventListener('click', () => {
      setIn(
        path,
        chosen.filter((_, i) => i !== index),
        order,
      );
      renderEditor();
    });
    list.append(
      h(
        'li',
        { 'data-field': fieldName([...path, index]) },
        entityLabel(field.target!, id),
        ' ',
        remove,
        h('span', { class: 'error', 'data-error-for': fieldName([...path, index]) }),
      ),
    );
  });
  const picker = entitySelect(field.target!, undefined, true, chosen);
  const add = h('button', { type: 'button' }, t('add'));
  add.addEventListener('click', () => {
    if (!picker.value) return;
    setIn(path, [...chosen, picker.value], order);
    renderEditor();
    document.getElementById(`${fieldId(path)}-pick`)?.focus();
  });
  picker.id = `${fieldId(path)}-pick`;
  fieldset.append(
    list,
    h('div', { class: 'pick' }, h('label', { for: picker.id }, t('pick')), picker, add),
    h('p', { class: 'error', 'data-error-for': fieldName(path), role: 'alert' }),
  );
  return fieldset;
}

function renderField(path: Path, field: FormField, order: string[]): HTMLElement {
  const data = state.open!.data;
  const value = getIn(data, path);
  switch (field.kind) {
    case 'id': {
      const control = textInput(path, field, order);
      control.readOnly = !state.open!.isNew;
      control.addEventListener('input', () => {
        state.open!.idTouched = true;
        state.open!.id = control.value;
      });
      return wrap(path, label('id'), control, t('idHelp'));
    }
    case 'text':
      return wrap(
        path,
        label(field.key),
        textInput(path, field, order, { multiline: field.key === 'context' || field.key === 'text' }),
      );
    case 'date':
      return wrap(
        path,
        label(field.key),
        textInput(path, field, order, { placeholder: field.fullDay ? t('fullDatePlaceholder') : t('datePlaceholder') }),
      );
    case 'number': {
      const control = h('input', {
        type: 'number',
        value: value === undefined ? '' : String(value),
      }) as HTMLInputElement;
      control.addEventListener('input', () =>
        setIn(path, control.value === '' ? undefined : Number(control.value), order),
      );
      return wrap(path, label(field.key), control);
    }
    case 'boolean': {
      const control = h('input', { type: 'checkbox', checked: value === true }) as HTMLInputElement;
      control.addEventListener('change', () => setIn(path, control.checked, order));
      const row = wrap(path, label(field.key), control);
      row.classList.add('field--check');
      return row;
    }
    case 'enum': {
      const select = h('select') as HTMLSelectElement;
      if (field.optional || value === undefined) select.append(h('option', { value: '' }, t('none')));
      for (const option of field.options!)
        select.append(h('option', { value: option, selected: option === value }, option));
      select.addEventListener('change', () => setIn(path, select.value === '' ? undefined : select.value, order));
      return wrap(path, label(field.key), select);
    }
    case 'reference': {
      const select = entitySelect(field.target!, value as string | undefined, field.optional);
      select.addEventListener('change', () => setIn(path, select.value === '' ? undefined : select.value, order));
      return wrap(path, label(field.key), select);
    }
    case 'references':
      return renderReferences(path, field, order);
    case 'strings': {
      const control = h('textarea', { rows: '3' }) as HTMLTextAreaElement;
      control.value = ((value as string[] | undefined) ?? []).join('\n');
      control.addEventListener('input', () => {
        const lines = control.value
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        setIn(path, lines, order);
      });
      return wrap(path, label(field.key), control, t('oneALine'));
    }
    case 'bilingual':
      return renderBilingual(path, field, order);
    case 'issuer': {
      const select = entitySelect(field.target!, typeof value === 'string' ? value : undefined, true);
      const textOption = h(
        'option',
        { value: '#text', selected: typeof value === 'object' && value !== null },
        t('issuerText'),
      );
      select.insertBefore(textOption, select.options[1] ?? null);
      select.addEventListener('change', () => {
        setIn(
          path,
          select.value === '' ? undefined : select.value === '#text' ? { zh: '', en: '' } : select.value,
          order,
        );
        renderEditor();
      });
      const row = wrap(path, label(field.key), select);
      if (typeof value === 'object' && value !== null)
        row.append(renderBilingual(path, { ...field, kind: 'bilingual', optional: false }, order));
      return row;
    }
    case 'group':
      return renderGroup(path, field, order);
    case 'list':
      return renderList2(path, field, order);
  }
}

function renderFields(path: Path, fields: FormField[]): HTMLElement[] {
  const order = fields.map((field) => field.key);
  return fields.map((field) => renderField([...path, field.key], field, order));
}

function renderGroup(path: Path, field: FormField, order: string[]): HTMLElement {
  const fieldset = h('fieldset', { class: 'group', 'data-field': fieldName(path) }, h('legend', {}, label(field.key)));
  const value = getIn(state.open!.data, path);
  if (value === undefined || value === null) {
    const add = h('button', { type: 'button' }, t('addGroup', { name: label(field.key) }));
    add.addEventListener('click', () => {
      setIn(path, emptyValue(field.fields!), order);
      renderEditor();
    });
    fieldset.append(add);
    return fieldset;
  }
  fieldset.append(...renderFields(path, field.fields!));
  if (field.optional) {
    const remove = h('button', { type: 'button', class: 'remove' }, t('removeGroup', { name: label(field.key) }));
    remove.addEventListener('click', () => {
      setIn(path, undefined, order);
      renderEditor();
    });
    fieldset.append(remove);
  }
  if (fieldName(path) === 'review') fieldset.append(renderCandidateActions());
  fieldset.append(h('p', { class: 'error', 'data-error-for': fieldName(path), role: 'alert' }));
  return fieldset;
}

function renderList2(path: Path, field: FormField, order: string[]): HTMLElement {
  const fieldset = h('fieldset', { class: 'list', 'data-field': fieldName(path) }, h('legend', {}, label(field.key)));
  const items = (getIn(state.open!.data, path) as JsonMap[] | undefined) ?? [];
  items.forEach((_, index) => {
    const itemPath = [...path, index];
    const remove = h(
      'button',
      { type: 'button', class: 'remove' },
      t('removeItem', { name: t('item', { n: index + 1 }) }),
    );
    remove.addEventListener('click', () => {
      setIn(
        path,
        items.filter((__, i) => i !== index),
        order,
      );
      renderEditor();
    });
    fieldset.append(
      h(
        'fieldset',
        { class: 'item', 'data-field': fieldName(itemPath) },
        h('legend', {}, t('item', { n: index + 1 })),
        ...renderFields(itemPath, field.fields!),
        remove,
      ),
    );
  });
  const add = h('button', { type: 'button' }, t('addItem'));
  add.addEventListener('click', () => {
    setIn(path, [...items, emptyValue(field.fields!)], order);
    renderEditor();
  });
  fieldset.append(add, h('p', { class: 'error', 'data-error-for': fieldName(path), role: 'alert' }));
  return fieldset;
}

/** A new object with its required fields empty, so the form can show them. */
function emptyValue(fields: FormField[]): JsonMap {
  const value: JsonMap = {};
  for (const field of fields) {
    if (field.optional) continue;
    if (field.kind === 'bilingual') value[field.key] = { zh: '', en: '' };
    else if (field.kind === 'group') value[field.key] = emptyValue(field.fields!);
    else if (field.kind === 'enum') value[field.key] = field.options![0]!;
    else if (field.kind === 'number') value[field.key] = 1;
    else value[field.key] = '';
  }
  return value;
}

// ---- review candidates ----------------------------------------------------------------------

function renderCandidateActions(): HTMLElement {
  const open = state.open!;
  const candidates = (getIn(open.data, ['review', 'candidates']) as JsonMap[] | undefined) ?? [];
  const list = h('ul', { class: 'candidate-actions' });
  if (open.isNew || !open.hash) return list;
  for (const candidate of candidates) {
    const kind = candidate.kind === 'directive' ? 'directive' : 'enterprise';
    const button = h(
      'button',
      { type: 'button' },
      t('createFromCandidate', { kind: t(kind) }),
      ': ',
      h('span', { lang: 'zh' }, String(candidate.name)),
    );
    button.addEventListener('click', () => startFromCandidate(candidate));
    list.append(h('li', {}, button));
  }
  return list;
}

/** Guesses what kind of enterprise or directive a Chinese name is, from how it ends. */
function guessKind(name: string, collection: 'enterprises' | 'directives'): string {
  if (collection === 'enterprises') {
    if (/集团/.test(name)) return 'group';
    if (/(厂|矿)$/.test(name)) return 'factory';
    if (/(社|合作)/.test(name)) return 'collective';
    if (/(委员会|国资委|局|厅|办公室|政府|部|委)$/.test(name)) return 'agency';
    return 'company';
  }
  if (/^《.*》$/.test(name) || /(意见|通知|办法|规定|决定|方案)》?$/.test(name)) return 'policy';
  if (/(会议|大会)$/.test(name)) return 'meeting';
  if (/(活动|运动|行动)$/.test(name)) return 'campaign';
  return 'slogan';
}

function startFromCandidate(candidate: JsonMap): void {
  const open = state.open!;
  const collection = candidate.kind === 'directive' ? 'directives' : 'enterprises';
  const name = String(candidate.name).replace(/^《(.*)》$/, '$1');
  state.open = {
    collection,
    id: '',
    isNew: true,
    idTouched: false,
    data: {
      id: '',
      name: { zh: name, en: '' },
      aliases: name === candidate.name ? [] : [String(candidate.name)],
      kind: guessKind(String(candidate.name), collection),
      description: { zh: '', en: '' },
    },
    candidate: {
      document: open.id,
      hash: open.hash!,
      name: String(candidate.name),
      count: Number(candidate.count),
      context: typeof candidate.context === 'string' ? candidate.context : undefined,
    },
  };
  state.problems = [];
  state.message = undefined;
  history.replaceState(null, '', `#/new/${collection}`);
  renderEditor();
}

// ---- the editor -----------------------------------------------------------------------------

function slugFrom(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

function renderEditor(): void {
  const main = document.getElementById('main')!;
  const open = state.open;
  if (!open || !state.forms) {
    main.replaceChildren(h('p', {}, t('choose')), h('p', { class: 'hint' }, t('intro')));
    return;
  }
  const focused = document.activeElement?.id;
  const form = h('form', { novalidate: true, 'aria-labelledby': 'entry-title' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(false);
  });
  const heading = h('h1', { id: 'entry-title' }, `${t(singular(open.collection))}: ${open.isNew ? '…' : open.id}`);
  const children: HTMLElement[] = [heading];
  if (open.candidate) {
    const c = open.candidate;
    const back = h('a', { href: `#/documents/${c.document}` }, t('backTo', { name: c.document }));
    children.push(
      h(
        'div',
        { class: 'candidate' },
        h('p', {}, t('candidateFrom', { name: c.name, count: c.count, document: c.document })),
        ...(c.context ? [h('blockquote', { lang: 'zh' }, c.context)] : []),
        back,
      ),
    );
  }
  children.push(renderMessage());
  const fields = renderFields([], state.forms[open.collection]);
  if (open.isNew) {
    // The id follows the English name until the user types one of their own.
    form.addEventListener('input', (event) => {
      const target = event.target as HTMLElement;
      if (open.idTouched || target.getAttribute('data-field') !== 'name.en') return;
      const slug = slugFrom(String(getIn(open.data, ['name', 'en']) ?? ''));
      open.id = slug;
      open.data.id = slug;
      const idInput = document.getElementById(fieldId(['id'])) as HTMLInputElement | null;
      if (idInput) idInput.value = slug;
    });
  }
  form.append(...children, ...fields);
  if (open.body !== undefined && open.collection === 'documents') form.append(renderBody());
  const saveButton = h('button', { type: 'submit', class: 'primary' }, t('save'));
  form.append(h('div', { class: 'actions' }, saveButton));
  main.replaceChildren(form);
  showProblems();
  if (focused) document.getElementById(focused)?.focus();
}

function singular(collection: Collection): UiKey {
  return ({ documents: 'document', enterprises: 'enterprise', directives: 'directive', people: 'person' } as const)[
    collection
  ];
}

function renderBody(): HTMLElement {
  const open = state.open!;
  const textarea = h('textarea', {
    id: 'body',
    rows: '20',
    lang: 'zh',
    'data-field': 'body',
    'aria-describedby': 'body-error',
  }) as HTMLTextAreaElement;
  textarea.value = open.body ?? '';
  const preview = h('div', { class: 'preview', id: 'preview', lang: 'zh', 'aria-live': 'off' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    const answer = await api('/api/preview', { body: open.body ?? '' });
    if (answer.status === 200) preview.innerHTML = String(answer.body.html);
  };
  textarea.addEventListener('input', () => {
    open.body = textarea.value;
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  });
  void refresh();
  return h(
    'section',
    { class: 'body-editor', 'aria-label': t('body') },
    h(
      'div',
      {},
      h('label', { for: 'body' }, t('body')),
      textarea,
      h('p', { class: 'error', id: 'body-error', 'data-error-for': 'body', role: 'alert' }),
    ),
    h('div', {}, h('h2', { id: 'preview-title' }, t('preview')), preview),
  );
}

function renderMessage(): HTMLElement {
  const box = h('div', { id: 'message', role: 'status', 'aria-live': 'polite' });
  const message = state.message;
  if (!message) return box;
  box.className = `message message--${message.kind}`;
  box.append(h('p', {}, message.text));
  if (message.kind === 'invalid') {
    box.append(h('p', {}, t('saveInvalidHelp')));
    const again = h('button', { type: 'button', class: 'danger' }, t('saveInvalid'));
    again.addEventListener('click', () => void save(true));
    box.append(again);
  }
  const unplaced = state.problems.filter((problem) => !placeOf(problem));
  if (unplaced.length > 0) {
    box.append(
      h('h2', {}, t('problemsElsewhere')),
      h(
        'ul',
        {},
        ...unplaced.map((problem) =>
          h(
            'li',
            { class: problem.severity },
            [problem.field, problem.line ? t('line', { line: problem.line }) : '', problem.message]
              .filter(Boolean)
              .join(' · '),
          ),
        ),
      ),
    );
  }
  return box;
}

/** The element that shows the checker's message for a field, or for the nearest field above it. */
function placeOf(problem: Problem): HTMLElement | undefined {
  if (problem.field === undefined) return undefined;
  let name = problem.field;
  for (;;) {
    const found = document.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);
    if (found) return found;
    const shorter = name.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    if (shorter === name || shorter === '') return undefined;
    name = shorter;
  }
}

function showProblems(): void {
  for (const element of document.querySelectorAll('[data-error-for]')) element.textContent = '';
  for (const element of document.querySelectorAll('[aria-invalid]')) element.removeAttribute('aria-invalid');
  for (const problem of state.problems) {
    const place = placeOf(problem);
    if (!place) continue;
    place.append(h('span', { class: problem.severity }, problem.message));
    const control = document.querySelector(`[data-field="${CSS.escape(place.getAttribute('data-error-for')!)}"]`);
    if (problem.severity === 'error') control?.setAttribute('aria-invalid', 'true');
  }
}

async function save(confirmInvalid: boolean): Promise<void> {
  const open = state.open!;
  const file = `${open.collection}/${open.id}.md`;
  const request = open.candidate
    ? {
        collection: open.collection,
        id: open.id,
        data: open.data,
        document: open.candidate.document,
        hash: open.candidate.hash,
        candidate: open.candidate.name,
        confirmInvalid,
      }
    : {
        collection: open.collection,
        id: open.id,
        data: open.data,
        body: open.body,
        hash: open.hash ?? null,
        confirmInvalid,
      };
  const answer = await api(open.candidate ? '/api/create-from-candidate' : '/api/save', request);
  const problems = (answer.body.problems as Problem[] | undefined) ?? [];
  state.problems = problems;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  if (answer.status === 422 && answer.body.saved === false) {
    state.message = { kind: 'invalid', text: t('notSaved', { count: errors }) };
  } else if (answer.status === 200) {
    const changed = answer.body.changed !== false;
    state.message = {
      kind: 'ok',
      text: !changed ? t('unchanged') : errors > 0 ? t('savedInvalid', { file, count: errors }) : t('saved', { file }),
    };
    await loadIndex();
    if (open.candidate) {
      const document = open.candidate.document;
      await openEntry('documents', document);
      state.message = { kind: 'ok', text: t('saved', { file }) };
      location.hash = `#/documents/${document}`;
    } else {
      open.hash = String(answer.body.hash);
      if (open.isNew) {
        open.isNew = false;
        location.hash = `#/${open.collection}/${open.id}`;
      }
    }
  } else {
    state.message = { kind: 'error', text: t('error', { message: String(answer.body.error ?? answer.status) }) };
  }
  renderAll();
  document.getElementById('message')?.focus();
}

function startNew(collection: Collection): void {
  const fields = state.forms![collection];
  const data = emptyValue(fields);
  if (collection === 'documents')
    Object.assign(data, {
      status: 'draft',
      date_precision: 'day',
      date_basis: 'stated',
      script: 'zh-Hans',
      enterprises: [],
      directives: [],
      people: [],
    });
  state.open = {
    collection,
    id: '',
    isNew: true,
    idTouched: collection === 'documents',
    data,
    body: collection === 'documents' ? '' : undefined,
  };
  state.problems = [];
  state.message = undefined;
  history.replaceState(null, '', `#/new/${collection}`);
  renderAll();
  document.getElementById(fieldId(['id']))?.focus();
}

async function openEntry(collection: Collection, id: string): Promise<void> {
  const answer = await api(`/api/entry/${collection}/${encodeURIComponent(id)}`);
  state.problems = [];
  state.message = undefined;
  if (answer.status !== 200) {
    state.open = undefined;
    state.message = { kind: 'error', text: t('error', { message: String(answer.body.error) }) };
    return;
  }
  state.open = {
    collection,
    id,
    isNew: false,
    idTouched: true,
    data: answer.body.data as JsonMap,
    body: answer.body.body as string,
    hash: answer.body.hash as string,
  };
}

async function loadIndex(): Promise<void> {
  const answer = await api('/api/index');
  state.forms = answer.body.forms as Record<Collection, FormField[]>;
  state.entries = answer.body.entries as EntrySummary[];
}

function renderAll(): void {
  document.documentElement.lang = htmlLang(state.lang);
  document.title = t('title');
  const header = document.getElementById('header')!;
  const switcher = h(
    'button',
    { type: 'button', lang: state.lang === 'zh' ? 'en' : 'zh-Hans', 'aria-label': t('switchLanguageLabel') },
    t('switchLanguage'),
  );
  switcher.addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('editor-lang', state.lang);
    renderAll();
  });
  header.replaceChildren(
    h('p', { class: 'site' }, both({ zh: '国企改革文献库 · 编辑器', en: 'SOE Reform Archive · Editor' })),
    switcher,
  );
  document.getElementById('nav')!.replaceChildren(renderList());
  renderEditor();
}

async function route(): Promise<void> {
  const match = /^#\/(documents|enterprises|directives|people)\/([a-z0-9-]+)$/.exec(location.hash);
  if (match) {
    const [, collection, id] = match;
    const open = state.open;
    if (!open || open.collection !== collection || open.id !== id || open.isNew) {
      await openEntry(collection as Collection, id!);
    }
  }
  renderAll();
}

window.addEventListener('hashchange', () => void route());
void loadIndex().then(route);
