import type { DocumentType } from '../schema/document.ts';
import { toSimplified } from '../lib/script-convert.ts';
import { NEWS_MARKER } from './text-patterns.ts';

/** The type of a text and the clue it was told by. */
export interface TypeInfo {
  type: DocumentType;
  reason: string;
}

// Titles, in the order they are tried (matched on simplified text). A piece about a document
// (解读, 评论, 研究) is not that document; an exchange is told before a speech, a report before a notice.
const TITLE_RULES: { type: DocumentType; title: RegExp; reason: string }[] = [
  {
    type: 'other',
    title: /解读|评论|评析|述评|综述|研究$|分析$|浅析|浅谈|探析|探讨|思考$|启示$|问答|答记者问|背后$/,
    reason: 'the title names a commentary or a study, not the document it discusses',
  },
  {
    type: 'exchange',
    title: /交流发言|经验交流|经验介绍|典型发言|经验材料|表态发言|交流材料/,
    reason: 'the title names an exchange of experience',
  },
  {
    type: 'notice',
    title:
      /通知$|通知[（(]|通告$|公告$|启事$|的决定$|决定[（(]|意见$|意见[（(]|方案$|方案[（(]|办法$|办法[（(]|规定$|规定[（(]|细则$|规则$|指引$|规划$|纲要$|的通报$|的函$|的批复$/,
    reason: 'the title names a notice or an official document (通知, 意见, 决定, 办法, 方案)',
  },
  {
    type: 'law',
    title: /法$|法[（(]\d{4}|条例$|条例[（(]/,
    reason: 'the title names a law or regulation (法, 条例)',
  },
  {
    type: 'speech',
    title:
      /(?:讲话|致辞|发言|演讲|主持词|讲稿|讲座)(?:稿|摘要|全文|提纲|材料)?$|上的(?:讲话|致辞|发言|演讲|主持词)|(?:讲话|致辞|发言)[（(]|动员讲话/,
    reason: 'the title names a speech',
  },
  {
    type: 'report',
    title: /工作报告|政治报告|报告$|报告[（(]|述职报告|汇报$|情况的报告|调研报告|大会上的报告/,
    reason: 'the title names a report',
  },
  {
    type: 'news',
    title:
      /召开|举行|举办|开幕|闭幕|出席|强调|主持|调研|考察|会见|座谈|参加|侧记|纪实|印发|发布|签约|揭牌|成立|启动|获批|荣获|会议$|大会$/,
    reason: 'the title reports an event (召开, 强调, 出席, 印发)',
  },
];

/**
 * Tells the type of a text from its title (and the page's title), then from the text's own form:
 * a government work report's `各位代表：…我代表…向大会报告`, a news lead (本报讯, `5月24日，…召开`),
 * a salutation (同志们), an addressee and `制定本意见` (a notice), articles (第一条) under a law.
 */
export function classifyType(titles: readonly string[], paragraphs: readonly string[]): TypeInfo {
  const simplifiedTitles = titles.map((t) => toSimplified(t).trim()).filter(Boolean);
  for (const rule of TITLE_RULES) {
    const title = simplifiedTitles.find((t) => rule.title.test(t));
    if (title) return { type: rule.type, reason: `${rule.reason}: "${title}"` };
  }
  const opening = paragraphs.slice(0, 4).map((p) => toSimplified(p));
  const openingText = opening.join('\n');
  const all = toSimplified(paragraphs.slice(0, 40).join('\n'));
  if (/^各位代表[:：]/m.test(openingText) && /代表.{0,12}(?:人民政府|国务院|政府).{0,6}向大会报告/.test(openingText)) {
    return { type: 'report', reason: 'the text reports to a congress (各位代表：…向大会报告工作)' };
  }
  if (
    /(?:我代表|我受).{2,20}(?:委员会|政府|国务院)(?:委托)?[，,]?.{0,4}向大会(?:作|做)?(?:报告|政治报告|工作报告)/.test(
      openingText,
    )
  ) {
    return { type: 'report', reason: 'the text is a report to a congress (我代表…向大会作报告)' };
  }
  const first = opening.find((p) => p.length > 0) ?? '';
  if (paragraphs.some((p) => NEWS_MARKER.test(p) && /[讯訊电電]|记者|記者/.test(p.slice(0, 12)))) {
    return { type: 'news', reason: 'the text opens like a news report (本报讯, 新华社…电, 记者)' };
  }
  const lead =
    /^(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?|^(?:今天|昨天|近日|日前|近期|\d{1,2}日)(?:[上下]午|晚上?)?/;
  const event =
    /召开|举行|举办|开幕|闭幕|主持|出席|参加|表示|强调|指出|会见|调研|考察|视察|印发|发布|签署|召集|组织|开展|收看/;
  const leadSentence = first.split(/[。！？]/)[0] ?? '';
  if (
    (lead.test(first) || /[，,]\s*(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日[，,]/.test(leadSentence)) &&
    event.test(leadSentence)
  ) {
    return { type: 'news', reason: 'the text opens with a news lead: a date and an event (X月X日，…召开)' };
  }
  if (
    /^[^，。]{2,30}(?:会议|大会|座谈会|推进会|培训会|会)[^，。]{0,10}(?:召开|举行|开幕|闭幕)/.test(leadSentence) ||
    /^[^。]{0,60}(?:召开|举行)[^。]{0,40}(?:会议|大会|座谈会|推进会|务虚会|培训会|述职)/.test(leadSentence)
  ) {
    return { type: 'news', reason: 'the text opens by reporting a meeting held (…召开…会议)' };
  }
  if (/通知如下|特此通知|现将.{0,30}通知/.test(all)) {
    return { type: 'notice', reason: 'the text says it is a notice (通知如下, 特此通知)' };
  }
  if (/制定(?:以下|本)(?:实施)?(?:意见|方案|办法|规定|细则|指引|通知)|现提出(?:以下|如下)意见|特制定本/.test(all)) {
    return { type: 'notice', reason: 'the text says what it lays down (制定以下实施意见, 制定本办法)' };
  }
  if (/^第一章\s*总\s*则$/m.test(openingText) || /^第[一壹]条/m.test(openingText)) {
    return /《[^》]{2,30}法》/.test(openingText)
      ? { type: 'law', reason: 'the text quotes a law and sets out its articles (第一条)' }
      : { type: 'notice', reason: 'the text sets out rules in chapters and articles (第一章 总则, 第一条)' };
  }
  if (
    /^(?:同志们|各位|尊敬的|女士们|朋友们|大家好)/m.test(openingText) ||
    /我的(?:演讲|讲话)|下面[，,]?我(?:讲|谈)/.test(openingText)
  ) {
    return { type: 'speech', reason: 'the text opens as a speech (同志们, 各位来宾, 下面我讲)' };
  }
  if (simplifiedTitles.some((title) => /会议$|大会$/.test(title))) {
    return { type: 'news', reason: 'the title reports a meeting held' };
  }
  return { type: 'other', reason: 'no clue to the type in the title or the text: set it by hand' };
}
