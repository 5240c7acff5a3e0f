import {
  createMentionMatcher,
  findMentions,
  type AliasEntry,
  type Mention,
  type MentionMatcher,
} from '../lib/find-mentions.ts';
import type { Directive, Enterprise, Person, Region } from '../schema/index.ts';
import { toSimplified } from '../lib/script-convert.ts';
import type { PersonEntry } from './extract-speaker.ts';

/** What the importer knows from the content tree: every entity and one matcher over their names. */
export interface EntityIndex {
  matcher: MentionMatcher;
  enterprises: Map<string, Enterprise>;
  directives: Map<string, Directive>;
  people: PersonEntry[];
}

/** Builds the index once per run from the content tree's entities (names and aliases, both scripts). */
export function createEntityIndex(entries: {
  enterprises: readonly Enterprise[];
  directives: readonly Directive[];
  people: readonly Person[];
}): EntityIndex {
  const aliases: AliasEntry[] = [];
  const add = (collection: AliasEntry['collection'], id: string, names: readonly string[]): void => {
    for (const alias of names) aliases.push({ alias, collection, id });
  };
  for (const e of entries.enterprises) add('enterprises', e.id, [e.name.zh, ...e.aliases]);
  for (const d of entries.directives) add('directives', d.id, [d.name.zh, ...d.aliases]);
  for (const p of entries.people) add('people', p.id, [p.name.zh, ...p.aliases]);
  return {
    matcher: createMentionMatcher(aliases),
    enterprises: new Map(entries.enterprises.map((e) => [e.id, e])),
    directives: new Map(entries.directives.map((d) => [d.id, d])),
    people: entries.people.map((p) => ({ id: p.id, names: [p.name.zh, ...p.aliases] })),
  };
}

/** The known entities a text names, by collection, in order of first mention, with counts. */
export interface LinkedEntities {
  enterprises: string[];
  directives: string[];
  people: string[];
  counts: Map<string, number>;
  mentions: Mention[];
}

/**
 * Finds every known entity named in `text` (longest alias first, either script), plus `extra`
 * mentions found otherwise (names resolved through the region).
 */
export function linkEntities(text: string, index: EntityIndex, extra: readonly Mention[] = []): LinkedEntities {
  const mentions = [...findMentions(text, index.matcher), ...extra].sort((a, b) => a.start - b.start);
  const lists = { enterprises: [] as string[], directives: [] as string[], people: [] as string[] };
  const counts = new Map<string, number>();
  for (const mention of mentions) {
    const key = `${mention.collection}/${mention.id}`;
    if (!counts.has(key)) lists[mention.collection].push(mention.id);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { ...lists, counts, mentions };
}

/** The region most of the linked enterprises share (by mentions), if any has one. */
export function regionFromEntities(linked: LinkedEntities, index: EntityIndex): Region | undefined {
  const votes = new Map<string, { region: Region; count: number }>();
  for (const id of linked.enterprises) {
    const region = index.enterprises.get(id)?.region;
    if (!region) continue;
    const key = `${region.province.zh}/${region.city?.zh ?? ''}`;
    const count = linked.counts.get(`enterprises/${id}`) ?? 0;
    const vote = votes.get(key) ?? { region, count: 0 };
    vote.count += count;
    votes.set(key, vote);
  }
  const best = [...votes.values()].sort((a, b) => b.count - a.count)[0];
  if (!best) return undefined;
  const { province, city } = best.region;
  return { province, ...(city ? { city } : {}), basis: 'inferred' };
}

const LEVEL_PREFIX: Record<string, 'city' | 'province'> = { 市: 'city', 省: 'province' };

/**
 * Resolves names a text gives without their place (市国资委, 市委, 省國資委) to the entity of
 * the text's region (济南市国资委), when the content tree knows one by that full name. Only
 * places not already inside a mention are tried; the longest known name wins.
 */
export function linkLocalReferences(
  text: string,
  region: Region | undefined,
  known: readonly Mention[],
  index: EntityIndex,
): Mention[] {
  if (!region) return [];
  const places = {
    city: region.city ? toSimplified(region.city.zh).replace(/市$/, '') : undefined,
    province: toSimplified(region.province.zh).replace(/省$/, ''),
  };
  const covered = new Uint8Array(text.length);
  for (const m of known) covered.fill(1, m.start, m.end);
  const found: Mention[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const level = LEVEL_PREFIX[text[i]!];
    const place = level ? places[level] : undefined;
    if (!place || covered[i]) continue;
    for (let length = 8; length >= 1; length -= 1) {
      const written = text.slice(i, i + 1 + length);
      const entry = index.matcher.byForm.get(toSimplified(place + written));
      if (entry && written.length === 1 + length) {
        found.push({ ...entry, start: i, end: i + written.length, text: written });
        i += written.length - 1;
        break;
      }
    }
  }
  return found;
}
