import { createHash } from 'node:crypto';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Provenance } from './import-page.ts';

/** One record of a manifest of raw files (`--manifest`), as /work/shared/corpora/manifest.json keeps them. */
export interface ManifestRecord {
  /** The file's path relative to the manifest's folder. */
  file: string;
  sha256: string;
  /** `owner/name` on GitHub, or the repository's URL. */
  repository: string;
  commit: string;
  /** Where in the repository the file was taken from: a path, maybe followed by a note in parentheses. */
  taken_from: string;
  /** The address the text was originally published at, when known. */
  source_url?: string;
  /** The text's licence status, in both languages, when the manifest gives it. */
  licence?: { zh: string; en: string };
}

/** A manifest read from its file: its folder and its records by relative path. */
export interface Manifest {
  folder: string;
  records: Map<string, ManifestRecord>;
}

const fail = (file: string, message: string): never => {
  throw new Error(`${file}: ${message}`);
};

/** Reads and checks a manifest's records, naming the record and the field that is wrong. */
export function parseManifest(json: string, manifestFile: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return fail(manifestFile, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data))
    return fail(manifestFile, 'a manifest is a JSON list of {file, sha256, repository, commit, taken_from} records');
  const records = new Map<string, ManifestRecord>();
  data.forEach((record: Record<string, unknown>, i) => {
    const where = `record ${i + 1}${typeof record?.file === 'string' ? ` (${record.file})` : ''}`;
    for (const field of ['file', 'sha256', 'repository', 'commit', 'taken_from'] as const)
      if (typeof record?.[field] !== 'string' || (record[field] as string).trim() === '')
        fail(manifestFile, `${where}: "${field}" is missing or not a string`);
    if (!/^[0-9a-f]{64}$/.test(record.sha256 as string))
      fail(manifestFile, `${where}: "sha256" must be 64 lowercase hexadecimal digits`);
    if (!/^[0-9a-f]{40}$/.test(record.commit as string))
      fail(manifestFile, `${where}: "commit" must be 40 lowercase hexadecimal digits`);
    if (record.source_url !== undefined && !/^https?:\/\//.test(String(record.source_url)))
      fail(manifestFile, `${where}: "source_url" must be an http(s) address`);
    records.set((record.file as string).split('/').join(sep), record as unknown as ManifestRecord);
  });
  return { folder: dirname(resolve(manifestFile)), records };
}

/** The repository's web address: `owner/name` is a GitHub repository. */
export const repositoryUrl = (repository: string): string =>
  /^https?:\/\//.test(repository) ? repository.replace(/\/+$/, '') : `https://github.com/${repository}`;

/**
 * The provenance the manifest records for a file, or undefined when it does not list the file.
 * Throws when the file's SHA-256 differs from the manifest's: it is not the file listed.
 */
export function findProvenance(manifest: Manifest, file: string, bytes: Uint8Array): Provenance | undefined {
  const record = manifest.records.get(relative(manifest.folder, resolve(file)));
  if (!record) return undefined;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== record.sha256) {
    throw new Error(
      `its SHA-256 is ${sha256}, but the manifest lists ${record.file} with ${record.sha256}: the file is not the one the manifest records; restore it, or correct the manifest`,
    );
  }
  return {
    repository: {
      url: repositoryUrl(record.repository),
      commit: record.commit,
      path: record.taken_from.split('(')[0]!.trim(),
    },
    ...(record.source_url ? { url: record.source_url } : {}),
    ...(record.licence ? { licence: record.licence } : {}),
  };
}
