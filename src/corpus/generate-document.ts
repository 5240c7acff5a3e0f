import { createHash } from 'node:crypto';
import type { DocumentType, Region } from '../schema/index.ts';
import { composeBody, drawBodyLength } from './compose-body.ts';
import { createRandom, mixSeed, type Random } from './create-random.ts';
import type { Script, SentencePools } from './extract-sentence-pools.ts';
import { formatFrontmatter, type FrontmatterValue } from './format-frontmatter.ts';
import type { SyntheticDirective } from './generate-directives.ts';
import type { SyntheticEnterprise } from './generate-enterprises.ts';
import type { SyntheticPerson } from './generate-people.ts';
import { ENGLISH_PHRASES, type Phrases } from './list-phrases.ts';
import { SOURCE_SITES, TOPICS } from './vocabulary.ts';

/** One file of a synthetic archive, its path relative to the archive root. */
export interface CorpusFile {
  path: string;
  text: string;
}

/** Everything a document is made from; shared by all documents of a corpus. */
export interface DocumentContext {
  seed: number;
  pools: SentencePools;
  enterprises: readonly SyntheticEnterprise[];
  directives: readonly SyntheticDirective[];
  people: readonly SyntheticPerson[];
  phrases: Record<Script, Phrases>;
  /** Chinese text in the given script (converted once per distinct text and remembered). */
  toScript: (text: string, script: Script) => string;
}

const TYPE_WEIGHTS = [
  ['speech', 40],
  ['report', 15],
  ['news', 20],
  ['exchange', 10],
  ['notice', 10],
  ['other', 5],
] as const satisfies readonly (readonly [DocumentType, number])[];
const ENTERPRISE_COUNTS = [
  [1, 25],
  [2, 30],
  [3, 25],
  [4, 12],
  [5, 8],
] as const;
const DIRECTIVE_COUNTS = [
  [0, 20],
  [1, 30],
  [2, 25],
  [3, 15],
  [4, 10],
] as const;
const OTHER_PEOPLE_COUNTS = [
  [0, 40],
  [1, 30],
  [2, 20],
  [3, 10],
] as const;
/** About one document in six is in traditional script, one in ten translated. */
export const TRADITIONAL_SHARE = 1 / 6;
export const TRANSLATED_SHARE = 0.1;

const DAY_MS = 86_400_000;
const FIRST_RETRIEVAL = Date.UTC(2012, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY_MS;

/**
 * Makes document number `index` (0-based) of a corpus, and its translation when it has one.
 * Each document draws from its own seed, so a document does not depend on the ones before it.
 */
export function generateDocument(index: number, context: DocumentContext): CorpusFile[] {
  const random = createRandom(mixSeed(context.seed, index + 1));
  const type = random.pickWeighted(TYPE_WEIGHTS);
  const script: Script = random.chance(TRADITIONAL_SHARE) ? 'zh-Hant' : 'zh-Hans';
  const translated = random.chance(TRANSLATED_SHARE);
  const phrases = context.phrases[script];
  const toScript = (text: string): string => context.toScript(text, script);
  const when = drawDate(random);
  const id = `${when.date}-synthetic-${String(index + 1).padStart(6, '0')}`;

  const enterprises = pickDistinct(random, context.enterprises, random.pickWeighted(ENTERPRISE_COUNTS));
  const directives = pickDistinct(random, context.directives, random.pickWeighted(DIRECTIVE_COUNTS));
  const speaker =
    type === 'speech' || (type === 'exchange' && random.chance(0.5))
      ? context.people[random.skewedIndex(context.people.length)]
      : undefined;
  const people = pickDistinct(random, context.people, random.pickWeighted(OTHER_PEOPLE_COUNTS), speaker);

  const main = enterprises[0]!;
  const org = main.forms[script][0]!;
  const orgEn = main.data.name.en;
  const topicIndex = random.int(0, TOPICS.length - 1);
  const topic = phrases.topics[topicIndex]!;
  const topicEn = TOPICS[topicIndex]![2];
  const fill = (template: string, name: string, subject: string): string =>
    template.replace('{org}', () => name).replace('{topic}', () => subject);
  const title = {
    zh: fill(phrases.titles[type], org, topic),
    en: capitalise(fill(ENGLISH_PHRASES.titles[type], orgEn, topicEn)),
  };
  const sentences = context.pools.sentences[script];
  const mentions = listMentions(random, phrases, script, enterprises, directives, people);
  const { body, translation } = composeBody(
    {
      script,
      target: drawBodyLength(random),
      mentions,
      salutation: type === 'speech' ? phrases.salutation : undefined,
      translate: translated,
    },
    context.pools,
    random,
  );

  const inScript = (text: { zh: string; en: string }) => ({ zh: toScript(text.zh), en: text.en });
  const region: Region = main.data.region!;
  const data: Record<string, FrontmatterValue> = {
    id,
    status: 'published',
    type,
    title,
    subtitle:
      type === 'speech' && random.chance(0.08)
        ? { zh: random.pick(context.pools.headings[script]), en: random.pick(context.pools.englishHeadings) }
        : undefined,
    summary: {
      zh: `${title.zh}。${random.pick(sentences)}${random.pick(sentences)}`.replace(/；$/, '。'),
      en: drawEnglishSummary(random, context.pools.english),
    },
    date: when.date,
    date_precision: when.precision,
    date_basis: when.basis,
    date_note:
      when.basis === 'inferred'
        ? { zh: phrases.dateNotes[when.precision], en: ENGLISH_PHRASES.dateNotes[when.precision] }
        : undefined,
    published: when.precision === 'day' && random.chance(0.5) ? formatDay(when.day + random.int(0, 20)) : undefined,
    speaker: speaker?.data.id,
    speaker_role: speaker && random.chance(0.7) ? inScript(speaker.role) : undefined,
    meeting:
      type === 'speech' || type === 'exchange' || (type === 'news' && random.chance(0.5))
        ? { zh: fill(phrases.meeting, org, topic), en: capitalise(fill(ENGLISH_PHRASES.meeting, orgEn, topicEn)) }
        : undefined,
    region: {
      province: inScript(region.province),
      city: region.city ? inScript(region.city) : undefined,
      basis: random.chance(0.5) ? 'stated' : 'inferred',
    },
    script,
    enterprises: enterprises.map((e) => e.data.id),
    directives: directives.map((d) => d.data.id),
    people: people.map((p) => p.data.id),
    source: drawSource(random, main, org, when.day, body, toScript),
    notes: { zh: phrases.syntheticNote, en: ENGLISH_PHRASES.syntheticNote },
  };
  const files = [{ path: `documents/${id}.md`, text: `${formatFrontmatter(data)}\n${body}` }];
  if (translation !== undefined) {
    const header = formatFrontmatter({
      id,
      translator: ENGLISH_PHRASES.translator,
      note: ENGLISH_PHRASES.translationNote,
    });
    files.push({ path: `documents/${id}.en.md`, text: `${header}\n${translation}` });
  }
  return files;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A date between 1995 and 2025, mostly to the day; month- and year-only dates mostly inferred. */
function drawDate(random: Random): {
  date: string;
  precision: 'day' | 'month' | 'year';
  basis: 'stated' | 'inferred';
  day: number;
} {
  const year = random.int(1995, 2025);
  const month = random.int(1, 12);
  const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const precision = random.pickWeighted([
    ['day', 85],
    ['month', 10],
    ['year', 5],
  ] as const);
  const basis = random.chance(precision === 'day' ? 0.1 : 0.7) ? 'inferred' : 'stated';
  const start = Date.UTC(year, precision === 'year' ? 0 : month - 1, precision === 'day' ? day : 1) / DAY_MS;
  const full = formatDay(start);
  const date = precision === 'day' ? full : precision === 'month' ? full.slice(0, 7) : full.slice(0, 4);
  return { date, precision, basis, day: start };
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `n` distinct items (fewer if the list is shorter), skewed towards the front, after `first`. */
function pickDistinct<T>(random: Random, list: readonly T[], n: number, first?: T): T[] {
  const chosen = new Set<T>(first === undefined ? [] : [first]);
  const want = Math.min(list.length, n + chosen.size);
  while (chosen.size < want) chosen.add(list[random.skewedIndex(list.length)]!);
  return [...chosen];
}

/** Sentences naming each listed entity at least once (the main enterprise two or three times). */
function listMentions(
  random: Random,
  phrases: Phrases,
  script: Script,
  enterprises: readonly SyntheticEnterprise[],
  directives: readonly SyntheticDirective[],
  people: readonly SyntheticPerson[],
): string[] {
  const sentence = (templates: readonly string[], name: string): string =>
    random.pick(templates).replace('{}', () => name);
  // The full name first, then the short forms a text uses once the name is known.
  const nameOf = (forms: readonly string[], nth: number): string =>
    nth === 0 || forms.length === 1 ? forms[0]! : random.pick(forms.slice(1));
  const mentions: string[] = [];
  enterprises.forEach((enterprise, i) => {
    const times = i === 0 ? random.int(2, 3) : random.int(1, 2);
    for (let nth = 0; nth < times; nth += 1) {
      mentions.push(sentence(phrases.enterpriseMentions, nameOf(enterprise.forms[script], nth)));
    }
  });
  for (const directive of directives) {
    const [open, close] = directive.quotes;
    const name = nameOf(directive.forms[script], random.chance(0.6) ? 0 : 1);
    mentions.push(sentence(phrases.directiveMentions, `${open}${name}${close}`));
  }
  for (const person of people) {
    mentions.push(sentence(phrases.personMentions, nameOf(person.forms[script], random.chance(0.7) ? 0 : 1)));
  }
  for (let i = mentions.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [mentions[i], mentions[j]] = [mentions[j]!, mentions[i]!];
  }
  return mentions;
}

/** An English summary of 80–150 words made of whole sentences from the real translations. */
function drawEnglishSummary(random: Random, english: readonly string[]): string {
  const parts: string[] = [];
  let words = 0;
  for (let attempt = 0; attempt < 500 && words < 80; attempt += 1) {
    const sentence = random.pick(english);
    const count = sentence.split(/\s+/).length;
    if (count > 60 || words + count > 150 || parts.includes(sentence)) continue;
    parts.push(sentence);
    words += count;
  }
  return parts.join(' ');
}

function drawSource(
  random: Random,
  main: SyntheticEnterprise,
  org: string,
  day: number,
  body: string,
  toScript: (text: string) => string,
): Record<string, FrontmatterValue> {
  const first = Math.max(day + 1, FIRST_RETRIEVAL);
  const retrieved = formatDay(first + random.int(0, Math.max(0, LAST_DAY - first)));
  const sha256 = createHash('sha256').update(body).digest('hex');
  if (random.chance(0.35)) {
    return {
      site: { zh: toScript(`${main.data.name.zh}网站`), en: `Website of ${main.data.name.en}` },
      publisher: { zh: org, en: main.data.name.en },
      retrieved,
      sha256,
    };
  }
  const site = random.pick(SOURCE_SITES);
  return {
    site: { zh: toScript(site.zh), en: site.en },
    url: site.url,
    publisher: site.publisher ? { zh: toScript(site.publisher.zh), en: site.publisher.en } : undefined,
    retrieved,
    sha256,
  };
}
