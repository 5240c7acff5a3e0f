import type { DocumentType } from '../../schema/document.ts';

const LABELS: Record<DocumentType, string | undefined> = {
  speech: 'Speech',
  // An exchange is a speech sharing experience at a meeting (交流发言): a speech to a reader.
  exchange: 'Speech',
  report: 'Report',
  news: 'News report',
  notice: 'Notice',
  law: 'Law or regulation',
  other: undefined,
};

/** The English word for what kind of text a document is, as a citation's genre: `Speech`, `News report`. */
export function genreLabel(type: DocumentType): string | undefined {
  return LABELS[type];
}
