import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  createFromCandidate,
  getEntry,
  getIndex,
  previewBody,
  saveEntry,
  type ApiAnswer,
  type CandidateRequest,
  type SaveRequest,
} from './editor-api.ts';

/** A running editor. */
export interface EditorServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** Request bodies above this are refused: a document may be up to 10 MB, sent as JSON. */
export const MAX_REQUEST_BYTES = 24 * 1024 * 1024;

const CLIENT_DIR = join(import.meta.dirname, 'client');

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Bundles the browser client (plain TypeScript, no framework) into one script. */
export async function buildClient(): Promise<string> {
  const result = await build({
    entryPoints: [join(CLIENT_DIR, 'editor-client.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS });
  response.end(body);
}

function sendJson(response: ServerResponse, answer: ApiAnswer): void {
  send(response, answer.status, 'application/json; charset=utf-8', JSON.stringify(answer.body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES)
    throw new RequestError(413, 'request too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new RequestError(413, 'request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestError(400, 'request body is not JSON');
  }
}

class RequestError extends Error {
  status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Starts the editor on 127.0.0.1 over a content folder. Only requests addressed to the editor's
 * own host and port are answered (a foreign Host is DNS rebinding), and only same-origin JSON
 * requests may change anything (a foreign or missing Origin is cross-site request forgery).
 */
/** A percent-encoded part of a request path; malformed encoding is the client's mistake (400). */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new RequestError(400, `malformed percent-encoding in the request path: ${JSON.stringify(part)}`);
  }
}

export async function startEditor(options: {
  root: string;
  port?: number;
  /**
   * Host names a port forwarder presents instead of 127.0.0.1 (a Codespace's forwarded address,
   * say): requests for them, and saves from `https://` pages on them, are accepted too.
   */
  allowHosts?: string[];
}): Promise<EditorServer> {
  const script = await buildClient();
  const page = readFileSync(join(CLIENT_DIR, 'editor.html'), 'utf8');
  const style = readFileSync(join(CLIENT_DIR, 'editor.css'), 'utf8');
  let port = options.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const forwarded = new Set(options.allowHosts ?? []);
  const allowedOrigins = () =>
    new Set([
      ...[...allowedHosts()].map((host) => `http://${host}`),
      ...[...forwarded].map((host) => `https://${host}`),
    ]);

  const server = createServer(async (request, response) => {
    try {
      const host = request.headers.host ?? '';
      if (!allowedHosts().has(host) && !forwarded.has(host)) throw new RequestError(421, 'unknown host');
      const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
      if (request.method === 'GET') {
        if (url.pathname === '/') return send(response, 200, 'text/html; charset=utf-8', page);
        if (url.pathname === '/editor.js') return send(response, 200, 'text/javascript; charset=utf-8', script);
        if (url.pathname === '/editor.css') return send(response, 200, 'text/css; charset=utf-8', style);
        if (url.pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
        if (url.pathname === '/api/index') return sendJson(response, getIndex(options.root));
        const entry = /^\/api\/entry\/([^/]+)\/([^/]+)$/.exec(url.pathname);
        if (entry) return sendJson(response, getEntry(options.root, entry[1], decodePathPart(entry[2]!)));
        throw new RequestError(404, 'not found');
      }
      if (request.method !== 'POST') throw new RequestError(405, 'method not allowed');
      if (!allowedOrigins().has(request.headers.origin ?? '')) {
        throw new RequestError(403, 'requests must come from the editor page itself');
      }
      if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
        throw new RequestError(415, 'requests must be JSON');
      }
      const input = (await readJson(request)) as Record<string, unknown>;
      if (!input || typeof input !== 'object') throw new RequestError(400, 'request body must be an object');
      switch (url.pathname) {
        case '/api/save':
          return sendJson(response, saveEntry(options.root, input as unknown as SaveRequest));
        case '/api/create-from-candidate':
          return sendJson(response, createFromCandidate(options.root, input as unknown as CandidateRequest));
        case '/api/preview':
          return sendJson(response, previewBody(options.root, input.body));
        default:
          throw new RequestError(404, 'not found');
      }
    } catch (error) {
      const status = error instanceof RequestError ? error.status : 500;
      if (status === 500) console.error(error);
      // The rest of a refused body is not read: close the connection rather than reuse it.
      if (status === 413) response.shouldKeepAlive = false;
      sendJson(response, { status, body: { error: error instanceof Error ? error.message : String(error) } });
    }
  });
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
