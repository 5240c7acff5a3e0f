import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEditor } from '../editor/start-editor.ts';
import { resolveContentDir } from '../lib/content-dir.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    content: { type: 'string' },
    'allow-host': { type: 'string', multiple: true },
  },
});

const root = values.content ? resolve(values.content) : resolveContentDir([]);
if (!existsSync(root) || !statSync(root).isDirectory()) {
  console.error(`No content folder at ${root}: pass one with --content DIR`);
  process.exit(1);
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(1);
}
const editor = await startEditor({ root, port, allowHosts: values['allow-host'] ?? [] });
console.log(`Editor for ${root}`);
console.log(`Open ${editor.url} in your browser (loopback only). Press Ctrl+C to stop.`);
