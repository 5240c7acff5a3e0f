import { listScriptForms, toTraditional } from '../lib/script-convert.ts';
import type { Script } from './extract-sentence-pools.ts';

/** The names an entity answers to, as frontmatter lists them and as a text may write them. */
export interface ClaimedNames {
  /** Aliases for the frontmatter: short forms, each followed by its traditional form. */
  aliases: string[];
  /** Forms a body may use, per script: the full name first, then the short forms. */
  forms: Record<Script, string[]>;
}

/** Keeps every name and alias of a corpus unique, in both scripts, as the checker requires. */
export interface NameRegistry {
  /** True when no form of `term` is taken and none occurs in the reserved text. */
  isFree: (term: string) => boolean;
  /** Claims a free full name and up to `count` aliases drawn from `shortForms`, in order. */
  claim: (name: string, shortForms: readonly string[], count: number) => ClaimedNames;
}

/**
 * Creates a registry. `reservedText` is every text a body can contain besides the names
 * themselves (the sentence pools, the phrases around mentions): a name found there would be
 * "mentioned" where no frontmatter lists it, and the checker would warn.
 */
export function createNameRegistry(reservedText: string): NameRegistry {
  const taken = new Set<string>();
  const isFree = (term: string): boolean =>
    listScriptForms(term).every((form) => !taken.has(form) && !reservedText.includes(form));
  const take = (term: string): void => listScriptForms(term).forEach((form) => taken.add(form));
  return {
    isFree,
    claim: (name, shortForms, count) => {
      take(name);
      const aliases: string[] = [];
      const used: string[] = [];
      for (const short of shortForms) {
        if (aliases.length >= count) break;
        if (!isFree(short)) continue;
        take(short);
        used.push(short);
        aliases.push(short);
        const traditional = toTraditional(short);
        if (traditional !== short && aliases.length < count) aliases.push(traditional);
      }
      // Every entity gets at least one alias: the full name in traditional script is its own.
      const traditionalName = toTraditional(name);
      if (aliases.length === 0 && traditionalName !== name) aliases.push(traditionalName);
      const simplified = [name, ...used];
      return { aliases, forms: { 'zh-Hans': simplified, 'zh-Hant': simplified.map(toTraditional) } };
    },
  };
}
