/** Forms sources use to hide names and dates: xx书记, X月X日, **年, 某某, ××. */
const REDACTIONS: RegExp[] = [
  /(?<![A-Za-z])[xX×Ｘｘ]{2,4}(?=\p{Script=Han})|(?<=\p{Script=Han})[xX×Ｘｘ]{2,4}(?![A-Za-z])/gu,
  /[XＸx×*＊○]{1,2}月[XＸx×*＊○]{1,2}日/gu,
  /[*＊]{2}(?=年|届|全会|规划|大)|[XＸ×]{1,2}(?=年|月|日|个|项|次|届)|(?<=第)[XＸ×]{1,2}/gu,
  /某某|(?<=\p{Script=Han})某(?=[，。、,]|\s)/gu,
  /○{2,}/gu,
];

/** The redaction forms a text uses, each once, in order of first appearance. */
export function findRedactions(text: string): string[] {
  const found: { form: string; at: number }[] = [];
  for (const pattern of REDACTIONS) {
    for (const match of text.matchAll(pattern)) found.push({ form: match[0], at: match.index });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.form))];
}
