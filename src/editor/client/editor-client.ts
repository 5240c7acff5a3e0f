import type { FormField } from '../describe-form.ts';
import type { EntrySummary } from '../list-entries.ts';
import { renderList } from './entry-list.ts';
import { emptyValue, renderFields } from './render-fields.ts';
import {
  api,
  both,
  fieldId,
  getIn,
  h,
  htmlLang,
  state,
  t,
  type Collection,
  type JsonMap,
  type Path,
  type Problem,
} from './state.ts';
import type { UiKey } from './ui-strings.ts';

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

/** Asks before unsaved changes are left behind; true when it is fine to leave the entry. */
function mayLeave(): boolean {
  return !state.open?.dirty || confirm(t('discardChanges'));
}

function startFromCandidate(candidate: JsonMap): void {
  if (!mayLeave()) return;
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
  if (open.collection === 'documents' && !open.isNew) children.push(renderTranslationLink(open.id));
  if (open.collection === 'translations') {
    children.push(h('p', {}, h('a', { href: `#/documents/${open.id}` }, t('backTo', { name: open.id }))));
  }
  children.push(renderMessage());
  const fields = renderFields([], state.forms[open.collection], {
    redraw: renderEditor,
    afterGroup: (path: Path) => (path.join('.') === 'review' ? renderCandidateActions() : undefined),
  });
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
  if (open.body !== undefined && (open.collection === 'documents' || open.collection === 'translations')) {
    form.append(renderBody());
  }
  const saveButton = h('button', { type: 'submit', class: 'primary', 'aria-describedby': 'save-shortcut' }, t('save'));
  form.append(
    h('div', { class: 'actions' }, saveButton, h('span', { class: 'hint', id: 'save-shortcut' }, t('shortcut'))),
  );
  main.replaceChildren(form);
  showProblems();
  if (focused) document.getElementById(focused)?.focus();
}

function singular(collection: Collection): UiKey {
  const names = {
    documents: 'document',
    enterprises: 'enterprise',
    directives: 'directive',
    people: 'person',
    translations: 'translation',
  } as const;
  return names[collection];
}

/** A document links to its translation, or offers to start one. */
function renderTranslationLink(id: string): HTMLElement {
  const entry = state.entries.find((item) => item.collection === 'documents' && item.id === id);
  if (entry && !entry.missing.includes('translation')) {
    return h('p', {}, h('a', { href: `#/translations/${id}` }, t('editTranslation')));
  }
  const start = h('button', { type: 'button' }, t('startTranslation'));
  start.addEventListener('click', () => void startTranslation(id));
  return h('p', {}, start);
}

/**
 * The body in a Markdown box beside its preview with entity links; for a translation, beside
 * the original it must align with.
 */
function renderBody(): HTMLElement {
  const open = state.open!;
  const translating = open.collection === 'translations';
  const textarea = h('textarea', {
    id: 'body',
    rows: '20',
    lang: translating ? 'en' : 'zh',
    'data-field': 'body',
    'aria-describedby': translating ? 'body-error body-hint' : 'body-error',
  }) as HTMLTextAreaElement;
  textarea.value = open.body ?? '';
  const preview = h('div', { class: 'preview', id: 'preview', lang: 'zh', 'aria-live': 'off' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    const answer = await api('/api/preview', { body: (translating ? open.original : open.body) ?? '' });
    if (answer.status === 200) preview.innerHTML = String(answer.body.html);
  };
  textarea.addEventListener('input', () => {
    open.body = textarea.value;
    open.dirty = true;
    if (translating) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  });
  void refresh();
  return h(
    'section',
    { class: 'body-editor' },
    h(
      'div',
      {},
      h('label', { for: 'body' }, t(translating ? 'translationBody' : 'body')),
      ...(translating ? [h('p', { class: 'hint', id: 'body-hint' }, t('translationHelp'))] : []),
      textarea,
      h('p', { class: 'error', id: 'body-error', 'data-error-for': 'body', role: 'alert' }),
    ),
    h('div', {}, h('h2', { id: 'preview-title' }, t(translating ? 'original' : 'preview')), preview),
  );
}

/** A new translation starts as a copy of the original, so its blocks align from the start. */
async function startTranslation(id: string): Promise<void> {
  if (!mayLeave()) return;
  const original = await api(`/api/entry/documents/${encodeURIComponent(id)}`);
  if (original.status !== 200) return;
  const body = String(original.body.body);
  state.open = {
    collection: 'translations',
    id,
    isNew: true,
    idTouched: true,
    data: { id, translator: '' },
    body,
    original: body,
  };
  state.problems = [];
  state.message = undefined;
  history.replaceState(null, '', `#/new/translations`);
  renderAll();
  document.getElementById(fieldId(['translator']))?.focus();
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
            [
              problem.file.endsWith(`/${state.problemFile}`) ? '' : problem.file,
              problem.field,
              problem.line ? t('line', { line: problem.line }) : '',
              problem.message,
            ]
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
  if (problem.field === undefined || !problem.file.endsWith(`/${state.problemFile}`)) return undefined;
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
  const file = String(answer.body.file ?? '');
  state.problems = problems;
  state.problemFile = file;
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
      open.dirty = false;
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
  if (!mayLeave()) return;
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
  if (collection === 'translations') {
    const original = await api(`/api/entry/documents/${encodeURIComponent(id)}`);
    state.open.original = original.status === 200 ? String(original.body.body) : '';
  }
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
  document.getElementById('nav')!.replaceChildren(renderList(startNew));
  renderEditor();
  shownHash = location.hash;
}

// The address of the entry on screen, to go back to when the user keeps unsaved changes.
let shownHash = location.hash;

async function route(): Promise<void> {
  const match = /^#\/(documents|enterprises|directives|people|translations)\/([a-z0-9-]+)$/.exec(location.hash);
  if (match) {
    const [, collection, id] = match;
    const open = state.open;
    if (!open || open.collection !== collection || open.id !== id || open.isNew) {
      if (!mayLeave()) {
        history.replaceState(null, '', shownHash);
        return;
      }
      await openEntry(collection as Collection, id!);
    }
  }
  renderAll();
}

window.addEventListener('hashchange', () => void route());
window.addEventListener('beforeunload', (event) => {
  if (state.open?.dirty) event.preventDefault();
});
window.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && state.open) {
    event.preventDefault();
    void save(false);
  }
});
void loadIndex().then(route);
