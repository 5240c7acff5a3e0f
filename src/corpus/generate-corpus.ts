import { toTraditional } from '../lib/script-convert.ts';
import { createRandom } from './create-random.ts';
import type { Script, SentencePools } from './extract-sentence-pools.ts';
import { formatFrontmatter, type FrontmatterValue } from './format-frontmatter.ts';
import { generateDirectives, type SyntheticDirective } from './generate-directives.ts';
import { generateDocument, type CorpusFile, type DocumentContext } from './generate-document.ts';
import { generateEnterprises, type SyntheticEnterprise } from './generate-enterprises.ts';
import { generatePeople, type SyntheticPerson } from './generate-people.ts';
import { listPhrases, type Phrases } from './list-phrases.ts';
import { listPlaces } from './list-places.ts';
import { createNameRegistry } from './name-registry.ts';

export type { CorpusFile } from './generate-document.ts';

/** How big a corpus to make, and from which seed. */
export interface CorpusOptions {
  /** How many documents. */
  docs: number;
  /** The seed of every random choice: the same options give byte-identical files. */
  seed: number;
}

/** How many entities of each kind a corpus of `docs` documents has. */
export interface EntityPoolSizes {
  enterprises: number;
  directives: number;
  people: number;
}

/** The synthetic entities of a corpus. */
export interface EntityPools {
  enterprises: SyntheticEnterprise[];
  directives: SyntheticDirective[];
  people: SyntheticPerson[];
}

/**
 * Entity pools grow with the archive, as a real one does: about 3% of the document count in
 * enterprises, 1.5% in directives and 2% in people (300, 150 and 200 at 10,000 documents),
 * never fewer than 20, 10 and 10.
 */
export function sizeEntityPools(docs: number): EntityPoolSizes {
  return {
    enterprises: Math.max(20, Math.round(docs * 0.03)),
    directives: Math.max(10, Math.round(docs * 0.015)),
    people: Math.max(10, Math.round(docs * 0.02)),
  };
}

/**
 * Makes the entities of a corpus. Names and aliases are unique across all of them in both
 * scripts, and none occurs in the sentence pools or fixed phrases, so a body names only the
 * entities its document lists.
 */
export function generateEntityPools(sizes: EntityPoolSizes, seed: number, pools: SentencePools): EntityPools {
  const random = createRandom(seed);
  const registry = createNameRegistry(listReservedText(pools, listPhrases()));
  const enterprises = generateEnterprises(sizes.enterprises, listPlaces(), random, registry);
  const directives = generateDirectives(sizes.directives, enterprises, random, registry);
  const people = generatePeople(sizes.people, enterprises, random, registry);
  return { enterprises, directives, people };
}

/**
 * Generates a synthetic archive one file at a time: enterprises, directives and people first,
 * then each document followed by its translation, if it has one. Paths are relative to the
 * archive root (`documents/<id>.md`). Nothing is kept after it is yielded, so 100,000
 * documents fit in memory as easily as 100.
 */
export function* generateCorpus(options: CorpusOptions, pools: SentencePools): Generator<CorpusFile> {
  if (pools.sentences['zh-Hans'].length === 0 || pools.english.length === 0 || pools.englishHeadings.length === 0) {
    throw new Error('the sentence pools are empty: generate from an archive with Chinese documents and translations');
  }
  const entities = generateEntityPools(sizeEntityPools(options.docs), options.seed, pools);
  for (const { data } of entities.enterprises) yield entityFile('enterprises', data);
  for (const { data } of entities.directives) yield entityFile('directives', data);
  for (const { data } of entities.people) yield entityFile('people', data);
  const traditional = new Map<string, string>();
  const context: DocumentContext = {
    seed: options.seed,
    pools,
    ...entities,
    phrases: listPhrases(),
    toScript: (text, script) => {
      if (script === 'zh-Hans') return text;
      let converted = traditional.get(text);
      if (converted === undefined) traditional.set(text, (converted = toTraditional(text)));
      return converted;
    },
  };
  for (let index = 0; index < options.docs; index += 1) yield* generateDocument(index, context);
}

function entityFile(folder: string, data: { id: string }): CorpusFile {
  return {
    path: `${folder}/${data.id}.md`,
    text: formatFrontmatter(data as unknown as Record<string, FrontmatterValue>),
  };
}

/** All text a body may contain besides entity names, in both scripts. */
function listReservedText(pools: SentencePools, phrases: Record<Script, Phrases>): string {
  const scripts: Script[] = ['zh-Hans', 'zh-Hant'];
  return scripts
    .flatMap((script) => [
      ...pools.sentences[script],
      ...pools.headings[script],
      ...phrases[script].enterpriseMentions,
      ...phrases[script].directiveMentions,
      ...phrases[script].personMentions,
      phrases[script].salutation,
    ])
    .join('\n');
}
