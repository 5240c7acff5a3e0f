import { checkContent } from '../src/checker/check-content.ts';
import { loadContentFiles } from '../src/checker/load-content.ts';
import { buildArchiveIndex } from '../src/lib/archive-index.ts';
import { listBlockTexts } from '../src/lib/search-records.ts';
import { toSimplified } from '../src/lib/script-convert.ts';
const checked = checkContent(loadContentFiles(process.argv[2]!));
const archive = buildArchiveIndex(checked.entries, false);
let total = 0, perBlock = 0, perDoc = 0, chars = 0;
const HAN = /[\u3400-\u9fff]/;
for (const doc of archive.documents) {
  const docSet = new Set<string>();
  for (const block of listBlockTexts(doc.body)) {
    const text = toSimplified(block); chars += text.length;
    const set = new Set<string>();
    for (let i = 0; i + 1 < text.length; i++) if (HAN.test(text[i]!) && HAN.test(text[i+1]!)) { total++; set.add(text.slice(i, i+2)); docSet.add(text.slice(i,i+2)); }
    perBlock += set.size;
  }
  perDoc += docSet.size;
}
console.log({ docs: archive.documents.length, chars, total, perBlock, perDoc });
