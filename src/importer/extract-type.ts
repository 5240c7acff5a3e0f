import type { DocumentType } from '../schema/document.ts';
import { toSimplified } from '../lib/script-convert.ts';
import { NEWS_MARKER } from './text-patterns.ts';

/** The type of a text and the clue it was told by. */
export interface TypeInfo {
  type: DocumentType;
  reason: string;
}

const RULES: { type: DocumentType; title: RegExp; reason: string }[] = [
  {
    type: 'exchange',
    title: /交流发言|经验交流|经验介绍|典型发言|经验材料|表态发言|交流材料/,
    reason: 'the title names an exchange of experience',
  },
  { type: 'report', title: /工作报告|报告$|述职|汇报$|情况的报告|调研报告/, reason: 'the title names a report' },
  { type: 'speech', title: /讲话|致辞|发言|演讲|主持词|动员|讲稿/, reason: 'the title names a speech' },
  {
    type: 'notice',
    title: /通知$|通告$|公告$|启事$|的决定$|意见$|通知（|的通报$/,
    reason: 'the title names a notice',
  },
  { type: 'other', title: /条例|办法$|规定$|细则|法$|章程|[^会]规则$/, reason: 'the title names a law or regulation' },
];

/**
 * Tells the type of a text from its title (and the page's title), then from how it opens: a news
 * marker (本报讯) means news, a salutation (同志们) a speech, 各… + 通知如下 a notice.
 */
export function classifyType(titles: readonly string[], paragraphs: readonly string[]): TypeInfo {
  const simplifiedTitles = titles.map((t) => toSimplified(t));
  for (const rule of RULES) {
    if (simplifiedTitles.some((title) => rule.title.test(title))) return { type: rule.type, reason: rule.reason };
  }
  const opening = toSimplified(paragraphs.slice(0, 4).join('\n'));
  if (paragraphs.some((p) => NEWS_MARKER.test(p) && /[讯訊电電]|记者|記者/.test(p.slice(0, 12)))) {
    return { type: 'news', reason: 'the text opens like a news report (本报讯)' };
  }
  if (/通知如下|特此通知|现将.{0,30}通知/.test(toSimplified(paragraphs.join('\n')))) {
    return { type: 'notice', reason: 'the text says it is a notice (通知如下, 特此通知)' };
  }
  if (/^(?:同志们|各位|尊敬的|女士们|朋友们)/m.test(opening)) {
    return { type: 'speech', reason: 'the text opens with a salutation (同志们)' };
  }
  if (simplifiedTitles.some((title) => /召开|举行|举办|开幕|闭幕|会议$/.test(title))) {
    return { type: 'news', reason: 'the title reports a meeting held' };
  }
  return { type: 'other', reason: 'no clue to the type: set it by hand' };
}
