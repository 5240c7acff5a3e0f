// `npm run stats [-- DIR]`: prints figures about a built site as one JSON line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { computeSiteStats } from '../lib/site-stats.ts';
import { isIndexPath } from '../bench/site-figures.ts';

const site = process.argv[2] ?? 'dist';
const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((path) => !isIndexPath(path));
const pages = new Map(
  files.filter((path) => path.endsWith('.html')).map((path) => [path, readFileSync(join(site, path), 'utf8')]),
);
const stylesheets = new Map(
  files.filter((path) => path.endsWith('.css')).map((path) => [path, statSync(join(site, path)).size]),
);
console.log(JSON.stringify(computeSiteStats(pages, stylesheets)));
