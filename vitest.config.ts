import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Several files build sites with Astro, which keeps its working files in the project
    // (.astro/): two builds at once would overwrite each other's chunks.
    fileParallelism: false,
    // The build tests run Astro and Pagefind for real; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
