import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { describe, expect, it } from 'vitest';
import { listBlockStarts } from '../src/lib/block-starts.ts';
import { parseMarkdown, readBlocksByLine } from '../src/lib/markdown-blocks.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';

const micromark = (markdown: string) => fromMarkdown(markdown, { extensions: [cjkFriendlyExtension()] });
/** Where micromark starts each block: what the ¶ numbers of quoted mentions are counted from. */
const startsOf = (markdown: string) => micromark(markdown).children.map((node) => node.position?.start.offset);

// Lines a body may hold, plain and not: the line reader must give micromark's tree for every
// plain body it accepts, and decline the rest.
const LINES = [
  '',
  ' ',
  '   ',
  '\u3000',
  '国有企业改革取得重大进展。',
  '\u3000\u3000深化国有企业改革，完善中国特色现代企业制度。',
  '  两个空格开头的段落',
  '   三个空格',
  '    四个空格是代码',
  '行尾一个空格 ',
  '行尾两个空格  ',
  '行尾全角空格\u3000',
  '# 一、总体要求',
  '## 二、主要任务 ',
  '###   三、保障措施',
  '  #### 缩进的标题',
  '#',
  '## ',
  '####### 七个井号',
  '## 结尾井号 ##',
  '#标签',
  '一、加强党的领导',
  '1. 有序列表',
  '1.不是列表',
  '2) 列表',
  '- 无序列表',
  '-不是列表',
  '+ 加号列表',
  '> 引用',
  '---',
  '===',
  '~~~',
  '```',
  '**加粗**的文字',
  '*强调*',
  '下划线_文字_',
  '[链接](https://example.org/)',
  '<b>HTML</b>',
  '&amp; 实体',
  '反斜杠\\*转义',
  '`代码`',
  '**第一，基本建设规模的大小问题。**',
  '[untranslated]',
  '见[附件一]和[附件二]',
  '[甲][乙]与[丙][]',
  '![图](a.png)',
  '方括号]和[',
  '## [untranslated]',
  '段落里的#号',
  '[脚注]: https://example.org/',
  '* * *',
  '___',
  '<div>',
  '\t制表符',
  '𠀀𠀁 扩展B区汉字',
  'Reform of state-owned enterprises (SOEs) | 2024: 3 > 2 ~ 1 = 1 ! ?',
  'The “mixed-ownership” reform; 50% + 1',
];

/** A random body of `count` lines drawn from LINES, the same for the same seed. */
function generate(seed: number, count: number): string {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  return Array.from({ length: count }, () => LINES[next() % LINES.length]).join('\n');
}

describe('parseMarkdown', () => {
  it('gives micromark’s tree, positions included, for generated bodies plain and not', () => {
    let plain = 0;
    for (let seed = 1; seed <= 2000; seed += 1) {
      const body = generate(seed, 1 + (seed % 9));
      if (readBlocksByLine(body)) plain += 1;
      expect(parseMarkdown(body), JSON.stringify(body)).toEqual(micromark(body));
      expect(listBlockStarts(body), JSON.stringify(body)).toEqual(startsOf(body));
    }
    // The line reader did take a good share of them: the comparison tests it, not micromark twice.
    expect(plain).toBeGreaterThan(200);
  });

  it('gives micromark’s tree for every text and translation in content/', () => {
    const folder = join(import.meta.dirname, '..', 'content', 'documents');
    let plain = 0;
    const files = readdirSync(folder).filter((name) => name.endsWith('.md'));
    for (const name of files) {
      const split = splitFrontmatter(readFileSync(join(folder, name), 'utf8'));
      const body = 'body' in split ? split.body : '';
      if (readBlocksByLine(body)) plain += 1;
      expect(parseMarkdown(body), name).toEqual(micromark(body));
      expect(listBlockStarts(body), name).toEqual(startsOf(body));
    }
    expect(plain).toBeGreaterThan(files.length / 2);
  });

  it('reads a body line by line: paragraphs over several lines, headings, ideographic spaces kept, bold parsed', () => {
    const body = '# 标题\n\n\u3000\u3000第一行 \n  第二行\n## 小标题\n**第一，**正文\n\n[untranslated]';
    const tree = readBlocksByLine(body)!;
    expect(tree.children.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ]);
    expect(tree.children[1]).toMatchObject({ children: [{ value: '\u3000\u3000第一行\n第二行' }] });
    expect(tree.children[3]).toMatchObject({ children: [{ type: 'strong' }, { type: 'text', value: '正文' }] });
    expect(tree).toEqual(micromark(body));
  });

  it('counts blocks as the reading view does: a line of ideographic spaces does not end a paragraph', () => {
    const body = '第一段\n\u3000\u3000\n仍是第一段\n\n\u3000\u3000第二段';
    expect(listBlockStarts(body)).toEqual([0, body.indexOf('\u3000\u3000第二段')]);
    expect(listBlockStarts(body)).toEqual(startsOf(body));
  });

  it('leaves to micromark a body with other kinds of block', () => {
    for (const body of [
      '- 列表',
      '* 列表',
      '***',
      '第一行\n---',
      '> 引用',
      '```\n代码\n```',
      '[a]: https://example.org/',
      '制表\t符',
    ]) {
      expect(readBlocksByLine(body), body).toBeUndefined();
    }
  });
});
