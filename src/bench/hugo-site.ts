// The benchmark's peer: the same archive as a naive bilingual Hugo site, the way a Hugo user
// would build it without our code: one content folder per language, one page per document per
// language, taxonomies for the entities and the facets, minimal templates, and Pagefind run on
// the HTML with its defaults (only the documents' main content is marked `data-pagefind-body`).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { splitFrontmatter, type SplitFile } from '../lib/frontmatter.ts';
import { documentSchema, type Document } from '../schema/document.ts';
import { directiveSchema, enterpriseSchema, personSchema } from '../schema/entities.ts';

/** A file of the Hugo site, its path relative to the site's root. */
export interface HugoFile {
  path: string;
  text: string;
}

export const HUGO_LANGUAGES = ['zh', 'en'] as const;
type Lang = (typeof HUGO_LANGUAGES)[number];

/** The entity collections, each a Hugo taxonomy of the same plural name. */
export const ENTITY_TAXONOMIES = ['enterprises', 'directives', 'people'] as const;
type EntityTaxonomy = (typeof ENTITY_TAXONOMIES)[number];

const CONFIG = `baseURL = "https://example.org/"
title = "SOE Reform Archive"
defaultContentLanguage = "zh"
defaultContentLanguageInSubdir = true
hasCJKLanguage = true

[taxonomies]
enterprise = "enterprises"
directive = "directives"
person = "people"
year = "years"
doctype = "doctypes"
region = "regions"

[languages.zh]
languageCode = "zh-CN"
languageName = "中文"
title = "国企改革文献库"
contentDir = "content/zh"
weight = 1

[languages.en]
languageCode = "en"
languageName = "English"
title = "SOE Reform Archive"
contentDir = "content/en"
weight = 2
`;

const BASEOF = `<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header>
<a href="{{ "" | relLangURL }}">{{ .Site.Title }}</a>
<nav>
<a href="{{ "documents/" | relLangURL }}">documents</a>
<a href="{{ "enterprises/" | relLangURL }}">enterprises</a>
<a href="{{ "directives/" | relLangURL }}">directives</a>
<a href="{{ "people/" | relLangURL }}">people</a>
<a href="{{ "years/" | relLangURL }}">years</a>
</nav>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a>{{ end }}
</header>
{{ block "main" . }}{{ end }}
</body>
</html>
`;

const SINGLE = `{{ define "main" }}
<main data-pagefind-body>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Params.date_text }}</time>{{ with .Params.meeting }} · {{ . }}{{ end }}</p>
<p>{{ .Description }}</p>
{{ range $taxonomy := slice "enterprises" "directives" "people" }}{{ with $.GetTerms $taxonomy }}
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ end }}{{ end }}
{{ with .Params.source }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
</main>
{{ end }}
`;

const LIST = `{{ define "main" }}
<main>
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ if eq .Kind "page" }} {{ .Params.date_text }}{{ end }}</li>
{{ end }}</ul>
</main>
{{ end }}
`;

const HOME = `{{ define "main" }}
<main>
<h1>{{ .Site.Title }}</h1>
<ul>
{{ range first 20 (where .Site.RegularPages "Section" "documents") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.date_text }}</li>
{{ end }}</ul>
</main>
{{ end }}
`;

const NOT_FOUND = `{{ define "main" }}<main><h1>404</h1></main>{{ end }}
`;

/** The site's configuration and templates. */
export function hugoScaffold(): HugoFile[] {
  return [
    { path: 'hugo.toml', text: CONFIG },
    { path: 'layouts/_default/baseof.html', text: BASEOF },
    { path: 'layouts/_default/single.html', text: SINGLE },
    { path: 'layouts/_default/list.html', text: LIST },
    { path: 'layouts/index.html', text: HOME },
    { path: 'layouts/404.html', text: NOT_FOUND },
    ...HUGO_LANGUAGES.map((lang) => ({
      path: `content/${lang}/documents/_index.md`,
      text: page({ title: lang === 'zh' ? '文献' : 'Documents' }, ''),
    })),
  ];
}

/** A Markdown page with YAML front matter. */
function page(frontMatter: Record<string, unknown>, body: string): string {
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${body}`;
}

/** Hugo wants a full date; a partial one (`2011-12`, `1999`) takes its first day. */
export function fullDate(date: string): string {
  return [...date.split('-'), '01', '01'].slice(0, 3).join('-');
}

/**
 * The two pages of one document: on `zh` the Chinese title, summary and body; on `en` the
 * English title and summary, and the translation's body when there is one, else the Chinese.
 */
export function convertDocument(doc: Document, body: string, translation?: string): HugoFile[] {
  const people = [...new Set([...(doc.speaker ? [doc.speaker] : []), ...doc.people])];
  return HUGO_LANGUAGES.map((lang) => ({
    path: `content/${lang}/documents/${doc.id}.md`,
    text: page(
      {
        title: pick(doc.title, lang),
        date: fullDate(doc.date),
        date_text: doc.date,
        description: pick(doc.summary, lang),
        ...(doc.meeting ? { meeting: pick(doc.meeting, lang) } : {}),
        source: pick(doc.source.site, lang),
        enterprises: doc.enterprises,
        directives: doc.directives,
        people,
        years: [doc.date.slice(0, 4)],
        doctypes: [doc.type],
        regions: doc.region ? [doc.region.province.en] : [],
      },
      lang === 'en' && translation !== undefined ? translation : body,
    ),
  }));
}

/** The term pages of one entity (`content/<lang>/<taxonomy>/<id>/_index.md`): its name and description. */
export function convertEntity(
  taxonomy: EntityTaxonomy,
  entity: { id: string; name: { zh: string; en: string }; description?: { zh: string; en: string } },
): HugoFile[] {
  return HUGO_LANGUAGES.map((lang) => ({
    path: `content/${lang}/${taxonomy}/${entity.id}/_index.md`,
    text: page({ title: pick(entity.name, lang) }, entity.description ? `${pick(entity.description, lang)}\n` : ''),
  }));
}

const pick = (text: { zh: string; en: string }, lang: Lang) => (lang === 'en' && text.en ? text.en : text.zh);

const ENTITY_SCHEMAS = { enterprises: enterpriseSchema, directives: directiveSchema, people: personSchema };

/** Reads one Markdown file of the archive. */
function readMarkdown(path: string): SplitFile {
  const split = splitFrontmatter(readFileSync(path, 'utf8'));
  if (!('yaml' in split)) throw new Error(`${path}: no frontmatter`);
  return split;
}

/** Converts a content folder (ours) into a Hugo site in `site`; returns how many documents it converted. */
export function writeHugoSite(contentDir: string, site: string): number {
  const write = (file: HugoFile) => {
    mkdirSync(dirname(join(site, file.path)), { recursive: true });
    writeFileSync(join(site, file.path), file.text);
  };
  hugoScaffold().forEach(write);
  for (const taxonomy of ENTITY_TAXONOMIES) {
    for (const name of readdirSync(join(contentDir, taxonomy)).filter((file) => file.endsWith('.md'))) {
      const entity = ENTITY_SCHEMAS[taxonomy].parse(parseYaml(readMarkdown(join(contentDir, taxonomy, name)).yaml));
      convertEntity(taxonomy, entity).forEach(write);
    }
  }
  const names = readdirSync(join(contentDir, 'documents'));
  const translated = new Set(names.filter((name) => name.endsWith('.en.md')));
  let count = 0;
  for (const name of names.filter((file) => file.endsWith('.md') && !file.endsWith('.en.md'))) {
    const { yaml, body } = readMarkdown(join(contentDir, 'documents', name));
    const doc = documentSchema.parse(parseYaml(yaml));
    if (doc.status !== 'published') continue;
    const translationName = name.replace(/\.md$/, '.en.md');
    const translation = translated.has(translationName)
      ? readMarkdown(join(contentDir, 'documents', translationName)).body
      : undefined;
    convertDocument(doc, body, translation).forEach(write);
    count += 1;
  }
  return count;
}
