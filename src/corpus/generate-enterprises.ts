import type { Enterprise } from '../schema/index.ts';
import type { Random } from './create-random.ts';
import type { Script } from './extract-sentence-pools.ts';
import { formatChineseNumeral } from './format-numerals.ts';
import type { Place } from './list-places.ts';
import type { NameRegistry } from './name-registry.ts';
import { INDUSTRIES } from './vocabulary.ts';

type Bilingual = { zh: string; en: string };

/** A synthetic enterprise or agency, with what documents need to write about it. */
export interface SyntheticEnterprise {
  data: Enterprise;
  /** Forms a body may name it by, per script: full name first. */
  forms: Record<Script, string[]>;
  place: Place;
  /** Offices people can hold in it. */
  titles: readonly Bilingual[];
  /** For agencies: what it is (sasac, government, …), so directives can name their issuer. */
  agency?: AgencyType;
}

type AgencyType = 'sasac' | 'government' | 'hrss' | 'finance' | 'petitions' | 'ndrc' | 'union';

interface Draft {
  name: Bilingual;
  shortForms: string[];
  kind: Enterprise['kind'];
  titles: readonly Bilingual[];
  description: Bilingual;
  agency?: AgencyType;
}

const KIND_WEIGHTS = [
  ['group', 20],
  ['company', 25],
  ['factory', 30],
  ['collective', 10],
  ['agency', 15],
] as const;

const SYNTHETIC_ZH = '本条为基准测试合成数据。';
const SYNTHETIC_EN = 'Synthetic entry generated for benchmarks.';

const COMPANY_TITLES: readonly Bilingual[] = [
  { zh: '党委书记', en: 'Party Secretary' },
  { zh: '董事长', en: 'Chairman' },
  { zh: '总经理', en: 'General Manager' },
  { zh: '副总经理', en: 'Deputy General Manager' },
  { zh: '纪委书记', en: 'Secretary of the Discipline Inspection Commission' },
  { zh: '工会主席', en: 'Trade Union Chairman' },
];
const FACTORY_TITLES: readonly Bilingual[] = [
  { zh: '厂长', en: 'Factory Director' },
  { zh: '副厂长', en: 'Deputy Factory Director' },
  { zh: '党委书记', en: 'Party Secretary' },
  { zh: '工会主席', en: 'Trade Union Chairman' },
];
const DIRECTOR_TITLES: readonly Bilingual[] = [
  { zh: '主任', en: 'Director' },
  { zh: '副主任', en: 'Deputy Director' },
  { zh: '党委书记', en: 'Party Secretary' },
];

/**
 * Makes `count` enterprises and agencies clustered in a few home places, so that parents,
 * shared regions and local issuers occur as in a real archive. Parents always come earlier in
 * the list and trees are at most three levels deep, so there are no loops.
 */
export function generateEnterprises(
  count: number,
  places: readonly Place[],
  random: Random,
  registry: NameRegistry,
): SyntheticEnterprise[] {
  const homes = chooseHomes(places, Math.max(5, Math.ceil(count / 6)), random);
  const enterprises: SyntheticEnterprise[] = [];
  const depth: number[] = [];
  const width = Math.max(4, String(count).length);
  for (let i = 0; i < count; i += 1) {
    let place = random.pick(homes);
    let draft: Draft | undefined;
    for (let attempt = 0; attempt < 60 && !draft; attempt += 1) {
      const candidate = draftEnterprise(random.pickWeighted(KIND_WEIGHTS), place, random);
      if (registry.isFree(candidate.name.zh)) draft = candidate;
      else place = random.pick(homes);
    }
    // Numbered factories never run out: 渭南市第十七机械厂.
    for (let ordinal = 6; !draft; ordinal += 1) {
      const candidate = draftFactory(place, random.pick(INDUSTRIES), ordinal);
      if (registry.isFree(candidate.name.zh)) draft = candidate;
    }
    const claimed = registry.claim(draft.name.zh, draft.shortForms, random.int(1, 3));
    const parent = chooseParent(draft, place, enterprises, depth, random);
    depth.push(parent === undefined ? 0 : depth[parent]! + 1);
    enterprises.push({
      data: {
        id: `enterprise-${String(i + 1).padStart(width, '0')}`,
        name: draft.name,
        aliases: claimed.aliases,
        kind: draft.kind,
        ...(parent === undefined ? {} : { parent: enterprises[parent]!.data.id }),
        region: place.region,
        description: draft.description,
      },
      forms: claimed.forms,
      place,
      titles: draft.titles,
      ...(draft.agency ? { agency: draft.agency } : {}),
    });
  }
  return enterprises;
}

/** A few home places, most of them cities. */
function chooseHomes(places: readonly Place[], count: number, random: Random): Place[] {
  const shuffled = [...places];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const cities = shuffled.filter((place) => place.level === 'city');
  const provinces = shuffled.filter((place) => place.level === 'province');
  const provinceCount = Math.min(provinces.length, Math.ceil(count / 5));
  return [...provinces.slice(0, provinceCount), ...cities.slice(0, count - provinceCount)];
}

/** Picks a parent for a new entry among earlier ones of the same place, or none. */
function chooseParent(
  draft: Draft,
  place: Place,
  earlier: readonly SyntheticEnterprise[],
  depth: readonly number[],
  random: Random,
): number | undefined {
  const fits = (other: SyntheticEnterprise, i: number): boolean => {
    if (depth[i]! > 1 || other.place !== place) return false;
    if (draft.kind === 'agency') return draft.agency !== 'government' && other.agency === 'government';
    if (draft.kind === 'group') return other.agency === 'sasac';
    if (draft.kind === 'collective') return other.data.kind === 'collective';
    return other.data.kind === 'group';
  };
  const chance = draft.kind === 'agency' ? 0.8 : draft.kind === 'group' ? 0.4 : 0.5;
  if (!random.chance(chance)) return undefined;
  const candidates = earlier.flatMap((other, i) => (fits(other, i) ? [i] : []));
  return candidates.length > 0 ? random.pick(candidates) : undefined;
}

function draftEnterprise(kind: Enterprise['kind'], place: Place, random: Random): Draft {
  const industry = random.pick(INDUSTRIES);
  if (kind === 'factory') return draftFactory(place, industry, random.chance(0.35) ? random.int(1, 5) : 0);
  if (kind === 'agency') return draftAgency(place, random);
  const [full, short, en] = industry;
  const { where, placeEn } = describePlace(place);
  if (kind === 'collective') {
    const variant = random.int(0, 2);
    const [name, shortForm, nameEn, what, whatEn] = (
      [
        [
          '二轻集体企业联社',
          '二轻联社',
          'Second Light Industry Collective Enterprises Federation',
          '二轻集体企业的联合经济组织',
          'federation of second light industry collective enterprises',
        ],
        [
          '手工业合作联社',
          '手工业联社',
          'Handicraft Cooperative Federation',
          '手工业合作社的联合组织',
          'federation of handicraft cooperatives',
        ],
        [
          `${short}生产合作社`,
          `${short}社`,
          `${en} Production Cooperative`,
          `${full}行业的集体所有制生产合作社`,
          `collectively owned production cooperative in the ${en.toLowerCase()} trade`,
        ],
      ] as const
    )[variant]!;
    return {
      name: { zh: `${place.zh}${name}`, en: `${place.en} ${nameEn}` },
      shortForms: [`${place.short}${shortForm}`],
      kind,
      titles: DIRECTOR_TITLES,
      description: {
        zh: `${where}的${what}。${SYNTHETIC_ZH}`,
        en: `A ${whatEn} in ${placeEn}. ${SYNTHETIC_EN}`,
      },
    };
  }
  const group = kind === 'group';
  const suffix = group
    ? place.level === 'city'
      ? ['集团有限公司', 'Group Co., Ltd.']
      : ['集团有限责任公司', 'Group Co., Ltd.']
    : random.pick([
        ['有限责任公司', 'Co., Ltd.'],
        ['股份有限公司', 'Co., Ltd.'],
        ['总公司', 'Corporation'],
      ] as const);
  const prefix = place.level === 'city' ? place.zh : place.short;
  return {
    name: { zh: `${prefix}${full}${suffix[0]}`, en: `${place.en} ${en} ${suffix[1]}` },
    shortForms: group
      ? [`${place.short}${short}集团`, `${place.short}${short}`]
      : [`${place.short}${short}公司`, `${place.short}${full}公司`],
    kind,
    titles: COMPANY_TITLES,
    description: {
      zh: `${where}的${group ? '国有企业集团' : '国有企业'}，主营${full}。${SYNTHETIC_ZH}`,
      en: `A state-owned ${group ? 'enterprise group' : 'company'} in ${placeEn}, in the ${en.toLowerCase()} business. ${SYNTHETIC_EN}`,
    },
  };
}

/** The place with its province, for descriptions: 陕西省渭南市 / Weinan, Shaanxi. */
function describePlace(place: Place): { where: string; placeEn: string } {
  return place.region.city
    ? { where: `${place.province.zh}${place.zh}`, placeEn: `${place.en}, ${place.province.en}` }
    : { where: place.zh, placeEn: place.en };
}

function draftFactory(place: Place, industry: readonly [string, string, string], ordinal: number): Draft {
  const [full, short, en] = industry;
  const numeral = ordinal > 0 ? formatChineseNumeral(ordinal) : '';
  const { where, placeEn } = describePlace(place);
  return {
    name: {
      zh: `${place.zh}${ordinal > 0 ? `第${numeral}` : ''}${short}厂`,
      en: `${place.en} ${ordinal > 0 ? `No. ${ordinal} ` : ''}${en} Factory`,
    },
    shortForms: [`${place.short}${short}${numeral}厂`],
    kind: 'factory',
    titles: FACTORY_TITLES,
    description: {
      zh: `${where}的${full}工厂。${SYNTHETIC_ZH}`,
      en: `A ${en.toLowerCase()} factory in ${placeEn}. ${SYNTHETIC_EN}`,
    },
  };
}

function draftAgency(place: Place, random: Random): Draft {
  const city = place.level === 'city';
  const office = city ? '局' : '厅';
  const officeEn = city ? 'Bureau' : 'Department';
  const heads = [
    { zh: `${office}长`, en: 'Director' },
    { zh: `副${office}长`, en: 'Deputy Director' },
  ];
  const leader = place.province.level === 'region' && !city ? '主席' : city ? '市长' : '省长';
  const leaderEn = place.province.level === 'region' && !city ? 'Chairman' : city ? 'Mayor' : 'Governor';
  const options: Record<AgencyType, Omit<Draft, 'kind' | 'description' | 'agency'> & { what: Bilingual }> = {
    sasac: {
      name: { zh: `${place.zh}人民政府国有资产监督管理委员会`, en: `${place.adjective} SASAC` },
      shortForms: [`${place.zh}国资委`, `${place.short}国资委`],
      titles: DIRECTOR_TITLES,
      what: { zh: '国有资产监督管理机构', en: 'state-owned assets supervision and administration agency' },
    },
    government: {
      name: { zh: `${place.zh}人民政府`, en: `${place.adjective} People's Government` },
      shortForms: [`${place.zh}政府`, `${place.short}${city ? '市' : '省'}政府`],
      titles: [
        { zh: leader, en: leaderEn },
        { zh: `副${leader}`, en: `Vice ${leaderEn}` },
        { zh: `常务副${leader}`, en: `Executive Vice ${leaderEn}` },
      ],
      what: { zh: '地方人民政府', en: "local people's government" },
    },
    hrss: {
      name: {
        zh: `${place.zh}人力资源和社会保障${office}`,
        en: `${place.adjective} ${officeEn} of Human Resources and Social Security`,
      },
      shortForms: [`${place.zh}人社${office}`, `${place.short}人社${office}`],
      titles: heads,
      what: { zh: '人力资源和社会保障部门', en: 'human resources and social security department' },
    },
    finance: {
      name: { zh: `${place.zh}财政${office}`, en: `${place.adjective} Finance ${officeEn}` },
      shortForms: [`${place.short}财政${office}`],
      titles: heads,
      what: { zh: '财政部门', en: 'finance department' },
    },
    petitions: {
      name: { zh: `${place.zh}信访局`, en: `${place.adjective} Letters and Visits Bureau` },
      shortForms: [`${place.short}信访局`],
      titles: [
        { zh: '局长', en: 'Director' },
        { zh: '副局长', en: 'Deputy Director' },
      ],
      what: { zh: '信访工作机构', en: 'letters and visits (petitions) bureau' },
    },
    ndrc: {
      name: { zh: `${place.zh}发展和改革委员会`, en: `${place.adjective} Development and Reform Commission` },
      shortForms: [`${place.zh}发改委`, `${place.short}发改委`],
      titles: DIRECTOR_TITLES,
      what: { zh: '发展改革部门', en: 'development and reform commission' },
    },
    union: {
      name: { zh: `${place.zh}总工会`, en: `${place.en} Federation of Trade Unions` },
      shortForms: [`${place.short}总工会`],
      titles: [
        { zh: '主席', en: 'Chairman' },
        { zh: '副主席', en: 'Vice Chairman' },
      ],
      what: { zh: '地方工会组织', en: 'local trade union federation' },
    },
  };
  const agency = random.pickWeighted([
    ['sasac', 30],
    ['government', 25],
    ['hrss', 10],
    ['finance', 8],
    ['petitions', 10],
    ['ndrc', 8],
    ['union', 9],
  ] as const);
  const { what, ...option } = options[agency];
  return {
    ...option,
    kind: 'agency',
    agency,
    description: {
      zh: `${place.zh}的${what.zh}。${SYNTHETIC_ZH}`,
      en: `The ${what.en} of ${place.en}. ${SYNTHETIC_EN}`,
    },
  };
}
