// Search page enhancement: queries Pagefind as the reader types. The page works as a plain form
// without it; Pagefind itself needs JavaScript.

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  debouncedSearch(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const form = document.querySelector<HTMLFormElement>('form[data-search-page]');
if (form) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const base = form.dataset.base ?? '/';
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Record<string, string>;
  let pagefind: Pagefind | undefined;

  const load = async (): Promise<Pagefind> => {
    if (!pagefind) {
      pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      await pagefind.options({ baseUrl: base });
    }
    return pagefind;
  };

  const render = (items: PagefindResultData[]) => {
    list.replaceChildren(
      ...items.map((item) => {
        const li = document.createElement('li');
        const link = document.createElement('a');
        link.href = item.url;
        link.textContent = item.meta.title ?? item.url;
        const excerpt = document.createElement('p');
        // Pagefind escapes the page text in excerpts and adds only <mark> elements.
        excerpt.innerHTML = item.excerpt;
        li.append(link, excerpt);
        return li;
      }),
    );
  };

  const run = async () => {
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await (await load()).debouncedSearch(query);
    if (!search) return; // superseded by a newer query
    const items = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
    render(items);
    status.textContent = (messages.count ?? '{count}').replace('{count}', String(search.results.length));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}
