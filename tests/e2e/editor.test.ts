import AxeBuilder from '@axe-core/playwright';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/checker/check-content.ts';
import { launchBrowser } from '../../src/dev/browser.ts';
import { startEditor, type EditorServer } from '../../src/editor/start-editor.ts';
import { materialiseCase, readTree, toContentFiles } from '../helpers/content-tree.ts';

// The editor runs on a copy of the small fixture archive, as `npm run edit -- --content DIR` would.
let root: string;
let editor: EditorServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const SPEECH = 'documents/2014-04-14-holding-speech.md';

// A draft as the importer writes it: English missing, a name it could not match left for review.
const DRAFT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'editor', '2015-draft.md'), 'utf8');

beforeAll(async () => {
  root = materialiseCase();
  writeFileSync(join(root, 'documents', '2015-draft.md'), DRAFT);
  editor = await startEditor({ root });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await editor?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const read = (relative: string) => readFileSync(join(root, relative), 'utf8');

describe('editing a document in the browser', () => {
  test('lists the archive in Chinese first, and switches the interface to English', async () => {
    await page.goto(editor.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    await expect.poll(() => page.getByRole('heading', { name: /文献/ }).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const nav = page.getByRole('navigation', { name: 'Entries' });
    await expect.poll(() => nav.getByText('missing: translation').count()).toBe(1);
  });

  test('changing the English summary and saving changes only that line, and the checker passes', async () => {
    const before = read(SPEECH);
    await page.getByRole('link', { name: /Speech at the Holding Group/ }).click();
    await page.getByRole('heading', { name: 'Document: 2014-04-14-holding-speech' }).waitFor();
    const summary = page.getByLabel('Summary · English');
    expect(await summary.getAttribute('lang')).toBe('en');
    await summary.fill('Sheng Juntai relays the city-wide meeting and sets the Holding Group five requirements.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Saved ${SPEECH}`);

    const after = read(SPEECH);
    const oldLines = before.split('\n');
    const newLines = after.split('\n');
    expect(newLines).toHaveLength(oldLines.length);
    const changed = newLines.flatMap((line, i) => (line === oldLines[i] ? [] : [[oldLines[i], line]]));
    expect(changed).toEqual([
      [
        "  en: Sheng Juntai relays the city's meeting on assistance and relief and sets the Holding Group five requirements.",
        '  en: Sheng Juntai relays the city-wide meeting and sets the Holding Group five requirements.',
      ],
    ]);
    expect(checkContent(toContentFiles(readTree(root))).errors).toBe(0);
  });

  test('a field the file did not have is added on its own line, where the schema puts it', async () => {
    const before = read(SPEECH);
    await page.getByLabel('Uploaded').fill('2014-04-16');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Saved ${SPEECH}`);
    expect(read(SPEECH)).toBe(
      before.replace('published: "2014-04-16"\n', 'published: "2014-04-16"\nuploaded: "2014-04-16"\n'),
    );
  });

  test('an impossible date is refused with the checker message beside the field, and nothing is written', async () => {
    const before = read(SPEECH);
    const date = page.getByLabel('Date', { exact: true });
    await date.fill('2014-02-30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').locator('p').first().textContent())
      .toBe('Not saved: the checker found 1 errors.');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    // The message is the checker's own, shown next to the field and tied to it for screen readers.
    const describedBy = (await date.getAttribute('aria-describedby'))!.split(' ')[0]!;
    expect(await page.locator(`#${describedBy}`).textContent()).toBe(
      '2014-02-30 is not a real date: 2014-02 has 28 days',
    );
    expect(read(SPEECH)).toBe(before);
    await expect.poll(() => page.getByRole('button', { name: 'Save anyway, with errors' }).isVisible()).toBe(true);
  });

  test('the body preview links the entities the text names', async () => {
    const preview = page.locator('#preview');
    await expect.poll(() => preview.getByRole('link', { name: '控股集团' }).count()).toBeGreaterThan(0);
    expect(await preview.getByRole('link', { name: '控股集团' }).first().getAttribute('href')).toBe(
      '#/enterprises/jinan-holding',
    );
  });

  test('entity pickers show names in both languages and offer only existing ids', async () => {
    const picker = page.getByLabel('Choose an entry to add').first();
    const options = await picker.locator('option').allTextContents();
    expect(options).toContain(
      '国务院国有资产监督管理委员会 / State-owned Assets Supervision and Administration Commission of the State Council (SASAC) (sasac)',
    );
    expect(options.some((option) => option.includes('(jinan-holding)'))).toBe(false); // already listed
  });

  test('leaving an entry with unsaved changes asks first', async () => {
    // The refused date of the test above is still in the form, not saved.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: /在某厂职工大会上的讲话/ }).click();
    await expect.poll(() => asked).toBe('This entry has changes that are not saved. Leave it and lose them?');
    expect(await page.getByLabel('Date', { exact: true }).inputValue()).toBe('2014-02-30');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: /在某厂职工大会上的讲话/ }).click();
    await page.getByRole('heading', { name: 'Document: 2015-draft' }).waitFor();
  });

  test('a name the importer proposed becomes an enterprise, linked from the draft', async () => {
    await page.getByRole('heading', { name: 'Document: 2015-draft' }).waitFor();
    await page.getByRole('button', { name: 'Create enterprise from this candidate: 某某机械厂' }).click();
    expect(await page.getByLabel('Name · Chinese').inputValue()).toBe('某某机械厂');
    expect(await page.getByLabel('Kind').inputValue()).toBe('factory');
    await page.getByLabel('Name · English').fill('Moumou Machinery Factory');
    expect(await page.getByLabel('Id (permalink)').inputValue()).toBe('moumou-machinery-factory');
    await page.getByLabel('Description · Chinese').fill('一家机械厂。');
    await page.getByLabel('Description · English').fill('A machinery factory.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Document: 2015-draft' }).waitFor();
    expect(read('enterprises/moumou-machinery-factory.md')).toContain('  en: Moumou Machinery Factory\n');
    expect(read('documents/2015-draft.md')).toBe(
      DRAFT.replace('enterprises: []', 'enterprises:\n  - moumou-machinery-factory').replace(
        /  candidates:\n[\s\S]*?(?=---)/,
        '  candidates: []\n',
      ),
    );
  });

  test('a translation starts from the original, beside it, and is saved once it aligns', async () => {
    await page.getByRole('link', { name: /Jinduicheng divestiture pilot/ }).click();
    await page.getByRole('heading', { name: 'Document: 2017-08-04-jinduicheng-meeting' }).waitFor();
    await page.getByRole('button', { name: 'Start an English translation' }).click();
    const body = page.getByLabel('Translation (Markdown)');
    expect(await body.getAttribute('lang')).toBe('en');
    expect(await body.inputValue()).toContain('金鉬集團將進一步統一思想。');
    await expect.poll(() => page.locator('#preview').textContent()).toContain('金鉬集團將進一步統一思想。');
    await page.getByLabel('Translator').fill('A. Translator');
    await body.fill(
      'In April the Jinduicheng district became a national pilot.\n\nThe Group will unify its thinking.\n',
    );
    await body.press('Control+s'); // the keyboard shortcut saves from any field
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Saved documents/2017-08-04-jinduicheng-meeting.en.md');
    expect(read('documents/2017-08-04-jinduicheng-meeting.en.md')).toBe(
      '---\nid: 2017-08-04-jinduicheng-meeting\ntranslator: A. Translator\n---\nIn April the Jinduicheng district became a national pilot.\n\nThe Group will unify its thinking.\n',
    );
    expect(checkContent(toContentFiles(readTree(root))).errors).toBe(0);
  });

  test('the page has no accessibility violations and no script errors', async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
