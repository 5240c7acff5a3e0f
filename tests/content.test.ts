import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent, contentBytes } from '../src/checker/check-content.ts';
import { loadContentFiles } from '../src/checker/load-content.ts';
import { formatProblem } from '../src/checker/problem.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { toSimplified, toTraditional } from '../src/lib/script-convert.ts';
import { documentSchema } from '../src/schema/index.ts';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', 'content');
const files = loadContentFiles(root);
const documents = files
  .filter((file) => /^documents\/[^/]+(?<!\.en)\.md$/.test(file.relative))
  .map((file) => {
    const split = splitFrontmatter(new TextDecoder().decode(contentBytes(file)));
    if ('problem' in split) throw new Error(`${file.relative}: ${split.problem} frontmatter`);
    return { file: file.relative, data: documentSchema.parse(parse(split.yaml)), body: split.body };
  });

describe('the archive in content/', () => {
  test('has no errors or warnings', () => {
    const result = checkContent(files);
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  test('holds the five seed texts, with the entities they name and two translations', () => {
    const { counts } = checkContent(files);
    expect(counts.documents).toBeGreaterThanOrEqual(5);
    expect(counts.enterprises).toBeGreaterThanOrEqual(30);
    expect(counts.directives).toBeGreaterThanOrEqual(25);
    const translated = files.filter((file) => file.relative.endsWith('.en.md')).map((file) => file.relative);
    expect(translated).toEqual(
      expect.arrayContaining([
        'documents/2014-04-14-jinan-holding-assistance-and-reform-speech.en.md',
        'documents/2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting.en.md',
      ]),
    );
  });

  test.each(documents.map((doc) => [doc.file, doc] as const))('%s has an English summary of 80–200 words', (_, doc) => {
    const words = doc.data.summary.en.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(80);
    expect(words).toBeLessThanOrEqual(200);
  });

  test.each(documents.map((doc) => [doc.file, doc] as const))('%s is clean of pinyin and site chrome', (_, doc) => {
    expect(doc.body).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/);
    // Chrome stands on short lines of its own; prose may well say 注册资本 or 北斗导航.
    const shortLines = doc.body
      .split('\n')
      .filter((line) => line.trim().length > 0 && line.trim().length < 40)
      .join('\n');
    for (const chrome of [
      '点击数',
      '發布人',
      '导航',
      '登录',
      '注册',
      'ICP',
      'Copyright',
      'QQ',
      '浏览',
      '充值',
      '订阅',
      '導語',
      '時間:',
    ]) {
      expect(shortLines, chrome).not.toContain(chrome);
    }
  });

  test.each(documents.map((doc) => [doc.file, doc] as const))(
    '%s keeps its original script and records its damage',
    (_, doc) => {
      const han = doc.body.replace(/[^\u4e00-\u9fff]/g, '');
      const chars = [...han];
      const changedBy = (convert: (text: string) => string) =>
        [...convert(han)].filter((char, i) => char !== chars[i]).length / chars.length;
      // Converting to its own script changes almost nothing; to the other script, a great deal.
      // (Websites' own conversion leaves a few ambiguous forms such as 干 and 后 in traditional texts.)
      const [own, other] =
        doc.data.script === 'zh-Hant' ? [toTraditional, toSimplified] : [toSimplified, toTraditional];
      expect(changedBy(own)).toBeLessThan(0.02);
      expect(changedBy(other)).toBeGreaterThan(0.2);
      for (const defect of doc.data.source.defects) expect(doc.body).toContain(defect.text);
    },
  );

  test("keeps the speeches' own section headings as Markdown headings", () => {
    const yueqing = documents.find(
      (doc) => doc.data.id === '2005-yueqing-second-light-industry-work-conference-speech',
    );
    expect(yueqing?.body).toMatch(/^## 一、/m);
    expect(yueqing?.body).toMatch(/^### （一）|^### \(一\)/m);
  });
});
