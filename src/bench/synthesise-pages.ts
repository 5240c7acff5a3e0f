// Benchmark material, not the importer: it lives with the benchmarks so that src/importer
// depends on nothing in src/corpus (the generator of the synthetic archive).
import iconv from 'iconv-lite';
import { createRandom } from '../corpus/create-random.ts';
import { toTraditional } from '../lib/script-convert.ts';

/** One generated raw page: a file name and its bytes. */
export interface RawPage {
  name: string;
  bytes: Uint8Array;
}

const SPAM = [
  '澳门真人娱乐城 百家乐 注册即送彩金 www.example-casino.com',
  '加微信 abc123456 领取全套资料',
  '【更多精品范文请访问 www.fanwen-example.com 免费下载】',
];
const NAV = ['首页 | 新闻中心 | 国企改革 | 党建工作 | 联系我们', '当前位置：首页 > 新闻中心 > 国企要闻'];
const FOOTER = ['Copyright © 2019 版权所有', '备案号：京ICP备12345678号'];

/**
 * Generates `count` varied raw pages from real ones, deterministically: paragraphs dropped or
 * repeated, spam and menus added, some pages cut off, saved as UTF-8 (some with a BOM or CRLF),
 * GBK, or Big5 after conversion to traditional (when every character fits). For the benchmark.
 */
export function synthesisePages(bases: readonly string[], count: number, seed = 1): RawPage[] {
  const random = createRandom(seed);
  const pages: RawPage[] = [];
  for (let i = 0; i < count; i += 1) {
    const base = bases[i % bases.length]!;
    const lines = base.split(/\r?\n/);
    const out: string[] = [];
    if (random.next() < 0.5) out.push(...NAV);
    for (const line of lines) {
      const roll = random.next();
      if (roll < 0.05 && line.length > 40) continue;
      out.push(line);
      if (roll > 0.97) out.push(SPAM[Math.floor(random.next() * SPAM.length)]!);
      if (roll > 0.95 && roll <= 0.97 && line.length > 40) out.push(line);
    }
    let text = out.join('\n');
    // A page cut off mid-text: it stops inside a sentence, somewhere in its last fifth.
    if (random.next() < 0.1) text = text.slice(0, Math.floor(text.length * (0.8 + random.next() * 0.15)));
    if (random.next() < 0.5) text = [text, ...FOOTER].join('\n');
    if (random.next() < 0.1) text = text.replace(/\n/g, '\r\n');
    const roll = random.next();
    let bytes: Uint8Array;
    let encoding = 'utf8';
    if (roll < 0.2) encoding = 'gbk';
    else if (roll < 0.3) encoding = 'big5';
    // A Big5 page is a traditional one: convert the text, as a Taiwan or Hong Kong site would have it.
    if (encoding === 'big5') text = toTraditional(text);
    if (encoding !== 'utf8') {
      const encoded = iconv.encode(text, encoding);
      if (iconv.decode(encoded, encoding) !== text) encoding = encoding === 'big5' ? 'gbk' : 'utf8';
    }
    if (encoding === 'utf8') {
      if (random.next() < 0.1) text = `\uFEFF${text}`;
      bytes = new TextEncoder().encode(text);
    } else bytes = iconv.encode(text, encoding);
    pages.push({ name: `${String(i).padStart(4, '0')}-${encoding}.txt`, bytes });
  }
  return pages;
}
