import { describe, expect, test } from 'vitest';
import { checkContent } from '../src/checker/check-content.ts';
import { formatProblem } from '../src/checker/problem.ts';
import { BASE_ARCHIVE, readTree, toContentFiles } from './helpers/content-tree.ts';

// Byte-level cases are built here from a readable recipe rather than committed as opaque files.
const SPEECH = 'documents/2014-04-14-holding-speech.md';
const encoder = new TextEncoder();

function reportWith(path: string, bytes: Uint8Array): string[] {
  const tree = readTree(BASE_ARCHIVE);
  tree.set(path, bytes);
  return checkContent(toContentFiles(tree)).problems.map(formatProblem);
}

function speechText(): string {
  return new TextDecoder().decode(readTree(BASE_ARCHIVE).get(SPEECH));
}

describe('the checker on raw bytes', () => {
  test('accepts a byte-order mark, CRLF and mixed line endings with the same result as LF', () => {
    const lf = speechText();
    const crlf = lf.replace(/\n/g, '\r\n');
    const mixed = lf
      .split('\n')
      .map((line, i) => line + (i % 2 ? '\r\n' : '\n'))
      .join('');
    for (const text of [`\uFEFF${lf}`, crlf, mixed, `\uFEFF${crlf}`]) {
      expect(reportWith(SPEECH, encoder.encode(text))).toEqual([]);
    }
  });

  test('keeps line numbers right under CRLF', () => {
    const broken = speechText().replace('  - jinan-holding\n', '  - jinan-holdng\n').replace(/\n/g, '\r\n');
    expect(reportWith(SPEECH, encoder.encode(broken))).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:24:5  enterprises[0]  unknown enterprise "jinan-holdng"; did you mean "jinan-holding"?",
        "content/documents/2014-04-14-holding-speech.md:39:30  enterprises  warning: the text names 控股集团 (enterprises/jinan-holding) but "enterprises" does not list "jinan-holding": add it, or ignore if the mention is incidental",
      ]
    `);
  });

  test('names the byte offset of invalid UTF-8 and suggests the importer', () => {
    // 国资委 in GBK, as an editor's tool might save a scraped page.
    const gbk = new Uint8Array([0xb9, 0xfa, 0xd7, 0xca, 0xce, 0xaf]);
    const text = encoder.encode(speechText());
    const bytes = new Uint8Array([...text.subarray(0, 200), ...gbk, ...text.subarray(200)]);
    expect(reportWith(SPEECH, bytes)).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:7:47  not valid UTF-8 at byte offset 200: if the text is GBK/GB18030 or Big5, convert it with the importer (npm run import -- <file>) or re-save it as UTF-8",
      ]
    `);
  });

  test('rejects NUL bytes', () => {
    const text = encoder.encode(speechText());
    const bytes = new Uint8Array([...text.subarray(0, 40), 0, ...text.subarray(40)]);
    expect(reportWith(SPEECH, bytes)).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:3:7  NUL byte at byte offset 40: this is a binary file or a broken save; re-save the file as UTF-8 text",
      ]
    `);
  });

  test('warns over 1 MB and refuses over 10 MB without parsing', () => {
    const paragraph = '国有企业改革涉及整个社会的方方面面，牵一发而动全身。\n\n';
    const big = (megabytes: number) =>
      encoder.encode(speechText() + paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / 80)));
    expect(reportWith(SPEECH, big(1.5))).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.en.md:10:1  translation is not aligned with the original: the original has 19663 blocks, the translation 3; they first differ at block 4 (content/documents/2014-04-14-holding-speech.md:44): original paragraph, translation nothing. Give each original paragraph and heading exactly one counterpart, translated or [untranslated].",
        "content/documents/2014-04-14-holding-speech.md  warning: file is 1.5 MB; files over 1 MB slow every build: is it one document?",
      ]
    `);
    expect(reportWith(SPEECH, big(20))).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md  file is 20.0 MB, over the 10 MB limit: split the text or keep the raw source outside content/",
      ]
    `);
  });

  test('stops a YAML alias bomb instead of expanding it', () => {
    const bomb = [
      '---',
      'id: jinan-holding',
      'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
      ...'bcdefghij'
        .split('')
        .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
      '---',
      '',
    ].join('\n');
    expect(reportWith('enterprises/jinan-holding.md', encoder.encode(bomb))).toMatchInlineSnapshot(`
      [
        "content/enterprises/jinan-holding.md:2:1  YAML: Excessive alias count indicates a resource exhaustion attack",
      ]
    `);
  });

  test('names a key set twice, with both lines, at any depth', () => {
    const text = speechText()
      .replace('type: speech', 'type: speech\ntype: report')
      .replace(/^ {2}zh: (.*)$/m, '  zh: $1\n  zh: 又一个');
    const lines = text.split('\n');
    const second = lines.indexOf('type: report') + 1;
    const problems = reportWith(SPEECH, encoder.encode(text)).filter((line) => line.includes('duplicate key'));
    expect(problems).toHaveLength(2);
    expect(
      problems.some((line) =>
        line.includes(`:${second}:1  YAML: duplicate key "type": it is already set on line ${second - 1}`),
      ),
    ).toBe(true);
    expect(problems.some((line) => line.includes('duplicate key "zh"'))).toBe(true);
  });

  test('refuses a right-to-left override hidden in a title, naming its line', () => {
    const text = speechText().replace(/^ {2}zh: (.*)$/m, '  zh: \u202E$1');
    const line = text.split('\n').findIndex((row) => row.includes('\u202E')) + 1;
    const problems = reportWith(SPEECH, encoder.encode(text));
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^content/${SPEECH}:${line}:7  invisible U\\+202E RIGHT-TO-LEFT OVERRIDE`)),
    );
  });
});
