import { toSimplified, toTraditional } from '../lib/script-convert.ts';

/**
 * The script of a Chinese text: `zh-Hant` when more of its characters change on conversion to
 * simplified than on conversion to traditional, else `zh-Hans`. Reads at most 4,000 characters.
 */
export function detectScript(text: string): 'zh-Hans' | 'zh-Hant' {
  const sample = [...text.slice(0, 4000)];
  const simplified = [...toSimplified(sample.join(''))];
  const traditional = [...toTraditional(sample.join(''))];
  let traditionalOnly = 0;
  let simplifiedOnly = 0;
  sample.forEach((char, i) => {
    if (simplified[i] !== undefined && simplified[i] !== char) traditionalOnly += 1;
    if (traditional[i] !== undefined && traditional[i] !== char) simplifiedOnly += 1;
  });
  return traditionalOnly > simplifiedOnly ? 'zh-Hant' : 'zh-Hans';
}
