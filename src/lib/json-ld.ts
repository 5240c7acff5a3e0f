import type { Lang } from '../i18n/index.ts';
import type { ArchiveIndex, IndexedDocument } from './archive-index.ts';
import { pagePath } from './urls.ts';

const SCHEMA_TYPES: Record<IndexedDocument['type'], string> = {
  speech: 'CreativeWork',
  report: 'Report',
  news: 'NewsArticle',
  exchange: 'CreativeWork',
  notice: 'CreativeWork',
  law: 'Legislation',
  other: 'CreativeWork',
};

/**
 * schema.org structured data for a document page: the work, its date, author, publisher,
 * language, what it is about, and its English translation when there is one.
 */
export function buildDocumentJsonLd(
  doc: IndexedDocument,
  lang: Lang,
  archive: ArchiveIndex,
  options: {
    site: URL;
    base: string;
    translated: boolean;
    /** For a partial translation, what it covers, in English ("14 of 152 paragraphs: …"). */
    partial?: string;
  },
): Record<string, unknown> {
  const url = (language: Lang) =>
    new URL(`${options.base.replace(/\/$/, '')}${pagePath(language, 'documents', doc.id)}`, options.site).href;
  const speaker = doc.speaker ? archive.people.get(doc.speaker) : undefined;
  const organisation = (id: string) => {
    const entity = archive.enterprises.get(id);
    return entity ? { '@type': 'Organization', name: entity.name.zh, alternateName: entity.name.en } : undefined;
  };
  return {
    '@context': 'https://schema.org',
    '@type': SCHEMA_TYPES[doc.type],
    '@id': url(lang),
    url: url(lang),
    genre: doc.type,
    name: doc.title.zh,
    alternateName: doc.title.en || undefined,
    headline: lang === 'en' && doc.title.en ? doc.title.en : doc.title.zh,
    description: lang === 'en' ? doc.summary.en || doc.summary.zh : doc.summary.zh,
    inLanguage: doc.script,
    dateCreated: doc.date,
    datePublished: doc.published,
    author: speaker
      ? { '@type': 'Person', name: speaker.name.zh, alternateName: speaker.name.en }
      : doc.speaker_role
        ? { '@type': 'Person', description: doc.speaker_role.en || doc.speaker_role.zh }
        : undefined,
    publisher: doc.source.publisher
      ? { '@type': 'Organization', name: doc.source.publisher.zh, alternateName: doc.source.publisher.en }
      : { '@type': 'Organization', name: doc.source.site.zh, alternateName: doc.source.site.en },
    isBasedOn: doc.source.url,
    locationCreated: doc.region
      ? { '@type': 'Place', name: [doc.region.city?.zh, doc.region.province.zh].filter(Boolean).join('，') }
      : undefined,
    about: doc.enterprises.map(organisation).filter(Boolean),
    mentions: doc.directives.flatMap((id) => {
      const directive = archive.directives.get(id);
      return directive ? [{ '@type': 'CreativeWork', name: directive.name.zh, alternateName: directive.name.en }] : [];
    }),
    workTranslation: options.translated
      ? { '@type': 'CreativeWork', inLanguage: 'en', url: url('en'), description: options.partial }
      : undefined,
    sameAs: url(lang === 'zh' ? 'en' : 'zh'),
  };
}

/** JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` escaped, so no text can close it. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
