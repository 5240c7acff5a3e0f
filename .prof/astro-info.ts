import { build } from 'astro';
process.env.ARCHIVE_CONTENT = process.argv[2]!;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
delete process.env.BASE_URL;
await build({ root: process.cwd(), outDir: '/tmp/d-info', logLevel: 'info' });
