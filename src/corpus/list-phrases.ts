import type { DocumentType } from '../schema/index.ts';
import { toTraditional } from '../lib/script-convert.ts';
import type { Script } from './extract-sentence-pools.ts';
import { TOPICS } from './vocabulary.ts';

/** The fixed Chinese phrases of synthetic documents, in one script. `{}` marks a name. */
export interface Phrases {
  /** Sentences that name an enterprise or agency. */
  enterpriseMentions: readonly string[];
  /** Sentences that cite a directive (the name arrives with its quotes). */
  directiveMentions: readonly string[];
  /** Sentences that name a person. */
  personMentions: readonly string[];
  /** How speeches open. */
  salutation: string;
  /** Titles by document type: `{org}` is the main enterprise, `{topic}` the subject. */
  titles: Record<DocumentType, string>;
  /** The name of the meeting a speech was given at. */
  meeting: string;
  /** Reform topics, in the order of TOPICS. */
  topics: readonly string[];
  /** Why an inferred date is what it is, by precision. */
  dateNotes: Record<'day' | 'month' | 'year', string>;
  /** The editorial note every synthetic document carries. */
  syntheticNote: string;
}

const SIMPLIFIED: Phrases = {
  enterpriseMentions: [
    '{}党委高度重视这项工作，专门召开会议进行研究部署。',
    '会上，{}主要负责同志作了表态发言。',
    '{}结合自身实际，制定了具体的实施方案。',
    '目前，{}的各项工作正在有序推进。',
    '{}要切实履行主体责任，确保各项任务按期完成。',
    '据了解，{}已完成阶段性工作任务。',
    '{}在职工安置方面做了大量细致的工作。',
    '要认真总结{}的经验做法，在面上加以推广。',
  ],
  directiveMentions: [
    '要认真贯彻落实{}的各项要求。',
    '按照{}的部署，各单位要抓紧制定具体措施。',
    '这项工作是落实{}的重要举措。',
    '各级党组织要把学习贯彻{}作为当前的一项重要任务。',
  ],
  personMentions: [
    '{}同志出席会议并讲话。',
    '{}在讲话中对下一步工作提出了明确要求。',
    '{}强调，要把思想和行动统一到上级的决策部署上来。',
    '会议由{}主持。',
  ],
  salutation: '同志们：',
  titles: {
    speech: '在{org}{topic}工作会议上的讲话',
    report: '关于{org}{topic}工作情况的报告',
    news: '{org}召开{topic}工作推进会',
    exchange: '{org}{topic}工作经验交流材料',
    notice: '{org}关于做好{topic}工作的通知',
    law: '{org}{topic}管理条例',
    other: '{org}{topic}工作情况汇报',
  },
  meeting: '{org}{topic}工作会议',
  topics: TOPICS.map(([topic]) => topic),
  dateNotes: {
    day: '原文的日期不完整，据网页的发布时间推定。',
    month: '原文只写了月份，年份据文中提到的会议和政策推定。',
    year: '原文没有写明日期，年份据文中提到的会议和政策推定。',
  },
  syntheticNote: '这是基准测试用的合成文献：正文由本库真实文献的句子随机拼合而成，所涉企业、政策文件和人物均为虚构。',
};

/** The English counterparts of the phrases a document's frontmatter and translation use. */
export const ENGLISH_PHRASES = {
  salutation: 'Comrades:',
  titles: {
    speech: 'Speech at the {org} work conference on {topic}',
    report: 'Report on {topic} at {org}',
    news: '{org} holds a meeting to advance {topic}',
    exchange: '{org}: exchange of experience on {topic}',
    notice: '{org}: notice on doing the work of {topic} well',
    law: '{org}: regulations on {topic}',
    other: '{org}: briefing on {topic}',
  } satisfies Record<DocumentType, string>,
  meeting: '{org} work conference on {topic}',
  dateNotes: {
    day: 'The date in the text is incomplete; it is inferred from the time the page was published.',
    month: 'The text gives only the month; the year is inferred from the meetings and policies it mentions.',
    year: 'The text gives no date; the year is inferred from the meetings and policies it mentions.',
  },
  syntheticNote:
    "A synthetic document made for benchmarks: its text recombines sentences of the archive's real documents at random, and the enterprises, directives and people it names are invented.",
  translator: 'Synthetic corpus generator',
  translationNote:
    "Synthetic translation: sentences of the archive's real translations, one English paragraph or heading for each block of the original, so that the two align; it does not translate the Chinese.",
} as const;

/** The phrases in both scripts (traditional by OpenCC, as the archive converts everywhere). */
export function listPhrases(): Record<Script, Phrases> {
  const convert = (text: string): string => toTraditional(text);
  const convertAll = <K extends string>(record: Record<K, string>): Record<K, string> =>
    Object.fromEntries(Object.entries<string>(record).map(([key, value]) => [key, convert(value)])) as Record<
      K,
      string
    >;
  return {
    'zh-Hans': SIMPLIFIED,
    'zh-Hant': {
      enterpriseMentions: SIMPLIFIED.enterpriseMentions.map(convert),
      directiveMentions: SIMPLIFIED.directiveMentions.map(convert),
      personMentions: SIMPLIFIED.personMentions.map(convert),
      salutation: convert(SIMPLIFIED.salutation),
      titles: convertAll(SIMPLIFIED.titles),
      meeting: convert(SIMPLIFIED.meeting),
      topics: SIMPLIFIED.topics.map(convert),
      dateNotes: convertAll(SIMPLIFIED.dateNotes),
      syntheticNote: convert(SIMPLIFIED.syntheticNote),
    },
  };
}
