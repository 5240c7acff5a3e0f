import CSL from 'citeproc';
import type { CslItem } from './format-csl-json.ts';

/** A CSL style as its file's XML, and the CSL locale files (`locales-<lang>.xml`) by language tag. */
export interface CslStyleFiles {
  style: string;
  locales: Record<string, string>;
}

type Engine = InstanceType<typeof CSL.Engine>;
type XmlJsonNode = Parameters<typeof CSL.XmlJSON.prototype.getNodesByName>[0];

// citeproc-js finds a macro by walking the whole parsed style at every place the style calls it
// (CSL.expandMacro → XmlJSON.getNodesByName): loading Chicago's 168 KB style took 3–8 s on this
// machine, almost all of it in those walks, on every build that renders a document page. The
// walk's answers for macros are kept per parsed style (WeakMap, by its root node: a macro is a
// child of <style>, and citeproc adds none after parsing), so the style loads in well under a
// second with the same output (the tests' formatted entries were made without this).
const findNodes = CSL.XmlJSON.prototype.getNodesByName;
const macrosByStyle = new WeakMap<XmlJsonNode, Map<string, XmlJsonNode[]>>();
CSL.XmlJSON.prototype.getNodesByName = function (root, name, nameattrval, ret) {
  if (name !== 'macro' || !nameattrval || ret !== undefined || root?.name !== 'style') {
    return findNodes.call(this, root, name, nameattrval, ret);
  }
  let macros = macrosByStyle.get(root);
  if (!macros) {
    macros = new Map();
    for (const node of findNodes.call(this, root, 'macro')) {
      const key = node.attrs.name ?? '';
      macros.set(key, [...(macros.get(key) ?? []), node]);
    }
    macrosByStyle.set(root, macros);
  }
  // A fresh array each time, as the walk gives.
  return [...(macros.get(nameattrval) ?? [])];
};

/**
 * The style as citeproc-js parses it (`CSL.parseXml`), less what only orders a bibliography: the
 * `<sort>` of `<bibliography>`. Each call formats one item as a bibliography of one entry, whose
 * order needs no sorting, yet citeproc renders every item's bibliography sort keys whenever the
 * style has a `<sort>` (`Registry.setsortkeys`, before it looks at how many entries there are):
 * for Chicago, two fifths of each entry's time. Sort keys are rendered apart from the entry and
 * leave the item's registry state (its disambiguation) as they found it (`CSL.getCite` restores
 * it in every area but the citation's), so the entry comes out the same, as the tests check on
 * entries recorded with the unaltered style. Disambiguation is kept: it runs on one item here too,
 * and all four styles carry its given-name expansion (`disambiguate-add-givenname`) into the
 * bibliography, for instance when two speakers of one text share a family name.
 */
export function parseStyleForOneEntry(style: string): XmlJsonNode {
  const root = CSL.parseXml(style);
  if (root.name !== 'style') throw new Error(`a CSL style's root element is <style>, not <${root.name}>`);
  for (const node of root.children) {
    if (typeof node !== 'string' && node.name === 'bibliography') {
      node.children = node.children.filter((child) => typeof child === 'string' || child.name !== 'sort');
    }
  }
  return root;
}

/**
 * Formats CSL-JSON items with a CSL style through citeproc-js, the processor Zotero, Mendeley and
 * most reference tools use, so that a style is a file (`src/lib/citations/csl/`), not code.
 * The engine (parsing the style takes up to seconds for Chicago) is made once per formatter and
 * kept; each call formats one item alone, as a bibliography of one entry (with the style read by
 * `parseStyleForOneEntry`), and returns its HTML (citeproc escapes the text; `<i>`, `<b>` and the
 * like for the style's formatting). `asWritten` gives citeproc the style unaltered: slower, the
 * reference the tests hold the faster entries to.
 */
export function createCslFormatter(
  files: CslStyleFiles,
  { asWritten = false }: { asWritten?: boolean } = {},
): (item: CslItem) => string {
  let current: CslItem | undefined;
  // citeproc keeps the items it has seen by id and would not ask again for a changed one: each
  // call gives its item an id of its own (ids appear in no bibliography entry).
  let calls = 0;
  let engine: Engine | undefined;
  const make = (): Engine => {
    const created = new CSL.Engine(
      {
        // A locale the style asks for and the archive does not ship falls back to US English, CSL's default.
        retrieveLocale: (lang) => files.locales[lang] ?? files.locales['en-US'] ?? '',
        retrieveItem: (id) => {
          if (current?.id !== id)
            throw new Error(`citeproc asked for item "${id}", but is formatting "${current?.id}"`);
          return current;
        },
      },
      asWritten ? files.style : parseStyleForOneEntry(files.style),
    );
    created.setOutputFormat('html');
    // URLs as links (citeproc-js's own option; the text stays the same).
    created.opt.development_extensions.wrap_url_and_doi = true;
    return created;
  };
  return (item) => {
    engine ??= make();
    current = { ...item, id: `item-${(calls += 1)}` };
    try {
      engine.updateItems([current.id]);
      const result = engine.makeBibliography();
      if (!result) throw new Error('the CSL style has no bibliography');
      return result[1]
        .join('')
        .trim()
        .replace(/^<div class="csl-entry">([\s\S]*)<\/div>$/, '$1')
        .trim();
    } finally {
      current = undefined;
    }
  };
}
