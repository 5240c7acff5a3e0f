import type { FormField } from '../describe-form.ts';
import { fieldId, fieldName, getIn, h, label, setIn, state, t, type JsonMap, type Path } from './state.ts';

/** What the form asks of the page around it. */
export interface FormHooks {
  /** Draws the form again from the state (after adding or removing items). */
  redraw: () => void;
  /** Extra controls at the end of a group, e.g. the actions of the review list. */
  afterGroup?: (path: Path) => HTMLElement | undefined;
}

let hooks: FormHooks = { redraw: () => {} };

/** A labelled control with a place for the checker's message about it. */
export function wrap(path: Path, labelText: string | HTMLElement, control: HTMLElement, hint?: string): HTMLElement {
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

/** An entity's names, each marked with its language, and its id. */
function entityName(collection: string, id: string): HTMLElement {
  const entry = state.entries.find((item) => item.collection === collection && item.id === id);
  if (!entry) return h('span', {}, `${id} ${t('unknownId')}`);
  return h(
    'span',
    {},
    h('span', { lang: 'zh' }, entry.name.zh),
    ' / ',
    h('span', { lang: 'en' }, entry.name.en || '—'),
    ` (${id})`,
  );
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
      hooks.redraw();
    });
    list.append(
      h(
        'li',
        { 'data-field': fieldName([...path, index]) },
        entityName(field.target!, id),
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
    hooks.redraw();
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
        hooks.redraw();
      });
      const row = wrap(path, label(field.key), select);
      if (typeof value === 'object' && value !== null)
        row.append(renderBilingual(path, { ...field, kind: 'bilingual', optional: false }, order));
      return row;
    }
    case 'group':
      return renderGroup(path, field, order);
    case 'list':
      return renderItems(path, field, order);
  }
}

/** The inputs of a list of fields, generated from their form description. */
export function renderFields(path: Path, fields: FormField[], formHooks?: FormHooks): HTMLElement[] {
  if (formHooks) hooks = formHooks;
  const order = fields.map((field) => field.key);
  const rendered: HTMLElement[] = [];
  for (const field of fields) {
    const element = renderField([...path, field.key], field, order);
    // A date's precision and basis sit on one row with it: they are read together.
    const previous = rendered[rendered.length - 1];
    const row = previous?.classList.contains('date-row') ? previous : undefined;
    if (field.kind === 'date' && order.includes(`${field.key}_precision`)) {
      rendered.push(h('div', { class: 'date-row' }, element));
    } else if (row && (field.key.endsWith('_precision') || field.key.endsWith('_basis'))) row.append(element);
    else rendered.push(element);
  }
  return rendered;
}

function renderGroup(path: Path, field: FormField, order: string[]): HTMLElement {
  const fieldset = h('fieldset', { class: 'group', 'data-field': fieldName(path) }, h('legend', {}, label(field.key)));
  const value = getIn(state.open!.data, path);
  if (value === undefined || value === null) {
    const add = h('button', { type: 'button' }, t('addGroup', { name: label(field.key) }));
    add.addEventListener('click', () => {
      setIn(path, emptyValue(field.fields!), order);
      hooks.redraw();
    });
    fieldset.append(add);
    return fieldset;
  }
  fieldset.append(...renderFields(path, field.fields!));
  if (field.optional) {
    const remove = h('button', { type: 'button', class: 'remove' }, t('removeGroup', { name: label(field.key) }));
    remove.addEventListener('click', () => {
      setIn(path, undefined, order);
      hooks.redraw();
    });
    fieldset.append(remove);
  }
  const extra = hooks.afterGroup?.(path);
  if (extra) fieldset.append(extra);
  fieldset.append(h('p', { class: 'error', 'data-error-for': fieldName(path), role: 'alert' }));
  return fieldset;
}

function renderItems(path: Path, field: FormField, order: string[]): HTMLElement {
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
      hooks.redraw();
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
    hooks.redraw();
  });
  fieldset.append(add, h('p', { class: 'error', 'data-error-for': fieldName(path), role: 'alert' }));
  return fieldset;
}

/** A new object with its required fields empty, so the form can show them. */
export function emptyValue(fields: FormField[]): JsonMap {
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
