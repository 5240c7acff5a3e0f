// File operations the build's writers share: reading a range of a kept file exactly, and
// putting a file at a second place without copying its bytes where the file system allows.
import { copyFileSync, linkSync, readSync } from 'node:fs';

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
