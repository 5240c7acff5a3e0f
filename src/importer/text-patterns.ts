/**
 * A salutation or an addressee line opening a text: 同志们：, 尊敬的…, 各位…, 各市属国有企业：
 * (a short line ending in a colon).
 */
export const SALUTATION =
  /^(?:各位|尊敬的|同志们|同志們|女士们|女士們|朋友们|朋友們|亲爱的|親愛的|大家好)[^。！？]{0,40}[:：，,!！]?$|^[^。！？，,；;]{2,40}[:：]$/;

/** The opening of a news report: 本报讯, 新华社…电, 某某讯, （记者 …）. */
export const NEWS_MARKER =
  /^[【[]?(?:本报讯|本報訊|本网讯|本網訊|本站讯|本站訊|又讯|又訊|新华社[^，,\s]{0,10}电|新華社[^，,\s]{0,10}電|[^\s，,。]{0,12}(?:讯|訊)\s|[（(]?记者[^）)]{0,20}[）)]|[（(]?記者[^）)]{0,20}[）)])[】\]]?\s*(?:[（(]记者[^）)]{0,20}[）)]|[（(]記者[^）)]{0,20}[）)])?\s*/;

/** A heading or list marker at the start of a line: 一、 （一） (一) 1、 1. 第一， 第一章 第一条. */
export const HEADING_START =
  /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十百]+[，,、章节節條条部分]|第[一二三四五六七八九十百]+[是要])/;

/** The offices a speaker line names before the name: 国务院总理, 市国资委主任, 集团党委书记、董事长. */
const OFFICE =
  '(?:总理|總理|副总理|副總理|主席|副主席|总书记|總書記|委员长|委員長|主任|书记|書記|董事长|董事長|总经理|總經理|经理|經理|总裁|總裁|市长|市長|县长|縣長|省长|省長|区长|區長|局长|局長|部长|部長|厅长|廳長|委员|委員|会长|會長|理事长|理事長|院长|院長|行长|行長|处长|處長|秘书长|秘書長|主任委员|主任委員)';

/**
 * A speaker line: an office, then the name, with or without a space (`国务院总理李鹏`,
 * `国务院总理 李克强`, `市国资委主任 赵志刚`, `——中国企业联合会党委委员、副理事长 刘鹏`).
 * Group 1 is the office, group 2 the name.
 */
export const OFFICE_AND_NAME = new RegExp(
  `^(?:[—─－–-]{1,3}\\s*)?([\\p{Script=Han}、]{0,24}?${OFFICE})\\s*(\\p{Script=Han}{2,3}|\\p{Script=Han}(?:\\s\\p{Script=Han}){1,2})$`,
  'u',
);

/** A byline: 文=胡遲, （孟庆忠）, 本报记者 杜雨萌, 国资报告记者 刘青山, 通讯员 张三, 作者：… */
export const BYLINE =
  /^(?:文\s*[=＝/／:：]|[（(]\s*\p{Script=Han}{2,4}(?:\s+\p{Script=Han}{2,4})*\s*[）)]$|[^\s，。,]{0,8}(?:记者|記者|通讯员|通訊員|特约撰稿|特約撰稿)\s*\p{Script=Han}{2,4}(?:[\s、]+\p{Script=Han}{2,4})*$|(?:作者|撰文|供稿|编辑|編輯)\s*[:：])/u;

/** A wire-service or news-site dateline standing alone: 新华社北京5月29日电, 本报讯. */
export const WIRE_DATELINE =
  /^[【[]?(?:新华社|新華社|中新社|人民网|人民網|央视网|央視網)[^，,。\s]{0,10}(?:\d{1,2}月\d{1,2}日)?(?:电|電)[】\]]?$|^[【[]?(?:本报讯|本報訊|本网讯|本網訊)[】\]]?$/;

/** Full-width digits (１９９７) read as ASCII ones (1997). */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
