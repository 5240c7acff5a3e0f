import { pinyin } from 'pinyin-pro';
import type { Region } from '../schema/index.ts';
import { toSimplified, toTraditional } from '../lib/script-convert.ts';

/** Province-level divisions, simplified name (without 省/市/自治区) to English. */
const PROVINCES: Record<string, string> = {
  北京: 'Beijing',
  天津: 'Tianjin',
  上海: 'Shanghai',
  重庆: 'Chongqing',
  河北: 'Hebei',
  山西: 'Shanxi',
  辽宁: 'Liaoning',
  吉林: 'Jilin',
  黑龙江: 'Heilongjiang',
  江苏: 'Jiangsu',
  浙江: 'Zhejiang',
  安徽: 'Anhui',
  福建: 'Fujian',
  江西: 'Jiangxi',
  山东: 'Shandong',
  河南: 'Henan',
  湖北: 'Hubei',
  湖南: 'Hunan',
  广东: 'Guangdong',
  海南: 'Hainan',
  四川: 'Sichuan',
  贵州: 'Guizhou',
  云南: 'Yunnan',
  陕西: 'Shaanxi',
  甘肃: 'Gansu',
  青海: 'Qinghai',
  台湾: 'Taiwan',
  内蒙古: 'Inner Mongolia',
  广西: 'Guangxi',
  西藏: 'Tibet',
  宁夏: 'Ningxia',
  新疆: 'Xinjiang',
  香港: 'Hong Kong',
  澳门: 'Macao',
};
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);
const NOT_A_CITY = /^(?:全|本|我|该|各|省|市|县|城|都|超|门|夜|集|股|闹|上|下|街|坊)$|^(?:全|本|我|该|各)/;

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** 渭南 → Weinan. */
export const romanisePlace = (name: string): string =>
  capitalise(pinyin(name, { toneType: 'none', type: 'array' }).join(''));

/**
 * The region a text names most: a province (陕西省, 山东) and a city (渭南市) by count of
 * mentions, written in the script of the text. Always `inferred`: a place named is not always the
 * place a text belongs to.
 */
export function extractRegion(text: string, script: 'zh-Hans' | 'zh-Hant'): Region | undefined {
  const inScript = (zh: string): string => (script === 'zh-Hant' ? toTraditional(zh) : zh);
  const simplified = toSimplified(text);
  const provinceCounts = new Map<string, number>();
  for (const name of Object.keys(PROVINCES)) {
    const count = simplified.split(new RegExp(`${name}(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)`)).length - 1;
    if (count > 0) provinceCounts.set(name, count);
  }
  const cityCounts = new Map<string, number>();
  for (const m of simplified.matchAll(/(\p{Script=Han}{2,3}?)市(?:委|政府|人民政府|国资委|人民|长|属|区|的|，|、)/gu)) {
    const name = m[1]!;
    if (NOT_A_CITY.test(name) || (PROVINCES[name] !== undefined && !MUNICIPALITIES.has(name))) continue;
    cityCounts.set(name, (cityCounts.get(name) ?? 0) + 1);
  }
  const top = (counts: Map<string, number>): string | undefined =>
    [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const province = top(provinceCounts);
  if (!province) return undefined;
  const city = top(cityCounts);
  const suffix = MUNICIPALITIES.has(province) ? '市' : /^(内蒙古|广西|西藏|宁夏|新疆)$/.test(province) ? '' : '省';
  return {
    province: { zh: inScript(province + suffix), en: PROVINCES[province]! },
    ...(city && city !== province ? { city: { zh: inScript(`${city}市`), en: romanisePlace(city) } } : {}),
    basis: 'inferred',
  };
}
