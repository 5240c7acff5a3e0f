import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContent, readContentBody } from '../../src/checker/check-content.ts';
import { loadContentFiles } from '../../src/checker/load-content.ts';
import { launchBrowser } from '../../src/dev/browser.ts';
import { serveStatic, type StaticServer } from '../../src/dev/static-server.ts';
import { selectDocuments } from '../../src/lib/archive-index.ts';
import { toSimplified } from '../../src/lib/script-convert.ts';
import { listBlockTexts } from '../../src/lib/search-records.ts';
import { parseHeadersFile } from '../../src/lib/security-headers.ts';
import { buildSite } from '../helpers/build-site.ts';

// The five seed documents (tests/fixtures/search-archive: 2005 and 2017 in traditional script),
// served under a base path with the site's Content-Security-Policy. The expected counts come
// from a plain loop over the bodies, not from the index.
const ARCHIVE = join(import.meta.dirname, '..', 'fixtures', 'search-archive');
const BASE = '/archive/';
const PHRASES = ['国资委', '企业改革'];

let out = '';
let server: StaticServer;
let browser: Browser;
const problems: string[] = [];

/** Occurrences per year and phrase, counted by indexOf over each paragraph in simplified, whitespace removed. */
function expectedCounts(): Map<number, { documents: number; occurrences: number }[]> {
  const result = checkContent(loadContentFiles(ARCHIVE));
  const byYear = new Map<number, { documents: number; occurrences: number }[]>();
  for (const doc of selectDocuments(result.entries.documents)) {
    const year = Number(doc.date.slice(0, 4));
    const blocks = listBlockTexts(readContentBody(doc.file)).map((block) =>
      (doc.script === 'zh-Hant' ? toSimplified(block) : block).replace(/\s+/g, ''),
    );
    const row = byYear.get(year) ?? PHRASES.map(() => ({ documents: 0, occurrences: 0 }));
    PHRASES.forEach((phrase, i) => {
      let count = 0;
      for (const block of blocks) {
        for (let at = block.indexOf(phrase); at >= 0; at = block.indexOf(phrase, at + 1)) count += 1;
      }
      row[i]!.occurrences += count;
      row[i]!.documents += count > 0 ? 1 : 0;
    });
    byYear.set(year, row);
  }
  return byYear;
}

beforeAll(async () => {
  const built = buildSite(ARCHIVE, { base: BASE });
  if (built.status !== 0) throw new Error(`build failed:\n${built.log}`);
  out = built.out;
  server = await serveStatic(out, BASE, parseHeadersFile(readFileSync(join(out, '_headers'), 'utf8')));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
  await page.goto(`${server.url}${path}`);
  await page.locator('#trends-table table').waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

/** The table's cells: year, then one value per phrase, then the year's characters. */
async function readTable(page: Page): Promise<string[][]> {
  return page
    .locator('#trends-table tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
}

describe('the trends page', () => {
  test('two phrases: occurrences per year as a plain count over the texts finds them', async () => {
    const page = await open(`zh/trends/?q=${encodeURIComponent(PHRASES.join(','))}`);
    const expected = expectedCounts();
    const table = await readTable(page);
    expect(table.map((row) => Number(row[0]))).toEqual([
      2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020,
    ]);
    for (const row of table) {
      const counts = expected.get(Number(row[0])) ?? PHRASES.map(() => ({ documents: 0, occurrences: 0 }));
      expect(row.slice(1, 3).map(Number)).toEqual(counts.map((count) => count.occurrences));
    }
    expect(table.reduce((sum, row) => sum + Number(row[1]), 0)).toBeGreaterThan(10);
    // One line per phrase in the chart, one link per year.
    expect(await page.locator('#trends-chart svg .series').count()).toBe(2);
    expect(await page.locator('#trends-chart svg a').count()).toBe(table.length);
    await page.context().close();
  });

  test('documents per 10,000 characters, filtered by type, round-trip through the URL', async () => {
    const page = await open(`en/trends/?q=${encodeURIComponent(PHRASES.join(','))}`);
    await page.getByRole('radio', { name: 'Documents using it' }).check();
    await page.getByLabel("Per 10,000 characters (Chinese) or words (English) of that year's texts").check();
    await page.getByLabel('Speech').check();
    await expect.poll(() => page.url()).toContain('type=speech');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ q: PHRASES.join(','), per: '10k', what: 'documents' });
    await expect.poll(async () => (await readTable(page)).length).toBeGreaterThan(0);
    const before = await readTable(page);
    const again = await open(`${url.pathname.replace(BASE, '')}${url.search}`);
    expect(await readTable(again)).toEqual(before);
    expect(await again.getByLabel('Speech').isChecked()).toBe(true);
    expect(await again.getByRole('radio', { name: 'Documents using it' }).isChecked()).toBe(true);
    await page.context().close();
    await again.context().close();
  });

  test('a year shows its sentences with the phrase marked and linked to their paragraphs', async () => {
    const page = await open(`zh/trends/?q=${encodeURIComponent(PHRASES.join(','))}`);
    const expected = expectedCounts();
    const year = [...expected].find(([, counts]) => counts[0]!.occurrences > 1)![0];
    await page.locator('#trends-table tbody th a', { hasText: String(year) }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(String(year));
    await page.locator('#trends-year h2').waitFor();
    const marks = await page
      .locator('#trends-year h3')
      .first()
      .locator('xpath=following-sibling::ol[1]')
      .locator('mark')
      .allTextContents();
    expect(marks.length).toBe(expected.get(year)![0]!.occurrences);
    expect(new Set(marks)).toEqual(new Set([PHRASES[0]]));
    const links = await page
      .locator('#trends-year .contexts a')
      .evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/\/archive\/zh\/documents\/[^/]+\/#p\d+$/);
    // Going back shows the chart without a year.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(null);
    // A reload keeps the year.
    await page.goForward();
    await page.reload();
    await page.locator('#trends-year h2').waitFor();
    expect(await page.locator('#trends-year mark').count()).toBeGreaterThanOrEqual(marks.length);
    await page.context().close();
  });

  test('works from the keyboard: phrases typed and submitted, a year chosen, its sentences focused', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`keyboard: ${error.message}`));
    await page.goto(`${server.url}zh/trends/`);
    /** Presses Tab until `matches` holds for the focused element; whether it did within `limit` presses. */
    const tabTo = async (matches: () => boolean, limit: number) => {
      for (let i = 0; i < limit; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(matches)) return true;
      }
      return false;
    };
    expect(await tabTo(() => document.activeElement?.id === 'trends-input', 40)).toBe(true);
    await page.keyboard.type(PHRASES.join('，'));
    await page.keyboard.press('Enter');
    await page.locator('#trends-table table').waitFor({ state: 'attached', timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('q')).toBe(PHRASES.join(','));
    expect(await page.locator('#trends-chart svg .series').count()).toBe(2);
    // On through the chart's year links to the table's, and Enter on one year.
    const year = [...expectedCounts()].find(([, counts]) => counts[0]!.occurrences > 0)![0];
    const onYear = () => {
      const active = document.activeElement;
      return !!active?.closest('#trends-table') && active.tagName === 'A';
    };
    expect(await tabTo(onYear, 120)).toBe(true);
    // The focused link is the table's first year; Tab on to the chosen one.
    for (let i = 0; i < 40; i += 1) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === String(year)) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(String(year));
    await page.keyboard.press('Enter');
    await page.locator('#trends-year h2').waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(year));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('trends-year');
    expect(await page.locator('#trends-year mark').count()).toBeGreaterThan(0);
    await context.close();
  });

  test('the CSV holds the figures the chart shows', async () => {
    const page = await open(`zh/trends/?q=${encodeURIComponent(PHRASES.join(','))}&per=10k`);
    const table = await readTable(page);
    const download = page.waitForEvent('download');
    await page.locator('#trends-csv').click();
    const file = await (await download).path();
    const rows = parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.length).toBe(table.length * PHRASES.length);
    for (const row of table) {
      PHRASES.forEach((phrase, i) => {
        const line = rows.find((own) => own.year === row[0] && own.phrase === phrase)!;
        expect(line.value).toBe(row[1 + i]);
        expect(line.units).toBe(row[1 + PHRASES.length]);
      });
    }
    // The chart's tooltips say the same values.
    const tips = await page.locator('#trends-chart svg a title').allTextContents();
    expect(tips[0]).toContain(`${PHRASES[0]}: ${table[0]![1]}`);
    await page.context().close();
  });

  test('an English phrase on the English site counts the translations', async () => {
    const page = await open('en/trends/?q=social%20functions');
    const table = await readTable(page);
    expect(table.reduce((sum, row) => sum + Number(row[1]), 0)).toBeGreaterThan(0);
    await page.context().close();
  });

  test('axe finds nothing on the page with a chart and a year open, in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      const page = await open(`${lang}/trends/?q=${encodeURIComponent(PHRASES.join(','))}&year=2017`);
      await page.locator('#trends-year h2').waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
      await page.context().close();
    }
  });

  test('ran under the Content-Security-Policy without a violation or a page error', () => {
    expect(problems).toEqual([]);
  });
});

describe('a directive page', () => {
  test('shows its use per year as charts and a table, and its first and latest use linked to the paragraph', () => {
    const html = readFileSync(join(out, 'en', 'directives', 'four-consciousnesses', 'index.html'), 'utf8');
    const section = html.slice(
      html.indexOf('<section class="usage"'),
      html.indexOf('</section>', html.indexOf('<section class="usage"')),
    );
    // Three charts, switched by radio buttons and CSS (no script on the page).
    expect(section.match(/<svg /g)?.length).toBe(3);
    expect(section).toContain('id="usage-rate"');
    // No inline script but structured data, which browsers never run.
    expect(html).not.toMatch(/<script(?![^>]*(?:src=|type="application\/ld\+json"))/);
    // Its table: occurrences per year as the plain loop counts the name and its aliases.
    const rows = [...section.matchAll(/<tr><th scope="row">(\d{4})<\/th><td>(\d+)<\/td><td>(\d+)<\/td>/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
    ]);
    const used = rows.filter(([, documents]) => documents! > 0);
    expect(used.map(([year]) => year)).toEqual([2017, 2020]);
    const links = [...section.matchAll(/href="([^"]*#p\d+)"/g)].map((m) => m[1]);
    expect(links).toEqual([
      expect.stringMatching(/\/en\/documents\/2017-08-04-jinduicheng[^/]*\/#p\d+$/),
      expect.stringMatching(/\/en\/documents\/2020-provincial[^/]*\/#p\d+$/),
    ]);
    expect(section).toContain('/archive/en/trends/?q=');
  });
});

describe('/data/texts.jsonl', () => {
  test('DuckDB reads every document with its text, simplified text and translation', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    // No extension is downloaded: JSON is built in.
    const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
    const connection = await db.connect();
    const file = join(out, 'data', 'texts.jsonl').replace(/'/g, "''");
    const reader = await connection.runAndReadAll(
      `SELECT id, script, title.en AS title_en, text, text_simplified, len(paragraphs) AS paragraphs, translation FROM read_json('${file}', format = 'newline_delimited') ORDER BY id`,
    );
    const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
    expect(rows.length).toBe(5);
    const traditional = rows.find((row) => row.script === 'zh-Hant')!;
    expect(traditional.text).not.toEqual(traditional.text_simplified);
    expect(toSimplified(String(traditional.text))).toBe(traditional.text_simplified);
    // A simplified original is not written twice.
    expect(rows.find((row) => row.script === 'zh-Hans')!.text_simplified).toBe(null);
    const translated = rows.filter((row) => Array.isArray(row.translation));
    expect(translated.map((row) => row.id)).toEqual([
      '2014-04-14-jinan-holding-assistance-and-reform-speech',
      '2017-08-04-jinduicheng-divestiture-pilot-working-group-meeting',
    ]);
    // DuckDB reads the numbers as BIGINT, which its JSON rows give as strings.
    const paragraphs = translated[0]!.translation as { n: string; text: string }[];
    expect(paragraphs.map((paragraph) => Number(paragraph.n))).toEqual(paragraphs.map((_, i) => i + 1));
    expect(paragraphs[0]!.text.length).toBeGreaterThan(0);
    expect(rows.every((row) => Number(row.paragraphs) > 0 && String(row.title_en).length > 0)).toBe(true);
    connection.closeSync();
    const pkg = JSON.parse(readFileSync(join(out, 'data', 'datapackage.json'), 'utf8')) as {
      resources: { path: string }[];
    };
    expect(pkg.resources.map((resource) => resource.path)).toContain('texts.jsonl');
  });
});
