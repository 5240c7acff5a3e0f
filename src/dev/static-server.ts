import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

/** A static file server for a built site on loopback, mounted under the site's base path. */
export interface StaticServer {
  /** `http://127.0.0.1:<port><base>` */
  url: string;
  close: () => Promise<void>;
}

/** Serves `root` at `base` on 127.0.0.1 with the given extra headers, like a static host would (gzip included). */
export async function serveStatic(
  root: string,
  base = '/',
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const inside = path.startsWith(base) ? path.slice(base.length - 1) : undefined;
    let file = inside === undefined ? undefined : normalize(join(root, inside));
    if (file && !file.startsWith(root)) file = undefined;
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file !== undefined && existsSync(file);
    const target = found ? file! : join(root, '404.html');
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    // Text is compressed when the browser asks, as static hosts do (Pagefind's own index files
    // are compressed already), so byte counts match what readers download.
    const gzip = /gzip/.test(String(request.headers['accept-encoding'])) && /text|json|javascript|svg|xml/.test(type);
    response.writeHead(found ? 200 : 404, {
      'content-type': type,
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      ...headers,
    });
    const stream = createReadStream(target);
    if (gzip) stream.pipe(createGzip()).pipe(response);
    else stream.pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
