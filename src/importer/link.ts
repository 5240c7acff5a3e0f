import {
  createMentionMatcher,
  findMentions,
  type AliasEntry,
  type Mention,
  type MentionMatcher,
} from '../lib/find-mentions.ts';
import type { Directive, Enterprise, Person, Region } from '../schema/index.ts';
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

/** Finds every known entity named in `text` (longest alias first, either script). */
export function linkEntities(text: string, index: EntityIndex): LinkedEntities {
  const mentions = findMentions(text, index.matcher);
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
