import { z } from 'zod';
import {
  bilingualRequiredSchema,
  bilingualSchema,
  datePartCount,
  fullDateSchema,
  idListSchema,
  partialDateSchema,
  regionSchema,
  slugSchema,
} from './common.ts';

/** The kinds of text the archive keeps. */
export const DOCUMENT_TYPES = ['speech', 'report', 'news', 'exchange', 'notice', 'law', 'other'] as const;

/** How much of `date` is known. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;

const PRECISION_PARTS = { year: 1, month: 2, day: 3 } as const;

/** A place where the source itself is damaged; the damage stays visible in the body. */
export const defectSchema = z.strictObject({
  /** The damaged text exactly as it appears in the body, e.g. 锟斤拷 or 2014414. */
  text: z.string().min(1),
  /** What the damage is and, where it can be told, what was probably meant. */
  note: bilingualSchema,
});

/** A file in a public Git repository, at one commit. */
export const repositorySchema = z.strictObject({
  /** The repository's address, e.g. https://github.com/owner/name. */
  url: z.url({ protocol: /^https?$/ }),
  /** The commit the file was taken at: 40 hexadecimal digits. */
  commit: z.string().regex(/^[0-9a-f]{40}$/, 'commit must be 40 lowercase hexadecimal digits'),
  /** The file's path inside the repository. */
  path: z.string().trim().min(1),
});

/** Where the text came from. */
export const sourceSchema = z.strictObject({
  /** The website or publication the text was taken from. */
  site: bilingualSchema,
  /** The address of the page, or of the site when only the site is named. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** Who published the text (the organisation behind the site, or the newspaper). */
  publisher: bilingualSchema.optional(),
  /** The day the text was retrieved, YYYY-MM-DD. */
  retrieved: fullDateSchema.optional(),
  /** SHA-256 (hex) of the raw text as it was imported, before any cleaning. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hexadecimal digits')
    .optional(),
  /** True when the source hides names or dates (xx, X月X日, **年). */
  redacted: z.boolean().default(false),
  /** What the source hides, and what can still be told. */
  redaction_note: bilingualSchema.optional(),
  /** Damage in the source text (mojibake, lost characters, run-together dates), kept visible. */
  defects: z.array(defectSchema).default([]),
  /** The public repository the raw file was taken from, when it came from one (see `--manifest`). */
  repository: repositorySchema.optional(),
  /** The text's copyright or licence status, as the source or its curator states it. */
  licence: bilingualSchema.optional(),
});

/** A name the importer found that matches no entity yet: an editor decides what it is. */
export const reviewCandidateSchema = z.strictObject({
  /** The name exactly as the text writes it. */
  name: z.string().trim().min(1),
  /** What it would become: an enterprise or agency, or a directive (document title, campaign, formulation). */
  kind: z.enum(['enterprise', 'directive']),
  /** How many times the text names it. */
  count: z.number().int().positive(),
  /** The first sentence that names it, so the editor can judge without opening the body. */
  context: z.string().optional(),
});

/** What the importer could not settle and an editor must review before publishing. */
export const reviewSchema = z.strictObject({
  /** Doubts about the text: mojibake kept, a run-together date read, a year inferred, text cut off. */
  warnings: z.array(z.string().min(1)).default([]),
  /** Names proposed as new entities; never added to content/ without an editor. */
  candidates: z.array(reviewCandidateSchema).default([]),
});

/**
 * The frontmatter of `content/documents/<id>.md` as the checker reads it: one speech, report or
 * news item. A draft may lack its date (the importer never invents one); a published one may not.
 */
export const documentRecordSchema = z
  .strictObject({
    /** Permalink id, equal to the file name without `.md`. */
    id: slugSchema,
    /** `published` documents are built; `draft` ones only with a flag and may lack English. */
    status: z.enum(['published', 'draft']),
    /** What kind of text this is. */
    type: z.enum(DOCUMENT_TYPES),
    /** The title in Chinese (original script) and English. */
    title: bilingualSchema,
    /** A subtitle or motto line printed above the title, when the text has one. */
    subtitle: bilingualSchema.optional(),
    /** What the text says, in both languages; the English summary runs 80–200 words. */
    summary: bilingualSchema,
    /**
     * The date of the meeting or speech: YYYY-MM-DD, YYYY-MM or YYYY, matching `date_precision`.
     * Only a draft may lack it (the importer never invents one); a published document must have it.
     */
    date: partialDateSchema.optional(),
    /** How much of the date is known: day, month or year (with `date`). */
    date_precision: z.enum(DATE_PRECISIONS).optional(),
    /** `stated` when the text gives the date, `inferred` when it is deduced from the content (with `date`). */
    date_basis: z.enum(['stated', 'inferred']).optional(),
    /** How the date was reached; required when `date_basis` is `inferred`. */
    date_note: bilingualSchema.optional(),
    /** When the source published the text, if it says so. */
    published: partialDateSchema.optional(),
    /** When the text was uploaded to the site it was taken from, if that is all the page gives. */
    uploaded: partialDateSchema.optional(),
    /** The person id of the speaker or author, when known. */
    speaker: slugSchema.optional(),
    /** The speaker's office as the text gives it, when the person is unnamed or worth noting. */
    speaker_role: bilingualSchema.optional(),
    /** The meeting at which the text was delivered. */
    meeting: bilingualSchema.optional(),
    /** Where the text belongs. */
    region: regionSchema.optional(),
    /**
     * True for a text of the central state or Party that speaks for the whole country (a report
     * to the National People's Congress or to a Party Congress); such a text has no `region`.
     */
    national: z.boolean().optional(),
    /** Script of the original text, which is kept as it is. */
    script: z.enum(['zh-Hans', 'zh-Hant']),
    /** Enterprises and agencies the text concerns (ids in content/enterprises). */
    enterprises: idListSchema,
    /** Directives the text cites (ids in content/directives). */
    directives: idListSchema,
    /** People the text names (ids in content/people). */
    people: idListSchema,
    /** Where the text came from. */
    source: sourceSchema,
    /** Editorial notes: identifications, caveats, anything a careful reader should know. */
    notes: bilingualSchema.optional(),
    /** The importer's open questions; a published document must have none left. */
    review: reviewSchema.optional(),
  })
  .superRefine(checkDocumentConsistency, {
    // Run even when single fields failed, so an editor sees every problem in one pass.
    when: () => true,
  });

/**
 * A document with its date: every published document, and the only kind a build shows (an
 * undated draft is left out of it). Tests, benchmarks and the editor read documents with it.
 */
export const documentSchema = documentRecordSchema.refine(
  (
    doc,
  ): doc is typeof doc & {
    date: string;
    date_precision: 'day' | 'month' | 'year';
    date_basis: 'stated' | 'inferred';
  } => doc.date !== undefined && doc.date_precision !== undefined && doc.date_basis !== undefined,
  { path: ['date'], message: 'the document has no date: give the date, its date_precision and date_basis' },
);

type DocumentDraft = {
  status?: unknown;
  national?: unknown;
  region?: unknown;
  date?: unknown;
  date_precision?: unknown;
  date_basis?: unknown;
  date_note?: unknown;
  review?: unknown;
};

/** Cross-field rules: precision matches the date, inferred dates explain themselves, published is bilingual. */
function checkDocumentConsistency(doc: DocumentDraft, ctx: z.RefinementCtx): void {
  if (doc.national === true && doc.region !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['national'],
      message: 'a national document has no region: remove `region`, or `national` if the text is local',
    });
  }
  const precision = doc.date_precision;
  if (typeof doc.date === 'string' && typeof precision === 'string' && precision in PRECISION_PARTS) {
    const parts = datePartCount(doc.date);
    const expected = PRECISION_PARTS[precision as keyof typeof PRECISION_PARTS];
    if (parts !== expected) {
      const has = parts === 1 ? 'a year only' : parts === 2 ? 'a year and month' : 'a full day';
      const form = { 1: 'YYYY', 2: 'YYYY-MM', 3: 'YYYY-MM-DD' }[expected];
      ctx.addIssue({
        code: 'custom',
        path: ['date_precision'],
        message: `date_precision is "${precision}" but date "${doc.date}" has ${has}; write the date as ${form} or change the precision`,
      });
    }
  }
  if (doc.date === undefined && doc.status === 'published') {
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message:
        'published documents need a date: give the date the text states (or one inferred from evidence, with date_note), or keep status: draft',
    });
  }
  if (doc.date !== undefined) {
    for (const field of ['date_precision', 'date_basis'] as const) {
      if (doc[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `a document with a date needs ${field}` });
    }
  } else {
    for (const field of ['date_precision', 'date_basis', 'date_note'] as const) {
      if (doc[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} is given but date is not: add the date, or remove ${field}`,
        });
    }
  }
  if (doc.date_basis === 'inferred' && doc.date_note === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['date_note'],
      message: 'date_basis is "inferred": add a date_note saying how the date was reached',
    });
  }
  if (doc.status === 'published' && doc.review !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['review'],
      message: "published documents must not keep the importer's review list: settle each item, then delete `review`",
    });
  }
  if (doc.status === 'published') {
    for (const path of findMissingEnglish(doc)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'en'],
        message: 'published documents need English here: translate it, or set status: draft',
      });
    }
  }
}

/** Paths of every bilingual `{ zh, en }` value inside `value` whose English is empty. */
export function findMissingEnglish(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findMissingEnglish(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.zh === 'string' && 'en' in record && Object.keys(record).length === 2) {
    return typeof record.en === 'string' && record.en.trim() === '' ? [path] : [];
  }
  return Object.entries(record).flatMap(([key, item]) => findMissingEnglish(item, [...path, key]));
}

/**
 * The frontmatter of `content/documents/<id>.en.md`: an English translation, block for block
 * with the original. A partial translation writes `[untranslated]` for each block it leaves out
 * (a heading of the same level for a heading) and says in `scope` which part it translates.
 */
export const translationSchema = z.strictObject({
  /** The id of the document translated; equal to the file name without `.en.md`. */
  id: slugSchema,
  /** Who translated the text. */
  translator: z.string().trim().min(1),
  /**
   * Only in a partial translation (required there): which part is translated, as a phrase that
   * follows "14 of 152 paragraphs:", e.g. "the passages on state-owned enterprises".
   */
  scope: bilingualRequiredSchema.optional(),
  /** How the translation was made and what a reader should know about it. */
  note: z.string().trim().optional(),
});

/** A document as the checker reads it: a draft may lack its date. */
export type DocumentRecord = z.output<typeof documentRecordSchema>;
/** A document with its date: every published document, and the only kind a build shows. */
export type Document = z.output<typeof documentSchema>;
/** True for a document that has its date (every published one; a draft only once an editor gives it). */
export function isDated(doc: DocumentRecord): doc is Document {
  return doc.date !== undefined && doc.date_precision !== undefined && doc.date_basis !== undefined;
}
export type DocumentInput = z.input<typeof documentRecordSchema>;
export type DocumentSource = z.output<typeof sourceSchema>;
export type Review = z.output<typeof reviewSchema>;
export type ReviewCandidate = z.output<typeof reviewCandidateSchema>;
export type Translation = z.output<typeof translationSchema>;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
