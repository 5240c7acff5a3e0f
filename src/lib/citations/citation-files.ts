import type { Document } from '../../schema/index.ts';
import { compareNewestFirst, listDocumentEntities, type EntityCatalogue } from '../archive-index.ts';
import { pagePath, withBase } from '../urls.ts';
import { buildCitationInput, type CitationInput } from './citation-input.ts';
import { formatBibtex } from './format-bibtex.ts';
import { formatCslJson } from './format-csl-json.ts';
import { formatRis } from './format-ris.ts';

/** The citation files the site serves, by file extension. */
export const CITATION_FORMATS = {
  bib: {
    type: 'application/x-bibtex; charset=utf-8',
    render: (items: CitationInput[]) => items.map(formatBibtex).join('\n'),
  },
  ris: {
    type: 'application/x-research-info-systems; charset=utf-8',
    render: (items: CitationInput[]) => items.map(formatRis).join(''),
  },
  json: {
    type: 'application/vnd.citationstyles.csl+json',
    render: (items: CitationInput[]) => JSON.stringify(items.map(formatCslJson), null, 1),
  },
} as const;

export type CitationFormat = keyof typeof CITATION_FORMATS;

/** The archive's name as citations give it. */
export const ARCHIVE_NAME = { zh: '国企改革文献库', en: 'SOE Reform Archive' } as const;

/** Where the site is published: its origin and base path (`readSiteAddress`). */
export interface SiteAddress {
  site: string;
  base: string;
}

/** The facts a citation of a document needs, with the archive's permalinks for it. */
export function documentCitationInput(doc: Document, catalogue: EntityCatalogue, address: SiteAddress): CitationInput {
  const url = (lang: 'zh' | 'en') =>
    new URL(withBase(address.base, pagePath(lang, 'documents', doc.id)), address.site).href;
  return buildCitationInput(doc, {
    archive: ARCHIVE_NAME,
    permalink: { zh: url('zh'), en: url('en') },
    speaker: doc.speaker ? catalogue.people.get(doc.speaker) : undefined,
    keywords: doc.directives.flatMap((id) => catalogue.directives.get(id)?.name.zh ?? []),
  });
}

/** The formats of an enterprise's or directive's file of all the documents that cite it. */
const ENTITY_FORMATS: CitationFormat[] = ['bib', 'ris'];

/**
 * Every citation file of the site, one at a time, as paths under `cite/`: `<id>.bib|.ris|.json`
 * for each document, and `enterprises|directives/<id>.bib|.ris` with every document that lists
 * the entity, newest first. Made outside Astro's page loop: at 10,000 documents they are 30,000
 * files, and as Astro routes they cost about a millisecond each of the site's build.
 */
export function* listCitationFiles(
  documents: readonly Document[],
  catalogue: EntityCatalogue,
  address: SiteAddress,
): Generator<{ path: string; text: string }> {
  const inputs = new Map<string, CitationInput>();
  const citing = new Map<string, Document[]>();
  for (const doc of [...documents].sort(compareNewestFirst)) {
    const input = documentCitationInput(doc, catalogue, address);
    inputs.set(doc.id, input);
    for (const format of Object.keys(CITATION_FORMATS) as CitationFormat[]) {
      yield { path: `${doc.id}.${format}`, text: CITATION_FORMATS[format].render([input]) };
    }
    for (const key of listDocumentEntities(doc)) citing.set(key, [...(citing.get(key) ?? []), doc]);
  }
  for (const kind of ['enterprises', 'directives'] as const) {
    for (const id of catalogue[kind].keys()) {
      const items = (citing.get(`${kind}/${id}`) ?? []).map((doc) => inputs.get(doc.id)!);
      for (const format of ENTITY_FORMATS) {
        yield { path: `${kind}/${id}.${format}`, text: CITATION_FORMATS[format].render(items) };
      }
    }
  }
}
