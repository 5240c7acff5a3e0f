// `npm run bench:yaml`: how long the checker takes over one document whose frontmatter has N
// keys (N = 5,000, 20,000, 120,000: the last about 5.5 MB, under the 10 MB file limit), and over
// one with a list of N items. One JSON line per case; the time should grow in proportion to N.
import { checkContent } from '../checker/check-content.ts';

const BASE = [
  '---',
  'id: many-keys',
  'status: draft',
  'type: speech',
  'title:',
  '  zh: 标题',
  'summary:',
  '  zh: 摘要',
  'date: "2020"',
  'date_precision: year',
  'date_basis: stated',
  'script: zh-Hans',
  'source:',
  '  site:',
  '    zh: 网站',
].join('\n');

function documentWith(extra: string): Uint8Array {
  return new TextEncoder().encode(`${BASE}\n${extra}\n---\n\n正文。\n`);
}

const cases: { shape: string; count: number; bytes: Uint8Array }[] = [];
for (const count of [5_000, 20_000, 120_000]) {
  const keys = Array.from({ length: count }, (_, i) => `extra_key_${i}: value number ${i}`).join('\n');
  cases.push({ shape: 'keys', count, bytes: documentWith(keys) });
}
for (const count of [5_000, 120_000]) {
  const items = Array.from({ length: count }, (_, i) => `  - name-${i}`).join('\n');
  cases.push({ shape: 'list', count, bytes: documentWith(`enterprises:\n${items}`) });
}

for (const { shape, count, bytes } of cases) {
  const started = performance.now();
  const result = checkContent([
    { relative: 'documents/many-keys.md', display: 'content/documents/many-keys.md', bytes },
  ]);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      bench: 'yaml',
      shape,
      count,
      mb: Number((bytes.length / 2 ** 20).toFixed(2)),
      seconds: Number(seconds.toFixed(3)),
      us_per_item: Number(((seconds * 1e6) / count).toFixed(1)),
      problems: result.problems.length,
    }),
  );
}
