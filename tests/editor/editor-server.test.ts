import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEditor, type EditorServer } from '../../src/editor/start-editor.ts';
import { materialiseCase } from '../helpers/content-tree.ts';

let root: string;
let editor: EditorServer;

// A draft as the importer writes it: English missing, a name it could not match left for review.
const DRAFT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'editor', '2015-draft.md'), 'utf8');

beforeAll(async () => {
  root = materialiseCase();
  writeFileSync(join(root, 'documents', '2015-draft.md'), DRAFT);
  editor = await startEditor({ root });
});

afterAll(async () => {
  await editor?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw HTTP request, so the test controls Host and Origin exactly as an attacker's page could. */
function call(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const own = { host: `127.0.0.1:${editor.port}`, origin: `http://127.0.0.1:${editor.port}` };
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers = {
    host: own.host,
    ...(method === 'POST' ? { origin: own.origin, 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: editor.port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, json: text.startsWith('{') ? JSON.parse(text) : {} });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const read = (relative: string) => readFileSync(join(root, relative), 'utf8');

async function open(collection: string, id: string) {
  const answer = await call('GET', `/api/entry/${collection}/${id}`);
  expect(answer.status).toBe(200);
  return answer.json as { data: Record<string, unknown>; body: string; hash: string };
}

describe('npm run edit', () => {
  test('starts the editor on a content folder and prints its loopback address', async () => {
    const cli = join(import.meta.dirname, '..', '..', 'src', 'cli', 'edit.ts');
    const child = spawn(process.execPath, [cli, '--content', root, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
          if (match) resolve(match[0]);
        });
        child.on('exit', (code) => reject(new Error(`edit exited with ${code}: ${output}`)));
      });
      const page = await fetch(address);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script type="module" src="/editor.js"></script>');
    } finally {
      child.kill();
    }
  });
});

describe('the editor answers only its own page', () => {
  test('binds to loopback and prints an address there', () => {
    expect(editor.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('a request for another host name is refused (DNS rebinding)', async () => {
    expect((await call('GET', '/api/index', { headers: { host: `evil.example:${editor.port}` } })).status).toBe(421);
  });

  test('a save from another origin, or with no origin, is refused and writes nothing', async () => {
    const before = read('documents/2014-04-14-holding-speech.md');
    const entry = await open('documents', '2014-04-14-holding-speech');
    const body = {
      collection: 'documents',
      id: '2014-04-14-holding-speech',
      data: { ...entry.data, status: 'draft' },
      hash: entry.hash,
    };
    expect((await call('POST', '/api/save', { body, headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await call('POST', '/api/save', { body, headers: { origin: '' } })).status).toBe(403);
    expect((await call('POST', '/api/save', { body, headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect(read('documents/2014-04-14-holding-speech.md')).toBe(before);
  });

  test.each(['../../etc/passwd', '..', 'Holding-Speech', 'a/b', '%2e%2e'])('the id %s is refused', async (id) => {
    const save = await call('POST', '/api/save', { body: { collection: 'documents', id, data: { id } } });
    expect(save.status).toBe(400);
    const get = await call('GET', `/api/entry/documents/${encodeURIComponent(id)}`);
    expect([400, 404]).toContain(get.status);
    expect(get.json.data).toBeUndefined();
  });

  test('a malformed percent-encoding in the path is the client\u2019s mistake: 400, not 500', async () => {
    const answer = await call('GET', '/api/entry/documents/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/malformed percent-encoding/);
  });

  test('an unknown collection is refused', async () => {
    const answer = await call('POST', '/api/save', { body: { collection: '../sources', id: 'x', data: {} } });
    expect(answer.status).toBe(400);
  });

  test('an oversized request is refused', async () => {
    const answer = await call('POST', '/api/preview', { body: { body: 'x'.repeat(25 * 1024 * 1024) } });
    expect(answer.status).toBe(413);
  });
});

describe('saving', () => {
  test('lists drafts with what they lack and their open review items', async () => {
    const { json } = await call('GET', '/api/index');
    const entries = json.entries as { id: string; status: string; missing: string[]; review: object }[];
    expect(entries.find((entry) => entry.id === '2015-draft')).toMatchObject({
      status: 'draft',
      missing: ['title.en', 'summary.en', 'translation'],
      review: { warnings: 1, candidates: 1 },
    });
    expect(entries.find((entry) => entry.id === '2014-04-14-holding-speech')?.missing).toEqual([]);
  });

  test('an invalid date is refused with the checker message for that field, and the file is unchanged', async () => {
    const path = 'documents/2017-08-04-jinduicheng-meeting.md';
    const before = read(path);
    const entry = await open('documents', '2017-08-04-jinduicheng-meeting');
    const body = {
      collection: 'documents',
      id: '2017-08-04-jinduicheng-meeting',
      data: { ...entry.data, date: '2017-02-30' },
      body: entry.body,
      hash: entry.hash,
    };
    const refused = await call('POST', '/api/save', { body });
    expect(refused.status).toBe(422);
    expect(refused.json.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        field: 'date',
        message: '2017-02-30 is not a real date: 2017-02 has 28 days',
      }),
    );
    expect(read(path)).toBe(before);
    // Saving it anyway is a second, explicit request.
    const forced = await call('POST', '/api/save', { body: { ...body, confirmInvalid: true } });
    expect(forced.json).toMatchObject({ saved: true });
    expect(read(path)).toBe(before.replace('date: "2017-08-04"', 'date: "2017-02-30"'));
    const restored = await call('POST', '/api/save', { body: { ...body, data: entry.data, hash: forced.json.hash } });
    expect(restored.status).toBe(200);
    expect(read(path)).toBe(before);
  });

  test('a change that breaks another file is refused too, naming that file', async () => {
    // The speech has an aligned translation: a new paragraph in the original breaks it.
    const path = 'documents/2014-04-14-holding-speech.md';
    const before = read(path);
    const entry = await open('documents', '2014-04-14-holding-speech');
    const refused = await call('POST', '/api/save', {
      body: {
        collection: 'documents',
        id: entry.data.id,
        data: entry.data,
        body: `${entry.body}\n新的一段。\n`,
        hash: entry.hash,
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/\/documents\/2014-04-14-holding-speech\.en\.md$/),
        message: expect.stringMatching(/^translation is not aligned with the original/),
      }),
    );
    expect(read(path)).toBe(before);
  });

  test('a file changed on disk since it was opened is never overwritten', async () => {
    const path = 'documents/2014-04-14-holding-speech.md';
    const entry = await open('documents', '2014-04-14-holding-speech');
    const changedOnDisk = read(path).replace('status: published', 'status: published\n# edited in a text editor');
    writeFileSync(join(root, path), changedOnDisk);
    const answer = await call('POST', '/api/save', {
      body: {
        collection: 'documents',
        id: '2014-04-14-holding-speech',
        data: entry.data,
        body: entry.body,
        hash: entry.hash,
      },
    });
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatch(/changed on disk/);
    expect(read(path)).toBe(changedOnDisk);
  });

  test('a new document starts as a minimal draft and cannot replace an existing file', async () => {
    const data = {
      id: '2016-new-notice',
      status: 'draft',
      type: 'notice',
      title: { zh: '关于某事的通知', en: '' },
      summary: { zh: '通知。', en: '' },
      date: '2016-05',
      date_precision: 'month',
      date_basis: 'stated',
      script: 'zh-Hans',
      enterprises: [],
      directives: [],
      people: [],
      source: { site: { zh: '某网站', en: '' } },
    };
    const created = await call('POST', '/api/save', {
      body: { collection: 'documents', id: data.id, data, body: '\n通知正文。\n' },
    });
    expect(created.json).toMatchObject({ saved: true, problems: [] });
    expect(read('documents/2016-new-notice.md')).toContain('date: "2016-05"\n');
    const again = await call('POST', '/api/save', { body: { collection: 'documents', id: data.id, data, body: '' } });
    expect(again.status).toBe(409);
  });

  test('the preview links the entities a body names', async () => {
    const answer = await call('POST', '/api/preview', { body: { body: '金鉬集團將進一步統一思想。' } });
    expect(answer.json.html).toContain('href="#/enterprises/jinduicheng-molybdenum"');
  });
});

describe('translations', () => {
  test('a translation is saved beside its document, and one that drifts from the original is refused', async () => {
    const original = await open('documents', '2017-08-04-jinduicheng-meeting');
    const data = { id: '2017-08-04-jinduicheng-meeting', translator: 'A. Translator' };
    const drifting = await call('POST', '/api/save', {
      body: { collection: 'translations', id: data.id, data, body: '\nOne paragraph only.\n' },
    });
    expect(drifting.status).toBe(422);
    expect(drifting.json.problems).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/^translation is not aligned with the original/) }),
    );
    const body = original.body.replace(
      /\n\n[^\n]+\n\n[^\n]+\n$/,
      '\n\nIn April, the Jinduicheng district became a pilot.\n\nThe Group will unify its thinking.\n',
    );
    const saved = await call('POST', '/api/save', { body: { collection: 'translations', id: data.id, data, body } });
    expect(saved.json).toMatchObject({
      saved: true,
      file: 'documents/2017-08-04-jinduicheng-meeting.en.md',
      problems: [],
    });
    expect(read('documents/2017-08-04-jinduicheng-meeting.en.md')).toBe(
      `---\nid: 2017-08-04-jinduicheng-meeting\ntranslator: A. Translator\n---\n${body}`,
    );
    const { json } = await call('GET', '/api/index');
    const entry = (json.entries as { id: string; missing: string[] }[]).find((item) => item.id === data.id);
    expect(entry?.missing).toEqual([]);
  });
});

describe('creating an entity from an importer candidate', () => {
  test('writes the entity, adds its id to the draft and removes the candidate, changing only those lines', async () => {
    const draft = await open('documents', '2015-draft');
    const answer = await call('POST', '/api/create-from-candidate', {
      body: {
        collection: 'enterprises',
        id: 'mouma-machinery-factory',
        data: {
          id: 'mouma-machinery-factory',
          name: { zh: '某某机械厂', en: 'Moumou Machinery Factory' },
          aliases: [],
          kind: 'factory',
          description: { zh: '一家机械厂。', en: 'A machinery factory.' },
        },
        document: '2015-draft',
        hash: draft.hash,
        candidate: '某某机械厂',
      },
    });
    expect(answer.json).toMatchObject({ saved: true });
    expect(read('enterprises/mouma-machinery-factory.md')).toMatch(/^---\nid: mouma-machinery-factory\n/);
    expect(read('documents/2015-draft.md')).toBe(
      DRAFT.replace('enterprises: []', 'enterprises:\n  - mouma-machinery-factory').replace(
        /  candidates:\n[\s\S]*?(?=---)/,
        '  candidates: []\n',
      ),
    );
  });
});

describe('behind a port forwarder', () => {
  test('accepts only the host names it was told about, and saves only from pages served on them', async () => {
    const forwarded = await startEditor({ root, allowHosts: ['my-space-4400.example.dev'] });
    const ask = (headers: Record<string, string>, method = 'GET') =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: forwarded.port,
            method,
            path: method === 'GET' ? '/api/index' : '/api/preview',
            headers,
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end(method === 'POST' ? JSON.stringify({ body: '' }) : undefined);
      });
    try {
      expect(await ask({ host: 'my-space-4400.example.dev' })).toBe(200);
      expect(await ask({ host: 'other-space.example.dev' })).toBe(421);
      const post = { host: 'my-space-4400.example.dev', 'content-type': 'application/json' };
      expect(await ask({ ...post, origin: 'https://my-space-4400.example.dev' }, 'POST')).toBe(200);
      expect(await ask({ ...post, origin: 'http://my-space-4400.example.dev' }, 'POST')).toBe(403);
      expect(await ask({ ...post, origin: 'https://evil.example' }, 'POST')).toBe(403);
    } finally {
      await forwarded.close();
    }
  });
});
