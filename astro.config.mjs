// @ts-check
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { defineConfig } from 'astro/config';
import { readSiteAddress } from './src/lib/site-config.ts';
import { applyCommittedSite } from './src/cli/site-address.ts';

// Deployment is configured once, in package.json's `homepage` (the public origin and an
// optional sub-path: GitHub Pages project sites live under /<repo>/), which ARCHIVE_SITE_URL and
// ARCHIVE_BASE override. Every link goes through `withBase`.
applyCommittedSite(process.cwd());
const { site, base } = readSiteAddress();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External stylesheets only: the site ships a Content-Security-Policy without inline styles.
    inlineStylesheets: 'never',
  },
  markdown: {
    // Astro 7's default Markdown processor runs no remark/rehype plugins; our cross-links and
    // sanitising need the unified pipeline. SmartyPants would rewrite the originals' punctuation.
    // remark-cjk-friendly lets `**…。**这` close bold after Chinese punctuation (CommonMark does not).
    processor: unified({ smartypants: false, remarkPlugins: [remarkCjkFriendly] }),
  },
  // Scripts too stay external (Astro inlines small ones under Vite's asset limit).
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
