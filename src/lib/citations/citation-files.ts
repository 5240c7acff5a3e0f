import type { CitationInput } from './citation-input.ts';
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
