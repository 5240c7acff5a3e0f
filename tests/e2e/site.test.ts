import AxeBuilder from '@axe-core/playwright';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../src/dev/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { BASE_ARCHIVE } from '../helpers/content-tree.ts';
import { serveStatic, type StaticServer } from '../../src/dev/static-server.ts';
import { parseHeadersFile } from '../../src/lib/security-headers.ts';

// The site of the small fixture archive, served under a base path as a project site would be.
const BASE = '/soe/';
let site: { out: string };
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  const built = buildSite(BASE_ARCHIVE, { base: BASE });
  if (built.status !== 0) throw new Error(`build failed:\n${built.log}`);
  site = built;
  // Served with the headers of public/_headers, Content-Security-Policy included.
  const headers = parseHeadersFile(readFileSync(join(site.out, '_headers'), 'utf8'));
  server = await serveStatic(site.out, BASE, {
    ...headers,
    'content-security-policy': headers['content-security-policy']!.replace('; upgrade-insecure-requests', ''),
  });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site.out, { recursive: true, force: true });
});

/** Opens a page of the site and records console errors and page errors for the test to check. */
async function open(path: string, on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`));
  const response = await page.goto(new URL(path, server.url).href);
  expect(response?.status(), path).toBe(200);
  return page;
}

const SPEECH = 'documents/2014-04-14-holding-speech/';
const REPORT = 'documents/2017-08-04-jinduicheng-meeting/';

describe('reading the archive in a browser', () => {
  test('the language switch lands on the same page in the other language', async () => {
    const page = await open(`en/${SPEECH}`);
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(`**/soe/zh/${SPEECH}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`**/soe/en/${SPEECH}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });

  test('an entity named in a text leads to its page, which quotes the sentence naming it', async () => {
    const page = await open(`zh/${REPORT}`);
    await page.locator('.block--original').getByRole('link', { name: '金鉬集團' }).first().click();
    await page.waitForURL('**/soe/zh/enterprises/jinduicheng-molybdenum/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('金堆城钼业集团有限公司');
    const citation = page
      .locator('.citations li')
      .filter({ has: page.getByRole('link', { name: /金堆城獨立工礦區/ }) });
    await expect
      .poll(() => citation.locator('.contexts li').first().textContent())
      .toBe('¶2 金鉬集團將進一步統一思想。');
    expect(await citation.locator('mark').first().textContent()).toBe('金鉬集團');
    // The quotation links to the paragraph it comes from.
    await citation.locator('.para-ref').first().click();
    await page.waitForURL('**/soe/zh/documents/2017-08-04-jinduicheng-meeting/#p2');
    expect(await page.locator('.row:target .block--original').textContent()).toContain('金鉬集團將進一步統一思想');
    await page.close();
  });

  test('the translation sits beside its original, paragraph by paragraph, on a wide screen', async () => {
    const page = await open(`en/${SPEECH}`);
    const rows = page.locator('.row');
    expect(await rows.count()).toBe(3);
    for (let i = 0; i < 3; i += 1) {
      const original = await rows.nth(i).locator('.block--original').boundingBox();
      const translation = await rows.nth(i).locator('.block--translation').boundingBox();
      expect(Math.abs(original!.y - translation!.y)).toBeLessThan(2);
      expect(translation!.x).toBeGreaterThan(original!.x + original!.width - 1);
    }
    expect(await rows.nth(2).locator('.block--translation').textContent()).toContain('Sum up the experience');
    await page.close();
  });

  test('on a narrow screen the translation follows each original paragraph', async () => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await open(`en/${SPEECH}`, narrow);
    const row = page.locator('.row').nth(1);
    const original = await row.locator('.block--original').boundingBox();
    const translation = await row.locator('.block--translation').boundingBox();
    expect(translation!.y).toBeGreaterThanOrEqual(original!.y + original!.height - 1);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await narrow.close();
  });

  test('every paragraph has a citable anchor', async () => {
    const page = await open(`en/${SPEECH}#p3`);
    const anchor = page.getByRole('link', { name: 'Paragraph 3' });
    expect(await anchor.getAttribute('href')).toBe('#p3');
    expect(await page.locator('#p3 .block--original').textContent()).toContain('认真总结前一阶段经验');
    await page.close();
  });

  test('the script switch shows the traditional original in simplified characters, without JavaScript', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await open(`zh/${REPORT}`, noScript);
    const reading = page.locator('.reading');
    expect(await reading.locator('.block--original').first().isVisible()).toBe(true);
    expect(await reading.innerText()).toContain('國務院國資委');
    expect(await reading.innerText()).not.toContain('国务院国资委');
    await page.getByLabel('简体中文（转换）').check();
    expect(await reading.innerText()).toContain('国务院国资委');
    expect(await reading.innerText()).not.toContain('國務院國資委');
    expect(await page.getByText('由 OpenCC 在构建时从原文自动转换').isVisible()).toBe(true);
    await noScript.close();
  });

  test('the documents list can be filtered by year and type without JavaScript', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await open('en/documents/', noScript);
    const filters = page.getByRole('navigation', { name: 'Filter' });
    await filters.getByRole('link', { name: '2017' }).click();
    await page.waitForURL('**/soe/en/documents/by/year/2017/');
    expect(await page.locator('.document-list > li').count()).toBe(1);
    await filters.getByRole('link', { name: 'Speech' }).click();
    await page.waitForURL('**/soe/en/documents/by/type/speech/');
    expect(await page.locator('.document-list > li a').first().textContent()).toContain('review meeting');
    await noScript.close();
  });

  const pages = [
    '',
    SPEECH,
    REPORT,
    'enterprises/jinduicheng-molybdenum/',
    'directives/four-batches/',
    'people/sheng-juntai/',
    'documents/',
    'timeline/',
    'about/',
    'search/',
  ];
  test.each(['zh', 'en'].flatMap((lang) => pages.map((path) => `${lang}/${path}`)))(
    'axe finds no accessibility violations on /%s',
    async (path) => {
      const page = await open(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
      await page.close();
    },
  );

  test('every page carries the security headers', async () => {
    const response = await fetch(new URL(`en/${SPEECH}`, server.url));
    // Not even WebAssembly: search is plain JavaScript.
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(response.headers.get('content-security-policy')).not.toContain('wasm');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  test('no page logged an error or a Content-Security-Policy violation', () => {
    expect(problems).toEqual([]);
  });
});
