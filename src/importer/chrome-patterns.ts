import { toSimplified } from '../lib/script-convert.ts';

// Phrases that only website chrome uses: never part of a speech, whatever the line's length.
// Written in simplified; lines are converted to simplified before matching.
const SITE_PHRASES = [
  '当前位置',
  '您的位置',
  '你的位置',
  '所在位置',
  '栏目导航',
  '本站',
  '本网站',
  '网友上传',
  '不代表本站观点',
  '若需要原创文章',
  '欢迎参考',
  '咨询客服',
  '客服老师',
  '充值',
  '售价',
  '积分',
  '会员价',
  '会员群',
  '会员资料',
  '会员材料',
  '注册会员',
  '非会员',
  '开通会员',
  'vip',
  '以稿换稿',
  '原创定制',
  '免费阅读',
  '免费下载',
  '立即下载',
  '下载文档',
  '文档下载',
  '侵权必究',
  '任何形式转载',
  '版权所有',
  '版权声明',
  'all rights reserved',
  'copyright',
  'icp',
  '备案号',
  '公网安备',
  '主办单位',
  '承办单位',
  '技术支持',
  '网站地图',
  '联系我们',
  '服务条款',
  '隐私政策',
  '举报倒卖',
  '订阅立享',
  '仅供学习',
  '禁止外传',
  'qq群',
  '微信公众号',
  '关注公众号',
  '扫码',
  '扫一扫',
  '二维码',
  '加微信',
  '上一篇',
  '下一篇',
  '相关文章',
  '相关阅读',
  '相关新闻',
  '相关链接',
  '延伸阅读',
  '热点新闻',
  '推荐新闻',
  '热门推荐',
  '热门文章',
  '推荐阅读',
  '打印本页',
  '关闭窗口',
  '返回顶部',
  '分享到',
  '责任编辑',
  '点击数',
  '点击量',
  '浏览次数',
  '阅读次数',
  '浏览量',
  '阅读量',
  '没有找到想要的',
  '温馨提示',
  '点击进入',
  '点击下载',
  '点击查看',
  '免费领取',
  '长按识别',
  '付费阅读',
  '开通vip',
  '范文网',
  '文库',
  '本文由',
  '转载自',
  '原文链接',
  '投稿邮箱',
  '免责声明',
  '本平台',
  '自媒体平台',
  '侵权投诉',
  '侵权举报',
];

// Injected spam: gambling, loans, invoices, contact handles. Matched anywhere in a line.
/** An advert run into a paragraph: a gambling or essay-mill phrase, a URL, a contact handle. */
export const INLINE_SPAM_RUN =
  /[，,]?[^\s，。；、,;“”‘’]{0,10}(?:博彩|娱乐城|真人娱乐|百家乐|六合彩|时时彩|老虎机|代开发票|代写论文|刷单兼职|网赌|棋牌游戏)[^\s，。；、,;“”‘’]{0,10}|(?:https?:\/\/|www\.)[A-Za-z0-9./?=&_%#-]+|(?:加)?微信[号:：]\s*[A-Za-z0-9_-]{5,}|[Qq]{2}[号:：]?\s*\d{5,}/g;

const SPAM = [
  /三级片|毛片|色欲|成人视频|成人影院|黄色网站|午夜影院|av在线|婬/,
  /博彩|娱乐城|真人娱乐|百家乐|六合彩|时时彩|老虎机|代开发票|代写论文|刷单兼职|网赌|棋牌游戏/,
  /微信[号:：]\s*[A-Za-z0-9_-]{5,}|[Qq]{2}[号:：]?\s*\d{5,}|加[Vv微]|https?:\/\/|www\.[a-z0-9-]+\./i,
];

// A label and a colon at the start of a short line: publisher, time, views, word count lines.
const META_LABEL =
  /^[（(【[]?(?:公开范围|公开日期|公开方式|颁布时间|颁布日期|发布机构|发文机关|发文字号|索引号|[著着]录日期|组配分类|主题分类|体裁分类|服务对象|主题词|失效日期|生效日期|成文日期|实施日期|文号|原标题|发布人|发布者|发布时间|发布日期|发表时间|发表日期|上传时间|上传日期|更新时间|时间|日期|来源|信息来源|文章来源|作者|编辑|编者|审核|浏览|点击|阅读|字数|下载|导语|摘要|关键词|标签|分类|栏目|责任编辑|编审|校对|广告|推广)\s*[:：]/;

// Short navigation items: a menu bar written on one line ("首页 | 登录 | 注册").
const NAV_BAR =
  /^(?:[^|｜/>]{1,12}\s*[|｜]\s*){2,}[^|｜]{0,12}$|>>|(?:\S{1,8}\s*>\s*){2,}|^(?:登录|注册|首页|返回首页)(?:\s|$)/;

const simplifiedCache = new Map<string, string>();
function simplify(line: string): string {
  let simplified = simplifiedCache.get(line);
  if (simplified === undefined) {
    simplified = toSimplified(line).toLowerCase();
    if (simplifiedCache.size > 20_000) simplifiedCache.clear();
    simplifiedCache.set(line, simplified);
  }
  return simplified;
}

/** 本站讯 opens a site's own news report: the article, not the site's chrome. */
const isNewsOpening = (line: string, phrase: string): boolean => phrase === '本站' && /^本站讯/.test(line);

/** A line that reads as running text: long enough and punctuated like sentences. */
export function isProse(line: string): boolean {
  return line.length >= 20 && /[，。；！？,;!?]/.test(line);
}

/** What kind of page chrome a line is, or undefined when it may be text. */
export type ChromeKind = 'site' | 'spam' | 'meta' | 'nav' | 'banner';

/**
 * Tells whether one trimmed line is website chrome: site phrases (login, membership, download,
 * copyright, ICP and contact lines), injected spam, publisher/time/views lines, navigation bars
 * and decorative banners (`== 本文免费阅读 ==`, `top`). Lines of either script are recognised.
 */
export function classifyChrome(line: string): ChromeKind | undefined {
  if (line === '') return undefined;
  const simplified = simplify(line);
  // A sentence may use one such word in passing (会员单位, 积分制); chrome rarely stops at one.
  const hits = SITE_PHRASES.filter((phrase) => simplified.includes(phrase) && !isNewsOpening(simplified, phrase));
  if (hits.length >= (isProse(line) ? 2 : 1)) return 'site';
  // A long paragraph with spam inside it is text with an insertion: removeInlineSpam cuts it out.
  if (SPAM.some((pattern) => pattern.test(simplified)) && !(isProse(line) && line.length > 60)) return 'spam';
  if (META_LABEL.test(simplified) && line.length <= 160) return 'meta';
  if (/(?:发布|发表|上传|更新)(?:人|者|时间|日期)\s*[:：]/.test(simplified) && line.length <= 160) return 'meta';
  // "2016-03-06 08:12:03 来源：新华网": a dated line naming its source or author.
  if (
    /(?:来源|作者|编辑|浏览|点击|阅读)\s*[:：]/.test(simplified) &&
    /\d{4}[-/.年]\d{1,2}|\d{1,2}:\d{2}/.test(line) &&
    line.length <= 80
  ) {
    return 'meta';
  }
  if (NAV_BAR.test(line) && line.length <= 80) return 'nav';
  // A list of links: bulleted items, or titles followed by their date ("… (2021-03-15)").
  if (/^[·•●■◆▪►▶]/.test(line) && line.length <= 80) return 'nav';
  if (/^.{6,70}?\s*[[（(【]?\d{4}-\d{1,2}-\d{1,2}[\]）)】]?$/.test(line) && !/^[（(]?\d{4}/.test(line)) return 'nav';
  if (/^[=\-*#~_·.。]{2,}.*[=\-*#~_·]{2,}$/.test(line) || /^(?:top|返回顶部|more|更多|>>)$/i.test(simplified))
    return 'banner';
  if (/^(?:地址|电话|联系电话|传真|邮编|邮箱|e-?mail)\s*[:：]/i.test(simplified)) return 'site';
  return classifyPageFurniture(line, simplified);
}

// The buttons and labels of an article's toolbar: 收藏 打印 关闭 字体:[大 中 小], Font Size: A A A.
const TOOLBAR = /收藏|打印|关闭|字体|字号|分享|纠错|font\s*size|\[\s*[大中小]\s*\]|\ba\s+a\s+a\b/gi;

/**
 * The furniture of document pages and document-sharing sites, line by line: a toolbar, a
 * metadata table whose labels are spaced (`索 引 号`, `公开范围  公开`), a file's size, page
 * count and price tags (`22.23KB`, `23 页`, `VIP专免`), a column name (`新闻中心`), a breadcrumb
 * (`/ 新闻中心 / 中煤要闻`), a short line of Latin words (`Settings`, `MEDIA CENTER`), an excerpt
 * notice (`仅展示645字，全文共4352字`) and a lone separator.
 */
function classifyPageFurniture(line: string, simplified: string): ChromeKind | undefined {
  const compact = simplified.replace(/\s+/g, '');
  if (line.length <= 60 && (simplified.match(TOOLBAR) ?? []).length >= 2) return 'site';
  if (
    /^(?:索引号|公开范围|公开日期|公开方式|发布机构|[著着]录日期|组配分类|主题分类|体裁分类|文号|主题词|颁布时间|发布时间|发布日期)/.test(
      compact,
    ) &&
    line.length <= 160
  )
    return 'meta';
  if (/(?:来源|日期|点击|浏览|作者|时间)\s*(?:source|date|hits|author)?\s*[:：]/i.test(simplified)) {
    const labels = simplified.match(/(?:来源|日期|点击|浏览|作者|时间|source|date|hits)\s*[:：]/gi) ?? [];
    if (labels.length >= 2 && line.length <= 120) return 'meta';
  }
  if (
    /^(?:vip\S{0,4}|海报|举报|\d+(?:\.\d+)?\s*[kmg]b|\d+\s*页|\d+\+|app下载|下载app|settings|menu|search)$/i.test(
      compact,
    )
  )
    return 'site';
  if (/已省略\d+字|仅展示\d+字|全文共\d+字|剩余\d+字/.test(compact)) return 'site';
  if (/^\p{Script=Han}{2,6}(?:中心|要闻|新闻|动态|资讯|频道|栏目|公开|快讯|导航)$/u.test(compact) && line.length <= 10)
    return 'nav';
  if (/^[/／>]\s*\S.{0,40}[/／>]/.test(line) && line.length <= 60) return 'nav';
  // One or two Latin words standing alone (a menu's English label), not an English sentence.
  if (/^[A-Za-z]+(?:\s+[A-Za-z]+)?$/.test(line) && line.length <= 20) return 'nav';
  if (/^[|｜/\\·•\-—_=*~#.]+$/.test(line)) return 'banner';
  return undefined;
}
