// File operations the build's writers share: reading a range of a kept file exactly, putting a
// file at a second place without copying its bytes where the file system allows, and the
// digests by which the kept search and trends indexes tell a file unaltered or unchanged.
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, readFileSync, readSync } from 'node:fs';

/**
 * Reads `length` bytes at `position` of an open file; a file that ends sooner (changed since it
 * was checked) throws `cutShort`, which names the file and the remedy.
 */
export function readAt(fd: number, position: number, length: number, cutShort: string): Uint8Array {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) throw new Error(cutShort);
    done += read;
  }
  return bytes;
}

/**
 * Puts `from` at `to`: a hard link where the file system allows, else a copy. Only for files
 * never written again in place (kept parts, staged pages): a link shares their bytes.
 */
export function shareFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * The digest of a file's bytes as the kept indexes record each file they wrote: their files are
 * hard links to the published site's, which other tools may edit in place, so a kept file is
 * used again only while its bytes still give the recorded digest.
 */
export function sumBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** `sumBytes` of the file at `path`; undefined when it cannot be read. */
export function sumFile(path: string): string | undefined {
  try {
    return sumBytes(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * What a gzipped file is made from: its contents, the gzip level and zlib's version. A file
 * whose digest is the kept one's is linked from the kept index instead of gzipped again.
 */
export function sumZipped(contents: Uint8Array | string, level: number): string {
  return createHash('sha1').update(`${level} ${process.versions.zlib}\u0000`).update(contents).digest('base64');
}
