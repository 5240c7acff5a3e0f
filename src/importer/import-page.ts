import { createHash } from 'node:crypto';
import type { DocumentInput, DocumentType, ReviewCandidate } from '../schema/document.ts';
import type { Region } from '../schema/index.ts';
import type { Encoding } from './decode.ts';
import { detectScript } from './detect-script.ts';
import { formatDraft } from './draft.ts';
import { extractDates, findPartyCongress } from './extract-date.ts';
import { extractRegion } from './extract-region.ts';
import { extractSource, nameSource } from './extract-source.ts';
import { extractSpeaker } from './extract-speaker.ts';
import { extractTitle, splitGluedHeader } from './extract-title.ts';
import { classifyType } from './extract-type.ts';
import { findCandidates } from './find-candidates.ts';
import { findMojibake, looksGarbled } from './find-mojibake.ts';
import { findRedactions } from './find-redactions.ts';
import { ImportError } from './import-error.ts';
import { readBinaryFile } from './read-binary.ts';
import { readPage, type ConvertedFile } from './read-page.ts';
import { findMentions } from '../lib/find-mentions.ts';
import { linkEntities, linkLocalReferences, regionFromEntities, type EntityIndex } from './link.ts';
import { createSlug } from './slug.ts';
import { plainText, structureBody } from './structure.ts';

/** What the run knows beyond the file: the entities of the content tree, and where the file came from. */
export interface ImportContext {
  index: EntityIndex;
  /** The day the page was saved (e.g. the file's modification day), for source.retrieved. */
  retrieved?: string;
  /** Where the file came from, when a manifest says so (`--manifest`): repository, original URL, licence. */
  provenance?: Provenance;
}

/** A raw file's origin as a manifest records it. */
export interface Provenance {
  repository?: { url: string; commit: string; path: string };
  url?: string;
  licence?: { zh: string; en: string };
}

/** One line of the `--json` output: what was found in one file. */
export interface ImportReport {
  file: string;
  ok: boolean;
  encoding: Encoding | null;
  id: string | null;
  title: string | null;
  subtitle: string | null;
  type: DocumentType | null;
  /** Why the type is what it is: the clue in the title or the text. */
  type_reason: string | null;
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | null;
  date_basis: 'stated' | 'inferred' | null;
  /** The words of the text or page the date was read from; null when the draft has no date. */
  date_evidence: string | null;
  published: string | null;
  uploaded: string | null;
  speaker: string | null;
  speaker_name: string | null;
  speaker_role: string | null;
  meeting: string | null;
  script: 'zh-Hans' | 'zh-Hant' | null;
  region: { province: string; city: string | null } | null;
  source_url: string | null;
  redacted: boolean;
  enterprises: string[];
  directives: string[];
  people: string[];
  candidates: ReviewCandidate[];
  body_first_line: string | null;
  body_last_line: string | null;
  warnings: string[];
  error: string | null;
}

/** A page turned into a draft, or the reason it could not be. */
export interface ImportOutcome {
  report: ImportReport;
  /** The draft file's content and its frontmatter, when the import succeeded. */
  draft?: { id: string; markdown: string; frontmatter: DocumentInput };
}

const EMPTY_REPORT: Omit<ImportReport, 'file'> = {
  ok: false,
  encoding: null,
  id: null,
  title: null,
  subtitle: null,
  type: null,
  type_reason: null,
  date: null,
  date_precision: null,
  date_basis: null,
  date_evidence: null,
  published: null,
  uploaded: null,
  speaker: null,
  speaker_name: null,
  speaker_role: null,
  meeting: null,
  script: null,
  region: null,
  source_url: null,
  redacted: false,
  enterprises: [],
  directives: [],
  people: [],
  candidates: [],
  body_first_line: null,
  body_last_line: null,
  warnings: [],
  error: null,
};

/**
 * Imports one raw page: decode, clean, structure, extract, link, and compose the draft. Never
 * throws for a bad file: the report says `ok: false` and why, so a batch can go on.
 */
export function importPage(
  bytes: Uint8Array,
  file: string,
  context: ImportContext,
  converted?: ConvertedFile,
): ImportOutcome {
  try {
    return buildDraft(bytes, file, context, converted);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { report: failureReport(file, `${file}: ${error.message}`) };
  }
}

/**
 * Imports any file the importer reads: text in any of its encodings, a saved web page, or a
 * Word file (read first through mammoth). A PDF is refused with what to do.
 */
export async function importFile(bytes: Uint8Array, file: string, context: ImportContext): Promise<ImportOutcome> {
  let converted: ConvertedFile | undefined;
  try {
    converted = await readBinaryFile(bytes);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { report: failureReport(file, `${file}: ${error.message}`) };
  }
  return importPage(bytes, file, context, converted);
}

/** The report of a file that could not be imported: every field empty, and the reason. */
export function failureReport(file: string, error: string): ImportReport {
  return { file, ...EMPTY_REPORT, error };
}

function summarise(paragraphs: readonly string[]): string {
  const opening = paragraphs.find((p) => p.length >= 30) ?? paragraphs[0] ?? '';
  const sentences = opening.match(/[^。！？]+[。！？]?/g) ?? [opening];
  let summary = '';
  for (const sentence of sentences) {
    if (summary.length > 0 && summary.length + sentence.length > 150) break;
    summary += sentence;
  }
  return summary.length > 200 ? `${summary.slice(0, 200)}…` : summary;
}

function buildDraft(bytes: Uint8Array, file: string, context: ImportContext, converted?: ConvertedFile): ImportOutcome {
  const { encoding, page, warnings } = readPage(bytes, converted);
  if (page.pinyinRemoved > 0) warnings.push(`removed ${page.pinyinRemoved} pinyin syllables glued after characters`);

  const paragraphs = splitGluedHeader(page.paragraphs);
  const titleInfo = extractTitle(paragraphs, page.above);
  warnings.push(...titleInfo.warnings);
  const header = paragraphs.slice(0, titleInfo.headerLength);
  const bodyParagraphs = paragraphs.filter((_, i) => !titleInfo.dropFromBody.includes(i));
  const bodyText = bodyParagraphs.join('\n');
  const script = detectScript(bodyText);
  const pageLines = [...page.above, ...page.below];
  const titles = [titleInfo.title, ...(titleInfo.pageTitle ? [titleInfo.pageTitle] : [])];
  // A headline the importer composed from the lead says nothing of the type: the text decides.
  const typeTitles = titleInfo.basis === 'composed' || titleInfo.basis === 'first-line' ? titles.slice(1) : titles;
  const typeInfo = classifyType(typeTitles, bodyParagraphs);
  if (typeInfo.type === 'other') warnings.push(`type: ${typeInfo.reason}`);
  const dates = extractDates({ header, paragraphs, pageLines, titles: [...titles, ...header], type: typeInfo.type });
  warnings.push(...dates.warnings);
  const congress = findPartyCongress(header, bodyParagraphs.slice(0, 4));
  const meeting = titleInfo.meeting ?? congress?.meeting;
  // The text a Party Congress is given in its opening (or that a collection labels 十二大) is its report.
  if (
    congress &&
    (typeInfo.type === 'other' ||
      (typeInfo.type === 'speech' && !/讲话|講話|致辞|致辭|发言|發言/.test(titleInfo.title)))
  ) {
    typeInfo.type = 'report';
    typeInfo.reason = `the text is the report to the ${congress.meeting} ("${congress.evidence}")`;
  }

  const linkText = `${titles.join('\n')}\n${bodyText}`;
  const byName = linkEntities(linkText, context.index);
  const region: Region | undefined = regionFromEntities(byName, context.index) ?? extractRegion(bodyText, script);
  // 市国资委 in a text of Jinan is Jinan's SASAC: resolved through the region, and said so.
  const local = linkLocalReferences(linkText, region, byName.mentions, context.index);
  const linked = local.length > 0 ? linkEntities(linkText, context.index, local) : byName;
  for (const name of new Set(local.map((m) => `${m.text} → ${m.id}`))) {
    warnings.push(`linked ${name} through the text's region: check it`);
  }
  const speaker = extractSpeaker(header, titles, context.index.people);
  warnings.push(...speaker.warnings);
  if (!speaker.name && typeInfo.type === 'speech')
    warnings.push('the speaker is not named: give speaker_role if the text tells the office');
  const people = [...new Set([...(speaker.id ? [speaker.id] : []), ...linked.people])];
  // The text quoting its own title in 《》 is not a new directive.
  const ownTitle = titleInfo.title.replace(/[\s,，、]/g, '');
  const bodyMentions = findMentions(bodyText, context.index.matcher);
  const candidates = findCandidates(bodyText, [
    ...bodyMentions,
    ...linkLocalReferences(bodyText, region, bodyMentions, context.index),
  ]).filter((c) => c.name.replace(/[《》\s,，、]/g, '') !== ownTitle);
  const source = extractSource(pageLines, page.paragraphs[0] ?? '');
  if (!region) warnings.push('no region found: add one if the text tells where it belongs');
  const redactions = findRedactions(`${titles.join('\n')}\n${bodyText}`);
  const mojibake = findMojibake(bodyText);
  for (const m of mojibake)
    warnings.push(
      `mojibake kept in the body: "${m.text}" (${m.kind}); describe it in source.defects or restore it from a better source`,
    );
  if (looksGarbled(bodyText))
    warnings.push(
      'the text is mostly rare characters: it may be decoded with the wrong encoding or garbled at the source',
    );
  const lostInChrome = findMojibake(pageLines.join('\n'));
  if (lostInChrome.length > 0)
    warnings.push(
      `mojibake in the removed page chrome (${lostInChrome.map((m) => m.text).join(', ')}): the text itself is clean of it`,
    );

  // The slug names the enterprise the title names, by its id (an English slug), when known.
  const titleMention = linkEntities(titleInfo.title, context.index).mentions.find(
    (m) => m.collection === 'enterprises',
  );
  const id = createSlug({
    date: dates.date,
    // 在X上的讲话 is named by X; other titles by their own words.
    title: titleInfo.title.replace(/^在(.+?)上的.{1,6}$/, '$1'),
    type: typeInfo.type,
    ...(titleMention ? { entitySlug: titleMention.id, entityText: titleMention.text } : {}),
    ...(region?.city?.en ? { place: region.city.en } : {}),
  });
  const named = nameSource(source, context.index);
  const { publisher } = named;
  // A file taken from a public repository names its site by the repository when the page does not.
  const repositoryName = context.provenance?.repository?.url.replace(/^https?:\/\/(?:www\.)?github\.com\//, '');
  const site =
    source.kind === 'unknown' && repositoryName
      ? { zh: `代码仓库 ${repositoryName}`, en: `Repository ${repositoryName}` }
      : named.site;
  const provenance = context.provenance ?? {};
  if (source.kind === 'unknown' && !repositoryName)
    warnings.push('the page does not name its site: fill in source.site and source.url');

  const defects = [
    ...(dates.defect ? [dates.defect] : []),
    ...mojibake.map((m) => ({
      text: m.text,
      note: {
        zh: m.kind === 'shifted' ? '乱码（字节错位）。' : '乱码。',
        en: m.kind === 'shifted' ? 'Mojibake (a byte shift in decoding).' : 'Mojibake.',
      },
    })),
  ];
  const frontmatter: DocumentInput = {
    id,
    status: 'draft',
    type: typeInfo.type,
    title: { zh: titleInfo.title, en: '' },
    ...(titleInfo.subtitle ? { subtitle: { zh: titleInfo.subtitle, en: '' } } : {}),
    summary: { zh: summarise(bodyParagraphs), en: '' },
    ...(dates.date ? { date: dates.date, date_precision: dates.precision, date_basis: dates.basis } : {}),
    ...(dates.note ? { date_note: dates.note } : {}),
    ...(dates.published ? { published: dates.published } : {}),
    ...(dates.uploaded ? { uploaded: dates.uploaded } : {}),
    ...(speaker.id ? { speaker: speaker.id } : {}),
    ...(speaker.role
      ? { speaker_role: { zh: speaker.role, en: '' } }
      : !speaker.id && speaker.name
        ? { speaker_role: { zh: speaker.name, en: speaker.nameEn ?? '' } }
        : {}),
    ...(meeting ? { meeting: { zh: meeting, en: '' } } : {}),
    ...(region ? { region } : {}),
    script,
    enterprises: linked.enterprises,
    directives: linked.directives,
    people,
    source: {
      site,
      ...(provenance.url ? { url: provenance.url } : source.url ? { url: source.url } : {}),
      ...(publisher ? { publisher } : {}),
      ...(context.retrieved ? { retrieved: context.retrieved } : {}),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      ...(redactions.length > 0
        ? {
            redacted: true,
            redaction_note: {
              zh: `原文隐去了部分名称或日期（${redactions.join('、')}）。`,
              en: `The source hides some names or dates (${redactions.join(', ')}).`,
            },
          }
        : {}),
      ...(defects.length > 0 ? { defects } : {}),
      ...(provenance.repository ? { repository: provenance.repository } : {}),
      ...(provenance.licence ? { licence: provenance.licence } : {}),
    },
    review: {
      warnings: [`summary: the opening of the text stands in for a summary; write one (zh and en)`, ...warnings],
      candidates,
    },
  };
  const markdown = formatDraft(frontmatter, structureBody(bodyParagraphs));
  const firstLine = bodyParagraphs[0] ?? '';
  const lastLine = bodyParagraphs.at(-1) ?? '';
  const report: ImportReport = {
    file,
    ok: true,
    encoding,
    id,
    title: titleInfo.title,
    subtitle: titleInfo.subtitle ?? null,
    type: typeInfo.type,
    type_reason: typeInfo.reason,
    date: dates.date ?? null,
    date_precision: dates.precision ?? null,
    date_basis: dates.basis ?? null,
    date_evidence: dates.evidence ?? null,
    published: dates.published ?? null,
    uploaded: dates.uploaded ?? null,
    speaker: speaker.id ?? null,
    speaker_name: speaker.name ?? null,
    speaker_role: speaker.role ?? null,
    meeting: meeting ?? null,
    script,
    region: region ? { province: region.province.zh, city: region.city?.zh ?? null } : null,
    source_url: provenance.url ?? source.url ?? null,
    redacted: redactions.length > 0,
    enterprises: linked.enterprises,
    directives: linked.directives,
    people,
    candidates,
    body_first_line: plainText(firstLine),
    body_last_line: plainText(lastLine),
    warnings,
    error: null,
  };
  return { report, draft: { id, markdown, frontmatter } };
}
