import * as OpenCC from 'opencc-js';

/** One of OpenCC's conversion presets, as opencc-js 1.4 lays it out in `Locale.configs`. */
interface ConverterConfig {
  normalizationChain?: OpenCC.DictGroup[];
  segmentation?: OpenCC.DictLike | OpenCC.DictGroup;
  conversionChain: readonly OpenCC.DictGroup[];
}

/** Segments longer than this are converted each time rather than remembered. */
const MEMO_SEGMENT_LENGTH = 8;
/** Past this many remembered segments the memory starts again (a bound real text does not reach). */
const MEMO_ENTRIES = 200_000;
/** Ideographic description characters: OpenCC steps over a whole description (⿰木木) at once. */
const IDEOGRAPHIC_DESCRIPTION = /[\u2ff0-\u2fff]/;

/**
 * OpenCC's converter for a preset (`s2tw`, `tw2s`) with the same output as `OpenCC.Converter`,
 * in about half the time. OpenCC normalises the text, cuts it into the segmentation
 * dictionary's longest matches (words) and the runs between them, and passes each segment
 * through its conversion chain, each stage a longest-match pass over a trie. Two shortcuts,
 * each exact:
 * - A word's conversion is remembered: the chain is a pure function of the segment.
 * - In a run between words, the first stage can only match single characters when every longer
 *   key it has is a segmentation word (no word starts anywhere in the run, or the segmenter
 *   would have cut it there), so the run is converted character by character from a table.
 *   This is checked on the dictionaries when the converter is made, and skipped for text with
 *   ideographic descriptions, where OpenCC's steps through a run depend on what follows it.
 */
function createConverter(preset: string): (text: string) => string {
  const config = (OpenCC.Locale.configs as unknown as Record<string, ConverterConfig | undefined>)[preset];
  if (!config) throw new Error(`opencc-js has no preset ${preset}`);
  const { segmentation } = config;
  // As opencc-js reads it: a list of dictionary strings is a group, anything else one dictionary.
  const segmentationGroup: OpenCC.DictGroup | undefined =
    segmentation === undefined
      ? undefined
      : Array.isArray(segmentation) && segmentation.every((dict) => typeof dict === 'string')
        ? (segmentation as OpenCC.DictGroup)
        : [segmentation as OpenCC.DictLike];
  const segmenter = new OpenCC.Trie();
  if (segmentationGroup) segmenter.loadDictGroup(segmentationGroup);
  const chain = config.conversionChain.map((group) => {
    const trie = new OpenCC.Trie();
    trie.loadDictGroup(group);
    return trie;
  });
  const normaliseAll = config.normalizationChain && OpenCC.ConverterFactory(...config.normalizationChain);
  // A pass changes nothing in a text where none of its keys can start (most texts, for the
  // normalisation), and the test is a native scan rather than a walk of the trie.
  const normalisable = config.normalizationChain && startsOf(config.normalizationChain.flatMap(listKeys));
  const normalise = (text: string): string => (normaliseAll && normalisable!.test(text) ? normaliseAll(text) : text);

  const memo = new Map<string, string>();
  const convertSegment = (segment: string): string => {
    const known = memo.get(segment);
    if (known !== undefined) return known;
    let converted = segment;
    for (const trie of chain) converted = trie.convert(converted);
    if (segment.length <= MEMO_SEGMENT_LENGTH) {
      if (memo.size >= MEMO_ENTRIES) memo.clear();
      memo.set(segment, converted);
    }
    return converted;
  };

  const [first, ...rest] = chain;
  const restStarts = config.conversionChain.slice(1).map((group) => startsOf(listKeys(group)));
  const words = new Set(segmentationGroup ? listKeys(segmentationGroup) : []);
  const byCharacter =
    segmentationGroup !== undefined &&
    first !== undefined &&
    listKeys(config.conversionChain[0]!).every((key) => [...key].length <= 1 || words.has(key));
  // What the first stage makes of each UTF-16 unit; surrogate pairs go to the trie.
  const characters: (string | undefined)[] = [];
  const convertRun = (run: string): string => {
    let converted = '';
    let unchanged = 0;
    for (let i = 0; i < run.length;) {
      const code = run.charCodeAt(i);
      const pair = code >= 0xd800 && code <= 0xdbff && (run.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const width = pair ? 2 : 1;
      const to = pair ? first!.convert(run.slice(i, i + 2)) : (characters[code] ??= first!.convert(run[i]!));
      if (to.length !== width || !run.startsWith(to, i)) {
        converted += run.slice(unchanged, i) + to;
        unchanged = i + width;
      }
      i += width;
    }
    converted = unchanged === 0 ? run : converted + run.slice(unchanged);
    rest.forEach((trie, i) => {
      if (restStarts[i]!.test(converted)) converted = trie.convert(converted);
    });
    return converted;
  };

  return (text: string): string => {
    const normalised = normalise(text);
    if (!segmentationGroup) return convertSegment(normalised);
    if (!byCharacter || IDEOGRAPHIC_DESCRIPTION.test(normalised)) {
      let converted = '';
      for (const segment of segmenter.segment(normalised)) converted += convertSegment(segment);
      return converted;
    }
    // Trie.segment's own walk, keeping apart the words (longest matches) and the runs between
    // them; without ideographic descriptions it steps one character (code point) at a time.
    let converted = '';
    let run = -1;
    for (let i = 0; i < normalised.length;) {
      const word = segmenter.matchPrefix(normalised, i);
      if (word) {
        if (run >= 0) converted += convertRun(normalised.slice(run, i));
        run = -1;
        converted += convertSegment(normalised.slice(i, word.end));
        i = word.end;
      } else {
        if (run < 0) run = i;
        i += normalised.codePointAt(i)! > 0xffff ? 2 : 1;
      }
    }
    if (run >= 0) converted += convertRun(normalised.slice(run));
    return converted;
  };
}

/** A pattern matching any character a key starts with. */
function startsOf(keys: readonly string[]): RegExp {
  const starts = new Set(keys.flatMap((key) => [...key].slice(0, 1)));
  const escape = (char: string) => (/[\\\]^-]/.test(char) ? `\\${char}` : char);
  return new RegExp(`[${[...starts].map(escape).join('')}]`, 'u');
}

/** The keys of a dictionary group: strings are "key value|key value", lists are pairs. */
function listKeys(group: OpenCC.DictGroup): string[] {
  return group.flatMap((dict) =>
    typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')[0]!) : dict.map(([key]) => key),
  );
}

// Taiwan character forms ("tw", characters only, no phrase rewriting): the traditional seed texts
// use them (群, 為, 裡 rather than OpenCC's standard 羣, 爲, 裏), and so do most readers of
// traditional script. Reading from "tw" also folds its variants back to simplified.
// OpenCC.Converter({ from: 'tw', to: 'cn' }) and ({ from: 'cn', to: 'tw' }) use these presets;
// tests/lib.test.ts checks that the output is the same as theirs.
const toSimplifiedConverter = createConverter('tw2s');
const toTraditionalConverter = createConverter('s2tw');

/** Converts Chinese text to simplified characters (OpenCC, phrase-aware). */
export function toSimplified(text: string): string {
  return toSimplifiedConverter(text);
}

/** Converts Chinese text to traditional characters (OpenCC, phrase-aware). */
export function toTraditional(text: string): string {
  return toTraditionalConverter(text);
}

/** The distinct forms of a Chinese term in both scripts, the original first. */
export function listScriptForms(term: string): string[] {
  return [...new Set([term, toSimplified(term), toTraditional(term)])];
}

/**
 * Every Han character (basic block and extension A) that OpenCC turns into a different single
 * simplified character, as a string of pairs: "國国資资…". The search page converts queries
 * with it (about 3,200 pairs, 19 KB; characters of the BMP only, as the index holds), instead of shipping OpenCC's dictionaries to browsers.
 */
export function listTraditionalToSimplifiedPairs(): string {
  const pairs: string[] = [];
  for (let code = 0x3400; code <= 0x9fff; code += 1) {
    if (code > 0x4dbf && code < 0x4e00) continue;
    const char = String.fromCodePoint(code);
    const simplified = toSimplifiedConverter(char);
    if (simplified !== char && simplified.length === 1) pairs.push(char + simplified);
  }
  return pairs.join('');
}

let characterTable: Uint16Array | undefined;

/**
 * Converts traditional characters to simplified one character at a time, with the pairs of
 * `listTraditionalToSimplifiedPairs`: exactly what the search page does to a query, so that
 * the Chinese index, built with it, agrees with every query. Fast (a table lookup per
 * character), unlike OpenCC's phrase-aware conversion.
 */
export function simplifyCharacters(text: string): string {
  if (!characterTable) {
    characterTable = new Uint16Array(0x10000);
    // Code points, not UTF-16 units: a few simplified forms lie outside the BMP (and stay unmapped
    // here, as every Han character outside the BMP is not indexed).
    const pairs = [...listTraditionalToSimplifiedPairs()];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const [from, to] = [pairs[i]!, pairs[i + 1]!];
      if (from.length === 1 && to.length === 1) characterTable[from.charCodeAt(0)] = to.charCodeAt(0);
    }
  }
  const table = characterTable;
  let out = '';
  let done = 0;
  for (let i = 0; i < text.length; i += 1) {
    const mapped = table[text.charCodeAt(i)]!;
    if (mapped === 0) continue;
    out += text.slice(done, i) + String.fromCharCode(mapped);
    done = i + 1;
  }
  return done === 0 ? text : out + text.slice(done);
}
