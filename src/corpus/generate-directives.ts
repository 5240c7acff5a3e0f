import type { Directive } from '../schema/index.ts';
import type { Random } from './create-random.ts';
import type { Script } from './extract-sentence-pools.ts';
import type { SyntheticEnterprise } from './generate-enterprises.ts';
import type { Place } from './list-places.ts';
import type { NameRegistry } from './name-registry.ts';
import { LAW_SUBJECTS, MEASURE_SUBJECTS, SLOGAN_NUMERALS, SLOGAN_VERBS, TOPICS } from './vocabulary.ts';

type Bilingual = { zh: string; en: string };

/** A synthetic directive, with what documents need to cite it. */
export interface SyntheticDirective {
  data: Directive;
  /** Forms a body may name it by, per script: full name first. */
  forms: Record<Script, string[]>;
  /** How texts quote it: 《…》 for documents, “…” for campaigns and slogans, nothing for meetings. */
  quotes: readonly [string, string];
}

interface Issuer {
  /** The issuer as directive titles begin: 渭南市国资委关于… */
  prefix: string;
  en: string;
  place: Place;
  /** The frontmatter value: an enterprise id, or a name in both languages. */
  ref: string | Bilingual;
}

interface Draft {
  name: Bilingual;
  shortForms: string[];
  kind: Directive['kind'];
  issuer: string | Bilingual;
  issued: string;
  description: Bilingual;
  quotes: readonly [string, string];
}

const KIND_WEIGHTS = [
  ['policy', 30],
  ['plan', 20],
  ['regulation', 15],
  ['campaign', 12],
  ['meeting', 8],
  ['slogan', 8],
  ['law', 7],
] as const;

const DOCUMENT_QUOTES = ['《', '》'] as const;
const PHRASE_QUOTES = ['“', '”'] as const;
const NO_QUOTES = ['', ''] as const;
const SYNTHETIC_ZH = '本条为基准测试合成数据。';
const SYNTHETIC_EN = 'Synthetic entry generated for benchmarks.';

/**
 * Makes `count` directives issued by the enterprises' agencies or by local Party committees and
 * governments of the same places. Some policies and plans belong to an earlier one (`parent`).
 */
export function generateDirectives(
  count: number,
  enterprises: readonly SyntheticEnterprise[],
  random: Random,
  registry: NameRegistry,
): SyntheticDirective[] {
  const agencies = enterprises.filter((e) => e.agency === 'sasac' || e.agency === 'government');
  const directives: SyntheticDirective[] = [];
  const width = Math.max(4, String(count).length);
  for (let i = 0; i < count; i += 1) {
    let draft: Draft | undefined;
    for (let attempt = 0; attempt < 200 && !draft; attempt += 1) {
      const issuer = chooseIssuer(agencies, enterprises, random);
      const candidate = draftDirective(random.pickWeighted(KIND_WEIGHTS), issuer, random);
      if (registry.isFree(candidate.name.zh)) draft = candidate;
    }
    // Conferences are numbered without end: 渭南市第十二次国资国企工作会议.
    for (let n = 1; !draft; n += 1) {
      const place = random.pick(enterprises).place;
      const candidate = draftNumberedMeeting(place, n, random);
      if (registry.isFree(candidate.name.zh)) draft = candidate;
    }
    const claimed = registry.claim(draft.name.zh, draft.shortForms, random.int(1, 3));
    const parents =
      (draft.kind === 'policy' || draft.kind === 'plan') && random.chance(0.15)
        ? directives.filter((d) => d.data.parent === undefined && (d.data.kind === 'policy' || d.data.kind === 'law'))
        : [];
    directives.push({
      data: {
        id: `directive-${String(i + 1).padStart(width, '0')}`,
        name: draft.name,
        aliases: claimed.aliases,
        kind: draft.kind,
        issuer: draft.issuer,
        issued: draft.issued,
        ...(parents.length > 0 ? { parent: random.pick(parents).data.id } : {}),
        description: draft.description,
      },
      forms: claimed.forms,
      quotes: draft.quotes,
    });
  }
  return directives;
}

function chooseIssuer(
  agencies: readonly SyntheticEnterprise[],
  enterprises: readonly SyntheticEnterprise[],
  random: Random,
): Issuer {
  if (agencies.length > 0 && random.chance(0.6)) {
    const agency = random.pick(agencies);
    const prefix = agency.agency === 'sasac' ? `${agency.place.zh}国资委` : agency.data.name.zh;
    return { prefix, en: agency.data.name.en, place: agency.place, ref: agency.data.id };
  }
  const place = random.pick(enterprises).place;
  if (random.chance(0.5)) {
    const zh = `${place.zh}人民政府`;
    const en = `${place.adjective} People's Government`;
    return { prefix: zh, en, place, ref: { zh, en } };
  }
  const zh =
    place.province.level === 'region' && place.level === 'province' ? `中共${place.zh}委员会` : `中共${place.zh}委`;
  const en = `CCP ${place.adjective} Committee`;
  return { prefix: zh, en, place, ref: { zh, en } };
}

function drawIssued(random: Random, year: number): string {
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  return random.pickWeighted([
    [`${year}-${month}-${day}`, 50],
    [`${year}-${month}`, 35],
    [`${year}`, 15],
  ] as const);
}

function draftDirective(kind: Directive['kind'], issuer: Issuer, random: Random): Draft {
  const { place, prefix } = issuer;
  const year = random.int(1995, 2024);
  const [topic, topicShort, topicEn] = random.pick(TOPICS);
  const issuedBy = `the ${issuer.en}`;
  const base = { kind, issuer: issuer.ref, issued: drawIssued(random, year), quotes: DOCUMENT_QUOTES };
  const describe = (zh: string, en: string): Bilingual => ({
    zh: `${zh}${SYNTHETIC_ZH}`,
    en: `${en} ${SYNTHETIC_EN}`,
  });
  switch (kind) {
    case 'policy': {
      const further = random.chance(0.4);
      return {
        ...base,
        name: further
          ? {
              zh: `${prefix}关于进一步做好${topic}工作的若干意见`,
              en: `Opinions of ${issuedBy} on Further Improving the Work of ${topicEn}`,
            }
          : { zh: `${prefix}关于${topic}的实施意见`, en: `Implementing Opinions of ${issuedBy} on ${topicEn}` },
        shortForms: [`${place.short}${topicShort}${further ? '若干' : '实施'}意见`],
        description: describe(
          `${prefix}${year}年印发的政策文件，就${topic}提出具体意见。`,
          `Policy document issued by ${issuedBy} in ${year}, setting out measures for ${topicEn}.`,
        ),
      };
    }
    case 'plan': {
      const threeYear = random.chance(0.4);
      return {
        ...base,
        name: threeYear
          ? {
              zh: `${prefix}${topic}三年行动方案（${year}—${year + 2}年）`,
              en: `Three-year Action Plan of ${issuedBy} for ${topicEn} (${year}–${year + 2})`,
            }
          : { zh: `${prefix}${topic}工作方案`, en: `Work Plan of ${issuedBy} for ${topicEn}` },
        shortForms: [`${place.short}${topicShort}${threeYear ? '三年行动' : '工作'}方案`],
        description: describe(
          `${prefix}${year}年印发的工作方案，对${topic}的任务、分工和进度作出安排。`,
          `Work plan issued by ${issuedBy} in ${year}, assigning the tasks, responsibilities and timetable of ${topicEn}.`,
        ),
      };
    }
    case 'regulation': {
      const [subject, subjectEn] = random.pick(MEASURE_SUBJECTS);
      const owned = place.level === 'city' ? ['市属', 'Municipal'] : ['省属', 'Provincial'];
      return {
        ...base,
        name: {
          zh: `${place.zh}${owned[0]}国有企业${subject}管理办法`,
          en: `Measures of ${place.en} for the Administration of ${subjectEn} in ${owned[1]} State-owned Enterprises`,
        },
        shortForms: [`${place.short}国企${subject}办法`],
        description: describe(
          `${prefix}${year}年印发的管理办法，规范${place.zh}${owned[0]}国有企业的${subject}管理。`,
          `Administrative measures issued by ${issuedBy} in ${year} for ${subjectEn.toLowerCase()} in ${place.en}'s state-owned enterprises.`,
        ),
      };
    }
    case 'law': {
      const { province } = place;
      const [law, lawShort, lawEn] = random.pick(LAW_SUBJECTS);
      const legislature = {
        zh: `${province.zh}人民代表大会常务委员会`,
        en: `Standing Committee of the ${province.en} People's Congress`,
      };
      return {
        ...base,
        issuer: legislature,
        name: { zh: `${province.zh}${law}`, en: `${province.en} ${lawEn}` },
        shortForms: [`${province.short}${lawShort}`],
        description: describe(
          `${legislature.zh}${year}年通过的地方性法规。`,
          `Local regulations adopted by the ${legislature.en} in ${year}.`,
        ),
      };
    }
    case 'campaign':
      return {
        ...base,
        quotes: PHRASE_QUOTES,
        name: { zh: `${place.zh}${topicShort}专项行动`, en: `${place.en} special campaign on ${topicEn}` },
        shortForms: [`${place.short}${topicShort}行动`],
        description: describe(
          `${prefix}${year}年部署开展的专项行动，集中推进${topic}。`,
          `Campaign launched by ${issuedBy} in ${year} to push forward ${topicEn}.`,
        ),
      };
    case 'slogan': {
      const [n1, n1En] = random.pick(SLOGAN_NUMERALS);
      const [n2, n2En] = random.pick(SLOGAN_NUMERALS);
      const [v1, v1En] = random.pick(SLOGAN_VERBS);
      const [v2, v2En] = random.pick(SLOGAN_VERBS.filter(([verb]) => verb !== v1));
      const slogan = `${n1}${v1}${n2}${v2}`;
      return {
        ...base,
        quotes: PHRASE_QUOTES,
        name: { zh: slogan, en: `"${n1En} ${v1En} and ${n2En} ${v2En}"` },
        shortForms: [`${slogan}要求`],
        description: describe(
          `${prefix}${year}年前后提出的工作提法，概括${topic}的主要要求。`,
          `Formulation put forward by ${issuedBy} around ${year}, summing up what ${topicEn} requires.`,
        ),
      };
    }
    case 'meeting':
      return {
        ...base,
        quotes: NO_QUOTES,
        issued: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        name: {
          zh: `${year}年${place.zh}国资国企工作会议`,
          en: `${year} ${place.en} Conference on State-owned Assets and Enterprises`,
        },
        shortForms: [`${year}年${place.short}国资工作会议`],
        description: describe(
          `${prefix}${year}年召开的工作会议，部署${topic}等工作。`,
          `Conference convened by ${issuedBy} in ${year}, setting the year's work on ${topicEn} and other tasks.`,
        ),
      };
  }
}

function draftNumberedMeeting(place: Place, n: number, random: Random): Draft {
  const year = random.int(1995, 2024);
  const ordinal = `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;
  const en = `${place.adjective} People's Government`;
  return {
    kind: 'meeting',
    issuer: { zh: `${place.zh}人民政府`, en },
    issued: `${year}`,
    quotes: NO_QUOTES,
    name: {
      zh: `${place.zh}第${n}次国资国企工作会议`,
      en: `${ordinal} ${place.en} Conference on State-owned Assets and Enterprises`,
    },
    shortForms: [`${place.short}第${n}次国资工作会议`],
    description: {
      zh: `${place.zh}人民政府召开的国资国企工作会议。${SYNTHETIC_ZH}`,
      en: `Conference on state-owned assets and enterprises convened by the ${en}. ${SYNTHETIC_EN}`,
    },
  };
}
