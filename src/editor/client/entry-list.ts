import { COLLECTIONS, h, state, t, type Collection } from './state.ts';
import type { UiKey } from './ui-strings.ts';

/** The navigation: every entry of every collection, with its state and what it lacks. */
export function renderList(startNew: (collection: Collection) => void): HTMLElement {
  const nav = h('nav', { 'aria-label': t('entries'), class: 'entries' });
  const search = h('input', { type: 'search', id: 'filter', value: state.filter }) as HTMLInputElement;
  search.addEventListener('input', () => {
    state.filter = search.value;
    const list = document.querySelector('.entry-lists');
    list?.replaceWith(renderLists(startNew));
  });
  nav.append(h('label', { for: 'filter' }, t('filter')), search, renderLists(startNew));
  return nav;
}

function renderLists(startNew: (collection: Collection) => void): HTMLElement {
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
