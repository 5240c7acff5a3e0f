import type { Lang } from './lang.ts';
import type { ArchiveIndex, IndexedDocument } from './archive-index.ts';
import type { Directive, Enterprise, Person } from '../schema/index.ts';
import type { Bilingual, Region } from '../schema/common.ts';
import { pagePath, type PageKind } from './urls.ts';

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
  const entityUrl = (kind: PageKind, id: string) => absoluteUrl(options, pagePath(lang, kind, id));
  const speaker = doc.speaker ? archive.people.get(doc.speaker) : undefined;
  const source = doc.source.publisher ?? doc.source.site;
  const publisher = { '@type': 'Organization', name: source.zh, alternateName: source.en || undefined };
  const organisation = (id: string) => {
    const entity = archive.enterprises.get(id);
    return entity
      ? {
          '@type': 'Organization',
          name: entity.name.zh,
          alternateName: entity.name.en,
          url: entityUrl('enterprises', entity.id),
        }
      : undefined;
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
    // When the source gives only the day it was uploaded, that is when this copy was published.
    datePublished: doc.published ?? doc.uploaded,
    author: speaker
      ? {
          '@type': 'Person',
          name: speaker.name.zh,
          alternateName: speaker.name.en,
          url: entityUrl('people', speaker.id),
        }
      : doc.speaker_role
        ? { '@type': 'Person', description: doc.speaker_role.en || doc.speaker_role.zh }
        : // An unsigned news item is the newspaper's (or the site's) own.
          doc.type === 'news'
          ? publisher
          : undefined,
    publisher,
    isBasedOn: doc.source.url,
    locationCreated: doc.region
      ? { '@type': 'Place', name: [doc.region.city?.zh, doc.region.province.zh].filter(Boolean).join('，') }
      : undefined,
    about: doc.enterprises.map(organisation).filter(Boolean),
    mentions: doc.directives.flatMap((id) => {
      const directive = archive.directives.get(id);
      return directive
        ? [
            {
              '@type': directiveType(directive.kind),
              name: directive.name.zh,
              alternateName: directive.name.en,
              url: entityUrl('directives', directive.id),
            },
          ]
        : [];
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

/** Where the site is published, for absolute URLs. */
interface JsonLdOptions {
  site: URL;
  base: string;
}

function absoluteUrl(options: JsonLdOptions, path: string): string {
  return new URL(`${options.base.replace(/\/$/, '')}${path}`, options.site).href;
}

/** A directive's schema.org type: laws, regulations and policy documents are Legislation. */
function directiveType(kind: Directive['kind']): string {
  return kind === 'law' || kind === 'regulation' || kind === 'policy' ? 'Legislation' : 'CreativeWork';
}

const text = (value: Bilingual, lang: Lang) => (lang === 'en' && value.en.trim() !== '' ? value.en : value.zh);

function place(region: Region | undefined): Record<string, unknown> | undefined {
  if (!region) return undefined;
  const parts = [region.district, region.city, region.province].filter((part) => part !== undefined);
  return {
    '@type': 'Place',
    name: [...parts]
      .reverse()
      .map((part) => part.zh)
      .join(''),
    alternateName: parts.map((part) => part.en || part.zh).join(', '),
  };
}

/** What every entity page says: its type, names in both languages, description, and both pages. */
function entityJsonLd(
  type: string,
  kind: PageKind,
  entity: { id: string; name: Bilingual; aliases: string[]; description?: Bilingual },
  lang: Lang,
  options: JsonLdOptions,
): Record<string, unknown> {
  const url = (language: Lang) => absoluteUrl(options, pagePath(language, kind, entity.id));
  return {
    '@context': 'https://schema.org',
    '@type': type,
    '@id': url(lang),
    url: url(lang),
    name: entity.name.zh,
    alternateName: [entity.name.en, ...entity.aliases].filter((name) => name && name !== entity.name.zh),
    description: entity.description && text(entity.description, lang),
    sameAs: url(lang === 'zh' ? 'en' : 'zh'),
  };
}

/** schema.org data for an enterprise's or agency's page: an Organization (a GovernmentOrganization for agencies). */
export function buildEnterpriseJsonLd(
  entity: Enterprise,
  lang: Lang,
  archive: Pick<ArchiveIndex, 'enterprises'>,
  options: JsonLdOptions,
): Record<string, unknown> {
  const parent = entity.parent ? archive.enterprises.get(entity.parent) : undefined;
  return {
    ...entityJsonLd(
      entity.kind === 'agency' ? 'GovernmentOrganization' : 'Organization',
      'enterprises',
      entity,
      lang,
      options,
    ),
    location: place(entity.region),
    parentOrganization: parent && {
      '@type': parent.kind === 'agency' ? 'GovernmentOrganization' : 'Organization',
      name: parent.name.zh,
      alternateName: parent.name.en,
      url: absoluteUrl(options, pagePath(lang, 'enterprises', parent.id)),
    },
  };
}

/** schema.org data for a directive's page: Legislation for laws, regulations and policy documents, else a CreativeWork. */
export function buildDirectiveJsonLd(
  directive: Directive,
  lang: Lang,
  archive: Pick<ArchiveIndex, 'enterprises' | 'directives'>,
  options: JsonLdOptions,
): Record<string, unknown> {
  const type = directiveType(directive.kind);
  const issuer = typeof directive.issuer === 'string' ? archive.enterprises.get(directive.issuer) : undefined;
  const issuerName = issuer ? issuer.name : typeof directive.issuer === 'object' ? directive.issuer : undefined;
  const parent = directive.parent ? archive.directives.get(directive.parent) : undefined;
  return {
    ...entityJsonLd(type, 'directives', directive, lang, options),
    genre: directive.kind,
    ...(directive.issued &&
      (type === 'Legislation' ? { legislationDate: directive.issued } : { dateCreated: directive.issued })),
    ...(issuerName && {
      [type === 'Legislation' ? 'legislationPassedBy' : 'creator']: {
        '@type': 'Organization',
        name: issuerName.zh,
        alternateName: issuerName.en || undefined,
        url: issuer && absoluteUrl(options, pagePath(lang, 'enterprises', issuer.id)),
      },
    }),
    isPartOf: parent && {
      '@type': directiveType(parent.kind),
      name: parent.name.zh,
      alternateName: parent.name.en,
      url: absoluteUrl(options, pagePath(lang, 'directives', parent.id)),
    },
  };
}

/** schema.org data for a person's page: a Person with the offices the texts give. */
export function buildPersonJsonLd(
  person: Person,
  lang: Lang,
  archive: Pick<ArchiveIndex, 'enterprises'>,
  options: JsonLdOptions,
): Record<string, unknown> {
  const organisations = person.roles.flatMap((role) => {
    const organisation = role.organisation ? archive.enterprises.get(role.organisation) : undefined;
    return organisation
      ? [
          {
            '@type': organisation.kind === 'agency' ? 'GovernmentOrganization' : 'Organization',
            name: organisation.name.zh,
            alternateName: organisation.name.en,
            url: absoluteUrl(options, pagePath(lang, 'enterprises', organisation.id)),
          },
        ]
      : [];
  });
  return {
    ...entityJsonLd('Person', 'people', person, lang, options),
    jobTitle: person.roles.map((role) => text(role.title, lang)),
    affiliation: organisations.filter(
      (organisation, i) => organisations.findIndex((other) => other.url === organisation.url) === i,
    ),
  };
}
