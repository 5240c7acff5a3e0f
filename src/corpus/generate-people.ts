import type { Person } from '../schema/index.ts';
import type { Random } from './create-random.ts';
import type { Script } from './extract-sentence-pools.ts';
import type { SyntheticEnterprise } from './generate-enterprises.ts';
import type { NameRegistry } from './name-registry.ts';
import { GIVEN_NAME_CHARACTERS, SURNAMES } from './vocabulary.ts';

/** A synthetic speaker or official, with what documents need to name them. */
export interface SyntheticPerson {
  data: Person;
  /** Forms a body may name them by, per script: full name first. */
  forms: Record<Script, string[]>;
  /** Their first office as a document gives it: 渭南市机械厂厂长 / Factory Director, Weinan Machinery Factory. */
  role: { zh: string; en: string };
}

/**
 * Makes `count` people with unique names (family name first, English in pinyin), each holding
 * one or two offices in the corpus's enterprises and agencies.
 */
export function generatePeople(
  count: number,
  enterprises: readonly SyntheticEnterprise[],
  random: Random,
  registry: NameRegistry,
): SyntheticPerson[] {
  const people: SyntheticPerson[] = [];
  const width = Math.max(4, String(count).length);
  for (let i = 0; i < count; i += 1) {
    let name = drawName(random, random.chance(0.75) ? 2 : 1);
    for (let attempt = 0; !registry.isFree(name.zh); attempt += 1) {
      name = drawName(random, attempt < 100 ? (random.chance(0.75) ? 2 : 1) : 3);
    }
    const roles = Array.from({ length: random.chance(0.3) ? 2 : 1 }, () => {
      const organisation = enterprises[random.skewedIndex(enterprises.length)]!;
      return { organisation, title: random.pick(organisation.titles), asOf: String(random.int(1995, 2025)) };
    });
    const first = roles[0]!;
    const claimed = registry.claim(
      name.zh,
      [`${name.surname}${first.title.zh}`, `${name.zh}${first.title.zh}`],
      random.int(1, 3),
    );
    const orgZh = first.organisation.data.name.zh;
    const orgEn = first.organisation.data.name.en;
    people.push({
      data: {
        id: `person-${String(i + 1).padStart(width, '0')}`,
        name: { zh: name.zh, en: name.en },
        aliases: claimed.aliases,
        roles: roles.map(({ organisation, title, asOf }) => ({
          title: { zh: title.zh, en: title.en },
          organisation: organisation.data.id,
          as_of: asOf,
        })),
        description: {
          zh: `${orgZh}${first.title.zh}（${first.asOf}年前后在任）。本条为基准测试合成数据。`,
          en: `${first.title.en} of ${orgEn} around ${first.asOf}. Synthetic entry generated for benchmarks.`,
        },
      },
      forms: claimed.forms,
      role: { zh: `${orgZh}${first.title.zh}`, en: `${first.title.en}, ${orgEn}` },
    });
  }
  return people;
}

function drawName(random: Random, length: number): { zh: string; en: string; surname: string } {
  const [surname, surnameEn] = random.pick(SURNAMES);
  const given = Array.from({ length }, () => random.pick(GIVEN_NAME_CHARACTERS));
  // Pinyin syllables are written together; an apostrophe keeps 建安 "Jian'an" readable.
  const pinyin = given
    .map(([, syllable], i) => (i > 0 && /^[aeo]/.test(syllable) ? `'${syllable}` : syllable))
    .join('');
  return {
    zh: surname + given.map(([char]) => char).join(''),
    en: `${surnameEn} ${pinyin.charAt(0).toUpperCase()}${pinyin.slice(1)}`,
    surname,
  };
}
