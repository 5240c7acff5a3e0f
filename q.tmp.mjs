import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
const root = 'dist';
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  let p = join(root, decodeURIComponent(req.url.split('?')[0]));
  if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
  if (!existsSync(p)) { res.writeHead(404); return res.end('nf'); }
  res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }); res.end(readFileSync(p));
}).listen(4997);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking'] });
const ctx = await browser.newContext();
for (const [lang, q] of process.argv.slice(2).map((a) => a.split('='))) {
  const page = await ctx.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('ERR', m.text()));
  await page.goto(`http://127.0.0.1:4997/${lang}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => { const s = document.getElementById('search-status').textContent; return s && !s.includes('…'); }, null, { timeout: 10000 }).catch(() => {});
  const status = await page.locator('#search-status').textContent();
  const results = await page.locator('#search-results h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  console.log(lang, q, '→', status, results.map((r) => r.replace(/^\/(zh|en)\/documents\//, '').slice(0, 30)).join(' '));
  await page.close();
}
await browser.close(); server.close();
