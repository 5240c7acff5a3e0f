import { COMMON_HAN } from './common-han.ts';
import { ImportError } from './import-error.ts';

/** The encodings the importer recognises, as reported to the editor. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'docx' | 'pdf';

/** A raw page turned into text. */
export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** Doubts about the decoding, e.g. a short text whose legacy encoding is a close call. */
  warnings: string[];
}

/** Pages above this size are refused: one speech or report is rarely a tenth of it. */
export const MAX_RAW_BYTES = 2 * 1024 * 1024;

const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP (or DOCX/XLSX)', [0x50, 0x4b, 0x03, 0x04]],
  ['Word 97–2003 (DOC)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['gzip archive', [0x1f, 0x8b]],
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, i) => bytes[i] === byte);

/** Why `bytes` are not a text page at all, or undefined when they may be one. */
function explainBinary(bytes: Uint8Array): string | undefined {
  const magic = MAGIC.find(([, prefix]) => startsWith(bytes, prefix));
  if (magic)
    return `it is a ${magic[0]} file, not text: save the page's text (copy it into a .txt file) and import that`;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample)
    if (byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x1b)) control += 1;
  if (control > 0 && control / sample.length > 0.001) {
    return `it looks binary (${control} control or NUL bytes in the first ${sample.length} bytes), not a saved text page`;
  }
  return undefined;
}

const decoders = {
  'utf-8': new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }),
  gb18030: new TextDecoder('gb18030', { fatal: true }),
  big5: new TextDecoder('big5', { fatal: true }),
  gb18030Loose: new TextDecoder('gb18030'),
  big5Loose: new TextDecoder('big5'),
};

/** A candidate decoding and how much it looks like Chinese prose. */
interface Candidate {
  encoding: 'gb18030' | 'big5';
  text: string;
  /** Bytes the decoder could not map (shown as U+FFFD). */
  invalid: number;
  /** Share of Han characters among the most common ones (0–1). */
  common: number;
  han: number;
}

/** Share of the Han characters of `text` that are common ones, and how many Han characters it has. */
export function scoreChinese(text: string): { common: number; han: number } {
  let han = 0;
  let common = 0;
  for (const char of text) {
    if (!/\p{Script=Han}/u.test(char)) continue;
    han += 1;
    if (COMMON_HAN.has(char)) common += 1;
  }
  return { common: han === 0 ? 0 : common / han, han };
}

function tryLegacy(bytes: Uint8Array, encoding: 'gb18030' | 'big5'): Candidate {
  let text: string;
  let invalid = 0;
  try {
    text = decoders[encoding].decode(bytes);
  } catch {
    text = decoders[encoding === 'gb18030' ? 'gb18030Loose' : 'big5Loose'].decode(bytes);
    for (const char of text) if (char === '\uFFFD') invalid += 1;
  }
  return { encoding, text, invalid, ...scoreChinese(text) };
}

/**
 * Decodes a raw page: UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 with a
 * BOM, otherwise GB18030 (a superset of GBK and GB2312) or Big5, whichever decodes without
 * invalid bytes into the more common Chinese characters. Throws an ImportError for empty,
 * binary or oversized input, and when neither legacy encoding gives Chinese text.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ImportError('the file is empty: save the page text into it and import again');
  if (bytes.length > MAX_RAW_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new ImportError(
      `the file is ${mb} MB, over the ${MAX_RAW_BYTES / 1024 / 1024} MB limit for one page: it is probably not a single text (split it, or save only the text of the page)`,
    );
  }
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', warnings: [] };
  const binary = explainBinary(bytes);
  if (binary) throw new ImportError(binary);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: decodeUtf8(bytes.subarray(3), 'utf-8-bom'), encoding: 'utf-8-bom', warnings: [] };
  }
  try {
    const text = decoders['utf-8'].decode(bytes);
    const repaired = repairDoubleEncoding(text);
    if (repaired !== undefined) {
      return {
        text: repaired,
        encoding: 'utf-8',
        warnings: [
          'the page was UTF-8 read as Windows-1252 and saved again (å…¬å¸ for 公司): repaired; compare with the source',
        ],
      };
    }
    return { text, encoding: 'utf-8', warnings: [] };
  } catch {
    // Not UTF-8: one of the legacy Chinese encodings, told apart below.
  }
  const candidates = [tryLegacy(bytes, 'gb18030'), tryLegacy(bytes, 'big5')].sort(
    (a, b) => a.invalid - b.invalid || b.common - a.common,
  );
  const [best, other] = candidates as [Candidate, Candidate];
  if (best.han === 0 || (best.invalid > 0 && best.invalid / Math.max(best.han, 1) > 0.05)) {
    throw new ImportError(
      'the file is neither valid UTF-8 nor Chinese text in GB18030/GBK or Big5: check that it is a saved text page, or convert it to UTF-8 first',
    );
  }
  const warnings: string[] = [];
  if (best.invalid > 0) {
    warnings.push(`${best.invalid} byte sequences are not valid ${best.encoding} and were kept as U+FFFD (�)`);
  }
  if (other.invalid === best.invalid && best.common - other.common < 0.15) {
    warnings.push(
      `encoding uncertain: ${best.encoding} and ${other.encoding} both read the file (common-character share ${best.common.toFixed(2)} vs ${other.common.toFixed(2)}); check the text`,
    );
  }
  return { text: best.text, encoding: best.encoding, warnings };
}

// Windows-1252 as browsers read it: each character back to its byte, to undo a double encoding.
const CP1252_BYTES = new Map<string, number>(
  Array.from({ length: 256 }, (_, byte) => [new TextDecoder('windows-1252').decode(new Uint8Array([byte])), byte]),
);

/**
 * Undoes a double encoding: UTF-8 bytes read as Windows-1252 and saved as UTF-8 again, which
 * turns 公司 into å…¬å¸. Returns the repaired text when every character maps back to a byte,
 * the bytes are valid UTF-8 and they read as Chinese; otherwise undefined.
 */
export function repairDoubleEncoding(text: string): string | undefined {
  const sample = text.slice(0, 2000);
  const latin = (sample.match(/[\u00c0-\u00ff]/g) ?? []).length;
  if (latin < 10 || /\p{Script=Han}/u.test(sample)) return undefined;
  const bytes: number[] = [];
  for (const char of text) {
    const byte = CP1252_BYTES.get(char);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  try {
    const repaired = decoders['utf-8'].decode(new Uint8Array(bytes));
    return scoreChinese(repaired).han >= 10 ? repaired : undefined;
  } catch {
    return undefined;
  }
}

function decodeUtf8(bytes: Uint8Array, label: string): string {
  try {
    return decoders['utf-8'].decode(bytes);
  } catch {
    throw new ImportError(
      `the file starts with a UTF-8 byte-order mark (${label}) but is not valid UTF-8: re-save it as UTF-8`,
    );
  }
}
