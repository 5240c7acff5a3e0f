import { z } from 'zod';

/** Lowercase ASCII words joined by single hyphens: the permalink of an entry, stable forever. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An entry id: a lowercase ASCII slug equal to the file name. */
export const slugSchema = z.string().regex(SLUG_PATTERN, {
  error: (issue) =>
    `id must be a lowercase ASCII slug like "jinan-investment-holding", got ${JSON.stringify(issue.input)}`,
});

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Explains why `value` is not a real calendar date of the form YYYY, YYYY-MM or YYYY-MM-DD,
 * or returns undefined when it is one.
 */
export function explainPartialDate(value: string): string | undefined {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return `date must be YYYY-MM-DD, YYYY-MM or YYYY, got ${JSON.stringify(value)}`;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return undefined;
  const month = Number(m);
  if (month < 1 || month > 12) return `${value} is not a real date: there is no month ${m}`;
  if (d === undefined) return undefined;
  const day = Number(d);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `${value} is not a real date: ${y}-${m} has ${last} days`;
  return undefined;
}

/** How many parts a partial date has: 1 for YYYY, 2 for YYYY-MM, 3 for YYYY-MM-DD. */
export function datePartCount(value: string): number {
  return value.split('-').length;
}

/** A real calendar date written as a quoted string: YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDateSchema = z.string().check((ctx) => {
  const problem = explainPartialDate(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

/** A real calendar day written as a quoted string: YYYY-MM-DD. */
export const fullDateSchema = partialDateSchema.check((ctx) => {
  if (PARTIAL_DATE.test(ctx.value) && datePartCount(ctx.value) !== 3) {
    ctx.issues.push({
      code: 'custom',
      message: `date must be a full day YYYY-MM-DD, got ${JSON.stringify(ctx.value)}`,
      input: ctx.value,
    });
  }
});

/**
 * Text in both languages. Chinese is always required; English may be empty only in drafts
 * (the document schema enforces it for published documents).
 */
export const bilingualSchema = z.strictObject({
  /** Chinese text, in the script of the source. */
  zh: z.string().trim().min(1, 'Chinese text (zh) must not be empty'),
  /** English text; may be empty only while the entry is a draft. */
  en: z.string().trim().default(''),
});

/** Text in both languages where English is required too (entities are always published). */
export const bilingualRequiredSchema = z.strictObject({
  /** Chinese text. */
  zh: z.string().trim().min(1, 'Chinese text (zh) must not be empty'),
  /** English text, following GLOSSARY.md. */
  en: z.string().trim().min(1, 'English text (en) must not be empty'),
});

/** Where something is: a province and optionally a city, each in both languages. */
export const regionSchema = z.strictObject({
  /** Province-level division, e.g. 山东省 / Shandong. */
  province: bilingualSchema,
  /** City or county-level city, e.g. 济南市 / Jinan. */
  city: bilingualSchema.optional(),
  /** District or county inside the city, e.g. 华州区 / Huazhou District. */
  district: bilingualSchema.optional(),
  /** `stated` when the text names the place, `inferred` when it is deduced from evidence. */
  basis: z.enum(['stated', 'inferred']).default('stated'),
});

/** A list of entry ids; every id must exist in its collection (the checker enforces it). */
export const idListSchema = z.array(slugSchema).default([]);

export type Bilingual = z.output<typeof bilingualSchema>;
export type Region = z.output<typeof regionSchema>;
