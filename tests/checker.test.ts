import { describe, expect, test } from 'vitest';
import { checkContent } from '../src/checker/check-content.ts';
import { formatProblem } from '../src/checker/problem.ts';
import { BASE_ARCHIVE, readCase, readTree, toContentFiles } from './helpers/content-tree.ts';

/** The checker's report on the base archive with one case laid over it, one line per problem. */
function report(name: string): string[] {
  return checkContent(toContentFiles(readCase(name))).problems.map(formatProblem);
}

describe('the checker on the fixture archive', () => {
  test('the base archive is clean', () => {
    const result = checkContent(toContentFiles(readTree(BASE_ARCHIVE)));
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ documents: 2, translations: 1, enterprises: 3, directives: 2, people: 1 });
  });

  test('names an unknown enterprise and suggests the closest id', () => {
    expect(report('unknown-reference')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:25:5  enterprises[1]  unknown enterprise "jinan-holdng"; did you mean "jinan-holding"?",
      ]
    `);
  });

  test('reports a dangling reference in every kind of reference field', () => {
    expect(report('dangling-references')).toMatchInlineSnapshot(`
      [
        "content/directives/three-supplies-one-service.md:7:9  issuer  unknown enterprise "sasca"; did you mean "sasac"?",
        "content/documents/2014-04-14-holding-speech.md:18:10  speaker  unknown person "sheng-juntia"; did you mean "sheng-juntai"?",
        "content/enterprises/jinduicheng-molybdenum.md:10:9  parent  unknown enterprise "shaanxi-nonferrous": add content/enterprises/shaanxi-nonferrous.md or fix the id",
        "content/people/sheng-juntai.md:8:19  roles[0].organisation  unknown enterprise "jinan-holdings"; did you mean "jinan-holding"?",
      ]
    `);
  });

  test('reports a YAML syntax error on its real line', () => {
    expect(report('yaml-syntax')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:5:1  YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  test('reports a missing field and a wrong type', () => {
    expect(report('missing-and-wrong-type')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:2:1  summary  required field is missing: add "summary"",
        "content/documents/2014-04-14-holding-speech.md:5:8  title  expected fields zh, en, got "讲话"",
      ]
    `);
  });

  test('reports an unknown field and a misspelt value with suggestions', () => {
    expect(report('unknown-key')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:4:7  type  must be one of speech, report, news, exchange, notice, law, other; got "speach"; did you mean "speech"?",
        "content/documents/2014-04-14-holding-speech.md:5:1  titel  unknown field "titel"; did you mean "title"?",
      ]
    `);
  });

  test('rejects impossible dates instead of rolling them over', () => {
    expect(report('impossible-date')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:11:7  date  2023-02-30 is not a real date: 2023-02 has 28 days",
        "content/documents/2014-04-14-holding-speech.md:17:12  published  2014-13 is not a real date: there is no month 13",
      ]
    `);
  });

  test('rejects unquoted YAML dates and numbers where text is expected', () => {
    expect(report('unquoted-values')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:11:7  date  unquoted date 2014-04-14: write it in quotes, "2014-04-14", or YAML tools read it as a timestamp",
        "content/documents/2014-04-14-holding-speech.md:17:12  published  expected text, but the unquoted YAML value 2014 was read as number; write it in quotes: "2014"",
      ]
    `);
  });

  test('rejects duplicate ids and ids that differ from the file name', () => {
    expect(report('duplicate-id')).toMatchInlineSnapshot(`
      [
        "content/enterprises/jinan-holding.md:2:5  id  id "sasac" differs from the file name "jinan-holding": the id is the permalink, so rename the file or change the id",
        "content/enterprises/sasac.md:2:5  id  duplicate id "sasac": content/enterprises/jinan-holding.md has it too; ids must be unique, or one entry would overwrite the other",
      ]
    `);
  });

  test('rejects ids that differ only by case and file names that are not slugs', () => {
    expect(report('id-case')).toMatchInlineSnapshot(`
      [
        "content/enterprises/Sasac.md  file name "Sasac" is not a lowercase ASCII slug: rename the file, e.g. to sasac.md",
        "content/enterprises/Sasac.md:2:5  id  id must be a lowercase ASCII slug like "jinan-investment-holding", got "Sasac"",
        "content/enterprises/Sasac.md:2:5  id  id "Sasac" differs only by case from "sasac" in content/enterprises/sasac.md: one would overwrite the other on many file systems; rename one",
      ]
    `);
  });

  test('rejects ids that are not slugs', () => {
    expect(report('id-not-slug')).toMatchInlineSnapshot(`
      [
        "content/directives/x.md:2:5  id  id must be a lowercase ASCII slug like "jinan-investment-holding", got "../x"",
        "content/directives/x.md:2:5  id  id "../x" differs from the file name "x": the id is the permalink, so rename the file or change the id",
      ]
    `);
  });

  test('rejects an alias claimed by two entities, across scripts', () => {
    expect(report('alias-conflict')).toMatchInlineSnapshot(`
      [
        "content/documents/2017-08-04-jinduicheng-meeting.md:29:1  enterprises  warning: the text names 金鉬集團 (enterprises/jinan-holding) but "enterprises" does not list "jinan-holding": add it, or ignore if the mention is incidental",
        "content/enterprises/jinan-holding.md:8:5  aliases[1]  "金鉬集團" is also a name of enterprises/jinduicheng-molybdenum (as "金钼集团"): a name must point to one entry; drop it here or there",
        "content/enterprises/jinduicheng-molybdenum.md:7:5  aliases[0]  "金钼集团" is also a name of enterprises/jinan-holding (as "金鉬集團"): a name must point to one entry; drop it here or there",
      ]
    `);
  });

  test('rejects raw scripts, event handlers, javascript: URLs, frames and styles in a body', () => {
    expect(report('unsafe-markup')).toMatchInlineSnapshot(`
      [
        "content/documents/2017-08-04-jinduicheng-meeting.md:31:1  raw <script> tag: remove it; bodies are text, not HTML",
        "content/documents/2017-08-04-jinduicheng-meeting.md:33:1  event handler attribute onerror= runs code in the reader's browser: remove it",
        "content/documents/2017-08-04-jinduicheng-meeting.md:35:6  javascript: URL runs code in the reader's browser: link to an http(s) address instead",
        "content/documents/2017-08-04-jinduicheng-meeting.md:37:1  raw <iframe> tag: remove it; bodies are text, not HTML",
        "content/documents/2017-08-04-jinduicheng-meeting.md:39:1  raw <style> tag: remove it; bodies are text, not HTML",
      ]
    `);
  });

  test('requires English, a note for inferred dates and no review list left in published documents', () => {
    expect(report('published-missing-english')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:2:1  date_note  date_basis is "inferred": add a date_note saying how the date was reached",
        "content/documents/2014-04-14-holding-speech.md:10:7  summary.en  published documents need English here: translate it, or set status: draft",
        "content/documents/2014-04-14-holding-speech.md:33:3  review  published documents must not keep the importer's review list: settle each item, then delete \`review\`",
      ]
    `);
  });

  test('lets a draft leave English empty', () => {
    expect(report('draft-without-english')).toEqual([]);
  });

  test('rejects a translation that is not paragraph-aligned or has no original', () => {
    expect(report('translation-misaligned')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.en.md:8:1  translation is not aligned with the original: the original has 3 blocks, the translation 2; they first differ at block 3 (content/documents/2014-04-14-holding-speech.md:41): original paragraph, translation nothing. Give each original paragraph and heading exactly one counterpart, translated or [untranslated].",
        "content/documents/2099-01-01-missing.en.md  translation of a document that does not exist: add content/documents/2099-01-01-missing.md or rename this file",
      ]
    `);
  });

  test('accepts a partial translation whose untranslated blocks are marked and whose scope is given', () => {
    expect(report('translation-partial')).toEqual([]);
  });

  test('names the line where a partial translation stops lining up, and asks for scope', () => {
    expect(report('translation-partial-misaligned')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.en.md:8:1  this translation leaves 1 of 3 blocks [untranslated] (the first here): say which part it translates in the frontmatter, e.g. scope: { zh: 有关国有企业的段落, en: the passages on state-owned enterprises }",
        "content/documents/2017-08-04-jinduicheng-meeting.en.md:9:1  translation is not aligned with the original: the original has 4 blocks, the translation 4; they first differ at block 1 (content/documents/2017-08-04-jinduicheng-meeting.md:27): original heading-2, translation paragraph [untranslated]. Give each original paragraph and heading exactly one counterpart, translated or [untranslated]. An untranslated heading is a heading of the same level: ## [untranslated].",
      ]
    `);
  });

  test('rejects scope on a full translation and a translation that translates nothing', () => {
    const path = 'documents/2014-04-14-holding-speech.en.md';
    const tree = readTree(BASE_ARCHIVE);
    const full = new TextDecoder().decode(tree.get(path));
    const scoped = full.replace('translator:', 'scope: { zh: 全文, en: the whole text }\ntranslator:');
    tree.set(path, new TextEncoder().encode(scoped));
    expect(checkContent(toContentFiles(tree)).problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.en.md:3:1  scope  scope is for partial translations, but every block here is translated: remove scope (or mark the blocks left out [untranslated])",
      ]
    `);
    const body = full.slice(full.indexOf('---', 4) + 3);
    const nothing = full.replace(body, '\n\n[untranslated]\n\n[untranslated]\n\n[untranslated]\n');
    tree.set(
      path,
      new TextEncoder().encode(nothing.replace('translator:', 'scope: { zh: 无, en: nothing }\ntranslator:')),
    );
    expect(checkContent(toContentFiles(tree)).problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.en.md:6:1  every block of this translation is [untranslated]: translate at least one paragraph, or delete the file",
      ]
    `);
  });

  test('warns, without failing, about unlisted mentions and empty bodies', () => {
    const result = checkContent(toContentFiles(readCase('warnings')));
    expect(result.errors).toBe(0);
    expect(result.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:39:8  directives  warning: the text names 四个一批 (directives/four-batches) but "directives" does not list "four-batches": add it, or ignore if the mention is incidental",
        "content/documents/2017-08-04-jinduicheng-meeting.md:26:1  warning: the document has no text: paste the cleaned original below the frontmatter",
      ]
    `);
  });

  test('rejects a raw source text whose SHA-256 differs from the recorded one', () => {
    expect(report('raw-source-changed')).toMatchInlineSnapshot(`
      [
        "content/documents/2014-04-14-holding-speech.md:32:11  source.sha256  content/sources/2014-04-14-holding-speech.txt has SHA-256 ac282654fcaec0b76c7a463ed8c9003b67860051105d4283ea3828ba023c9157, not the recorded 0000000000000000000000000000000000000000000000000000000000000000: the raw text changed since it was imported; restore it, or re-import and review",
      ]
    `);
  });

  test('reports an unclosed frontmatter and an empty file', () => {
    expect([...report('unclosed-frontmatter'), ...report('empty-file')]).toMatchInlineSnapshot(`
      [
        "content/enterprises/sasac.md:1:1  frontmatter opened on line 1 is never closed: add a line "---" after the last field",
        "content/people/sheng-juntai.md:1:1  file is empty: it needs frontmatter between --- lines (see docs/content.md)",
      ]
    `);
  });
});
