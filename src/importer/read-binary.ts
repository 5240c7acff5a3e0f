import mammoth from 'mammoth';
import { ImportError } from './import-error.ts';
import type { ConvertedFile } from './read-page.ts';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** True for a Word file (.docx: a zip holding word/document.xml). */
export function isDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
  return Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).includes('word/');
}

/** True for a PDF file. */
export const isPdf = (bytes: Uint8Array): boolean => startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]);

/**
 * Reads a Word or PDF file into HTML or text for the importer: a .docx through mammoth (its
 * headings and paragraphs become HTML blocks, one line each); a PDF is refused with what to do.
 * Returns undefined for any other file, which is read as text.
 */
export async function readBinaryFile(bytes: Uint8Array): Promise<ConvertedFile | undefined> {
  if (isDocx(bytes)) {
    let result: { value: string; messages: { type: string; message: string }[] };
    try {
      result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    } catch (error) {
      throw new ImportError(`the Word file could not be read (${(error as Error).message}): save it again as .docx`);
    }
    const warnings = [
      'the file is a Word document: its text was read with mammoth',
      ...result.messages.filter((m) => m.type === 'error').map((m) => `Word file: ${m.message}`),
    ];
    return { encoding: 'docx', text: `<!DOCTYPE html><html><body>${result.value}</body></html>`, warnings };
  }
  if (isPdf(bytes)) {
    throw new ImportError(
      'the file is a PDF, which the importer does not read: copy its text into a .txt file (or save the page as .html) and import that',
    );
  }
  return undefined;
}

/** The extension a raw file is kept under in content/sources: .docx, .pdf, .html or .txt. */
export function sourceExtension(file: string, bytes: Uint8Array): string {
  if (isDocx(bytes)) return '.docx';
  if (isPdf(bytes)) return '.pdf';
  return /\.html?$/i.test(file) ? '.html' : '.txt';
}
