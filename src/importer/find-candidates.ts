import type { ReviewCandidate } from '../schema/document.ts';
import type { Mention } from '../lib/find-mentions.ts';

// Words that cannot be part of an organisation's name: a name starts after them.
const BREAKS =
  /有(?!限)|向(?!阳|陽)|按照|去年底?|今年|明年|年底|年初|结合|結合|确保|確保|近期|依靠|规范|規範|規范|抓好|帮助|幫助|加之|同时|同時|开创|開創|新建|上旬|形式|日前|交至|上报|上報|精力|进一步|進一步|[的在和与與对對了是将將把由及等从從于於这這那其该該被让讓使给給到也要就还還又并並或而但如若因所为為以跟]|召开|召開|举行|舉行|参加|參加|组织|組織|完成|实现|實現|推进|推進|启动|啟動|实施|實施|要求|加强|加強|支持|指导|指導|解决|解決|开展|開展|成立|提出|通过|通過|根据|根據|关于|關於|包括|进行|進行|担任|擔任|负责|負責|位于|位於|所属|所屬|下属|下屬|作为|作為|成为|成為|协调|協調|督促|配合|联合|聯合|拍卖|拍賣|改制|改造|列入|走访|走訪|发出|發出|印发|印發|出台|出臺|批准|同意|任命|主持|介绍|介紹|汇报|匯報|来自|來自|派驻|派駐|省市|全系统|全系統/g;
const SUFFIX = /(?:集团|集團|总公司|總公司|公司|厂|廠|委员会|委員會|委|局)/g;
const GENERIC = new Set([
  '集团公司',
  '集團公司',
  '总公司',
  '總公司',
  '分公司',
  '子公司',
  '本公司',
  '该公司',
  '該公司',
  '各公司',
  '母公司',
  '党委',
  '黨委',
  '市委',
  '省委',
  '县委',
  '縣委',
  '区委',
  '區委',
  '纪委',
  '紀委',
  '常委',
  '编委',
  '村委',
  '我委',
  '本委',
  '该委',
  '我局',
  '本局',
  '该局',
  '各局',
  '全局',
  '大局',
  '格局',
  '布局',
  '结局',
  '結局',
  '时局',
  '時局',
  '当局',
  '當局',
  '开局',
  '開局',
  '僵局',
  '骗局',
  '出局',
  '定局',
  '败局',
  '终局',
  '工厂',
  '工廠',
  '全厂',
  '全廠',
  '该厂',
  '本厂',
  '我厂',
  '各厂',
  '建厂',
  '办厂',
  '辦廠',
  '出厂',
  '出廠',
]);
// An agency (…委, …局) is named with its place or level first: 市信访局, 省国资委, 国家统计局.
const AGENCY_PREFIX =
  /^(?:市|省|县|縣|区|區|镇|鎮|乡|鄉|国家|國家|国务院|國務院|中央|自治区|自治區|\p{Script=Han}{1,4}(?:省|市|县|縣|区|區|州|盟|旗))/u;
const GENERIC_ENDINGS =
  /(?:大局|格局|布局|全局|结局|結局|时局|開局|开局|僵局|出局|定局|工厂|工廠|全厂|该厂|委员会委|主任委|纪委|紀委|常委)$/;

/** The sentence around `index`, trimmed to about 80 characters. */
function sentenceAt(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index), text.lastIndexOf('\n', index)) + 1;
  const stops = ['。', '\n'].map((s) => text.indexOf(s, index)).filter((i) => i !== -1);
  const end = stops.length > 0 ? Math.min(...stops) + 1 : text.length;
  const sentence = text.slice(start, end).trim();
  return sentence.length > 80 ? `${sentence.slice(0, 80)}…` : sentence;
}

/**
 * Proposes new entities an editor may want: organisation names ending in 集团, 公司, 总公司,
 * 厂, 委 or 局 (the name runs back from the suffix to the nearest punctuation or function word),
 * titles in 《》, and quoted numbered formulations like “三供一业”. Names already known (inside
 * a mention of a known entity) and generic words (党委, 大局, 该公司) are left out.
 */
export function findCandidates(text: string, known: readonly Mention[]): ReviewCandidate[] {
  const mask = new Uint8Array(text.length + 1);
  for (const m of known) mask.fill(1, m.start, m.end);
  const covered = (start: number, end: number): boolean => mask.subarray(start, end).includes(1);
  const found = new Map<string, ReviewCandidate & { at: number }>();
  const add = (name: string, kind: ReviewCandidate['kind'], at: number): void => {
    const key = `${kind}:${name}`;
    const entry = found.get(key);
    if (entry) entry.count += 1;
    else found.set(key, { name, kind, count: 1, context: sentenceAt(text, at), at });
  };
  for (const match of text.matchAll(SUFFIX)) {
    const end = match.index + match[0].length;
    // The name is the run of Han characters (and digits) before the suffix, cut at a break word.
    const run = /[\p{Script=Han}\d]{0,16}$/u.exec(text.slice(Math.max(0, match.index - 16), match.index))![0];
    let cut = 0;
    for (const b of run.matchAll(BREAKS)) cut = b.index + b[0].length;
    const prefix = run.slice(cut);
    // A longer name goes on (集团 in 集团公司, 国资委 in 国资委党委): it is found at its own end.
    if (
      /^(?:有限公司|有限责任公司|有限責任公司|股份有限公司|公司|总公司|總公司|党委|黨委|员会|員會)/.test(
        text.slice(end),
      )
    )
      continue;
    const name = prefix + match[0];
    const start = end - name.length;
    if (prefix.length < 2 || GENERIC.has(name) || GENERIC_ENDINGS.test(name) || covered(start, end)) continue;
    if (/^[\d一二三四五六七八九十百千万两几多各全本我该該每]/.test(prefix)) continue;
    if (/^(?:委|局|委员会|委員會)$/.test(match[0]) && !AGENCY_PREFIX.test(name)) continue;
    // Skip a shorter name that is the tail of a longer suffix match (总公司 inside 二轻总公司).
    if (/^[总總]$/.test(text[match.index - 1] ?? '') && match[0] === '公司') continue;
    add(name, 'enterprise', start);
  }
  for (const match of text.matchAll(/《([^《》\n]{2,60})》/g)) {
    if (!covered(match.index, match.index + match[0].length)) add(match[0], 'directive', match.index);
  }
  for (const match of text.matchAll(/[“"「]([一二三四五六七八九十两兩百千]+[^”"」\n，,。]{1,10})[”"」]/g)) {
    if (!covered(match.index + 1, match.index + match[0].length - 1)) add(match[1]!, 'directive', match.index);
  }
  return [...found.values()]
    .sort((a, b) => b.count - a.count || a.at - b.at)
    .slice(0, 40)
    .map(({ at: _at, ...candidate }) => candidate);
}
