import { z } from 'zod';
import {
  bilingualRequiredSchema,
  bilingualSchema,
  datePartCount,
  explainPartialDate,
  partialDateSchema,
  regionSchema,
  slugSchema,
} from './common.ts';

/** The forms a name takes in the texts: full names, short forms, both scripts. */
const aliasesSchema = z.array(z.string().trim().min(1)).default([]);

/** The kinds of organisation an enterprise file can describe. */
export const ENTERPRISE_KINDS = ['group', 'company', 'factory', 'collective', 'agency'] as const;

/** The frontmatter of `content/enterprises/<id>.md`: one enterprise or agency. */
export const enterpriseSchema = z.strictObject({
  /** Permalink id, equal to the file name without `.md`. */
  id: slugSchema,
  /** The full name in Chinese and its English rendering (GLOSSARY.md). */
  name: bilingualRequiredSchema,
  /** Every other form of the name found in the texts, in both scripts, short forms included. */
  aliases: aliasesSchema,
  /** What kind of organisation this is. */
  kind: z.enum(ENTERPRISE_KINDS),
  /** The id of the enterprise or agency this one belongs to. */
  parent: slugSchema.optional(),
  /** Where it is based. */
  region: regionSchema.optional(),
  /** What it is, for a reader who has never heard of it. */
  description: bilingualRequiredSchema,
});

/** The kinds of directive: documents, campaigns and formulations. */
export const DIRECTIVE_KINDS = ['policy', 'regulation', 'law', 'plan', 'campaign', 'slogan', 'meeting'] as const;

/** The frontmatter of `content/directives/<id>.md`: a policy document, campaign or slogan. */
export const directiveSchema = z.strictObject({
  /** Permalink id, equal to the file name without `.md`. */
  id: slugSchema,
  /** The name in Chinese and its standard English rendering (GLOSSARY.md). */
  name: bilingualRequiredSchema,
  /** Every other form of the name found in the texts, in both scripts, short forms included. */
  aliases: aliasesSchema,
  /** What kind of directive this is. */
  kind: z.enum(DIRECTIVE_KINDS),
  /** Who issued it: an enterprise or agency id, or a name in both languages. */
  issuer: z.union([slugSchema, bilingualSchema]).optional(),
  /** When it was issued or first put forward: YYYY, YYYY-MM or YYYY-MM-DD. */
  issued: partialDateSchema.optional(),
  /** The id of a broader directive this one is part of. */
  parent: slugSchema.optional(),
  /** What it means and requires, for a reader who has never heard of it. */
  description: bilingualRequiredSchema,
});

/** One office a person held. */
export const roleSchema = z
  .strictObject({
    /** The title as the text gives it, e.g. 副市长 / Vice Mayor. */
    title: bilingualRequiredSchema,
    /** The id of the enterprise or agency the office belongs to. */
    organisation: slugSchema.optional(),
    /** When the holder took the office: YYYY, YYYY-MM or YYYY-MM-DD. */
    from: partialDateSchema.optional(),
    /** When the holder left it; absent while it is held or when unknown. */
    until: partialDateSchema.optional(),
    /** A date the texts show the office held, where its start and end are not known. */
    as_of: partialDateSchema.optional(),
  })
  .check((ctx) => {
    const { from, until } = ctx.value;
    if (from === undefined || until === undefined) return;
    if (explainPartialDate(from) !== undefined || explainPartialDate(until) !== undefined) return;
    // Compare only the parts both dates have: "1983" and "1983-06" may be the same year.
    const parts = Math.min(datePartCount(from), datePartCount(until));
    const cut = (date: string) => date.split('-').slice(0, parts).join('-');
    if (cut(until) < cut(from)) {
      ctx.issues.push({
        code: 'custom',
        message: `until (${until}) is before from (${from}): swap them or correct one`,
        input: until,
        path: ['until'],
      });
    }
  });

/** The frontmatter of `content/people/<id>.md`: a speaker or an official named in the texts. */
export const personSchema = z.strictObject({
  /** Permalink id, equal to the file name without `.md`. */
  id: slugSchema,
  /** The name in Chinese and in pinyin, family name first (盛俊泰 / Sheng Juntai). */
  name: bilingualRequiredSchema,
  /** Other forms found in the texts: traditional script, surname with title (杨市长). */
  aliases: aliasesSchema,
  /**
   * Offices held, as the texts give them or as is on record, with their dates. The first is the
   * office lists show beside the name; the person's page lists them all in order of date.
   */
  roles: z.array(roleSchema).default([]),
  /** Anything else a reader should know about the person. */
  description: bilingualRequiredSchema.optional(),
});

export type Enterprise = z.output<typeof enterpriseSchema>;
export type Directive = z.output<typeof directiveSchema>;
export type Person = z.output<typeof personSchema>;
export type Role = z.output<typeof roleSchema>;
