import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeBytes, MAX_RAW_BYTES } from '../../src/importer/decode.ts';
import { toSimplified, toTraditional } from '../../src/lib/script-convert.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'content', 'sources');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeBytes', () => {
  test.each([
    ['utf-8', utf8('同志们:\n结合近期市委市政府、市国资委领导的一系列讲话精神')],
    ['utf-8-bom', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('同志们:')])],
  ])('reads %s', (encoding, bytes) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.startsWith('同志们:')).toBe(true);
  });

  test('reads a simplified page saved as GBK as GB18030', () => {
    const text = '在控股集团帮扶解困和改革发展工作分析总结会上的讲话\n盛俊泰\n同志们:';
    const decoded = decodeBytes(iconv.encode(text, 'gbk'));
    expect(decoded).toEqual({ text, encoding: 'gb18030', warnings: [] });
  });

  test('reads a traditional page saved as Big5, and the same page saved as GBK', () => {
    const text = '金堆城獨立工礦區剝離辦社會職能綜合改革試點工作小組在渭南市政府常務會議室召開第一次全體會議。';
    expect(decodeBytes(iconv.encode(text, 'big5'))).toMatchObject({ text, encoding: 'big5' });
    expect(decodeBytes(iconv.encode(text, 'gbk'))).toMatchObject({ text, encoding: 'gb18030' });
  });

  test('tells GBK from Big5 on every 12-character stretch of the seed texts', () => {
    // Detectors often confuse the two on short inputs; 12 Han characters is about one short line.
    let tried = 0;
    const wrong: string[] = [];
    for (const id of [
      '2014-04-14-jinan-holding-assistance-and-reform-speech',
      '2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting',
    ]) {
      const han = readFileSync(join(SEEDS, `${id}.txt`), 'utf8').replace(/[^\p{Script=Han}，。、]/gu, '');
      for (let i = 0; i + 12 < han.length; i += 37) {
        const sample = han.slice(i, i + 12);
        for (const [encoding, text] of [
          ['gbk', toSimplified(sample)],
          ['big5', toTraditional(sample)],
        ] as const) {
          const bytes = iconv.encode(text, encoding);
          if (iconv.decode(bytes, encoding) !== text) continue;
          tried += 1;
          const decoded = decodeBytes(bytes);
          if (decoded.text !== text) wrong.push(`${encoding} ${text} → ${decoded.encoding}`);
        }
      }
    }
    expect(tried).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });

  test('repairs a page that was UTF-8 read as Windows-1252 and saved again, and says so', () => {
    const text = '在控股集团帮扶解困和改革发展工作分析总结会上的讲话\n同志们:';
    const doubled = new TextDecoder('windows-1252').decode(utf8(text));
    expect(doubled.startsWith('åœ¨æŽ§')).toBe(true);
    const decoded = decodeBytes(utf8(doubled));
    expect(decoded.text).toBe(text);
    expect(decoded.warnings[0]).toMatch(/read as Windows-1252 and saved again/);
    expect(decodeBytes(utf8('Café, naïve façade: plain French text stays as it is.')).warnings).toEqual([]);
  });

  test.each([
    ['an empty file', new Uint8Array(0), /the file is empty/],
    [
      'a PNG image',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /PNG image file, not text/,
    ],
    ['random binary', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /looks binary/],
    ['a file over the size limit', new Uint8Array(MAX_RAW_BYTES + 1).fill(0x41), /over the 2 MB limit/],
    [
      'bytes that are no Chinese encoding',
      new Uint8Array([0x80, 0x81, 0xff, 0xfe, 0x80, 0xff, 0x41, 0x42]),
      /neither valid UTF-8 nor Chinese text/,
    ],
  ])('refuses %s with a message saying what to do', (_, bytes, message) => {
    expect(() => decodeBytes(bytes)).toThrow(message);
  });
});
