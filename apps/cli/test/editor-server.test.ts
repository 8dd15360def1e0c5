/**
 * The server behind `zhijian editor`: its pack store (names, links, atomic writes, history,
 * conflicts, validation) and its HTTP surface (traversal, Host/Origin checks, static files).
 */
import { request } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkName, HISTORY_DIR, HISTORY_KEEP, looksLikePack, PackStore, StoreError, versionToken } from '../src/editor-server/pack-store.js';
import { startEditorServer, type EditorServer } from '../src/editor-server/server.js';
import { validatePackText } from '../src/editor-server/validate.js';

const PACK = {
  id: 'test-pack',
  version: '1.0.0',
  categories: [{ id: 'etiquette', name: '礼仪' }],
  rules: [{ id: 'etiquette.forbidden', type: 'phrase', category: 'etiquette', points: 5, options: { role: 'agent', phrases: ['难道不是'] } }],
};
const packText = (overrides: Record<string, unknown> = {}): string => `${JSON.stringify({ ...PACK, ...overrides }, null, 2)}\n`;

let root: string;
let packs: string;
let outside: string;

function layout(): void {
  root = mkdtempSync(join(tmpdir(), 'zhijian-editor-server-'));
  packs = join(root, 'packs');
  outside = join(root, 'outside');
  mkdirSync(packs);
  mkdirSync(outside);
  writeFileSync(join(packs, 'a.json'), packText());
  writeFileSync(join(packs, 'package.json'), '{"name": "not-a-pack"}');
  writeFileSync(join(packs, 'tsconfig.json'), '{}');
  writeFileSync(join(packs, 'broken.json'), '{"rules": [');
  writeFileSync(join(packs, 'notes.txt'), 'x');
  writeFileSync(join(outside, 'secret.json'), packText({ id: 'secret' }));
  symlinkSync(join(outside, 'secret.json'), join(packs, 'link.json'));
}

const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('pack names', () => {
  it('accepts plain .json file names only', () => {
    expect(checkName('ecommerce-chat.zh.json')).toBe('ecommerce-chat.zh.json');
    expect(checkName('质检 规则.json')).toBe('质检 规则.json');
    for (const bad of ['../a.json', '..', 'a/b.json', 'a\\b.json', '/etc/passwd', '/tmp/x.json', '.hidden.json', 'x.txt', 'a.json\0', '', 'a\n.json', '..%2fa.json/']) {
      expect(() => checkName(bad), bad).toThrow(StoreError);
    }
  });

  it('tells packs from the tooling files next to them', () => {
    expect(looksLikePack(packText())).toBe(true);
    expect(looksLikePack('{"rules": [')).toBe(true); // broken: listed, to be fixed
    expect(looksLikePack('{"name": "x"}')).toBe(false);
    expect(looksLikePack('[1]')).toBe(false);
  });
});

describe('validation before a save', () => {
  it('accepts a valid pack and locates what is wrong in an invalid one', () => {
    expect(validatePackText(packText())).toEqual([]);
    expect(validatePackText(`\ufeff${packText()}`)).toEqual([]);
    const syntax = validatePackText('{"id": "x",,}');
    expect(syntax[0]).toMatchObject({ code: 'json.syntax', severity: 'error', pointer: '' });
    const schema = validatePackText(packText({ rules: [{ ...PACK.rules[0], points: 'five' }] }));
    expect(schema).toContainEqual(expect.objectContaining({ pointer: '/rules/0/points', severity: 'error' }));
    const structural = validatePackText(packText({ rules: [{ ...PACK.rules[0], category: 'nope' }] }));
    expect(structural).toContainEqual(expect.objectContaining({ pointer: '/rules/0/category', code: 'pack.unknown-category' }));
  });
});

describe('PackStore', () => {
  let store: PackStore;
  beforeEach(async () => {
    layout();
    store = await PackStore.open(packs);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists the packs only', async () => {
    expect((await store.list()).map((p) => p.name)).toEqual(['a.json', 'broken.json']);
  });

  it('reads a pack with a version token, and refuses symbolic links', async () => {
    const file = await store.read('a.json');
    expect(file.text).toBe(packText());
    expect(file.token).toBe(versionToken(readFileSync(join(packs, 'a.json'))));
    await expect(store.read('link.json')).rejects.toMatchObject({ status: 403, code: 'symlink' });
    await expect(store.read('missing.json')).rejects.toMatchObject({ status: 404 });
    await expect(store.read('../outside/secret.json')).rejects.toMatchObject({ status: 400 });
  });

  it('saves atomically, keeps the previous version, leaves no temp file', async () => {
    const before = await store.read('a.json');
    const next = packText({ version: '1.1.0' });
    const r = await store.save('a.json', next, before.token);
    expect(r).toMatchObject({ kind: 'saved', token: versionToken(next) });
    expect(readFileSync(join(packs, 'a.json'), 'utf8')).toBe(next);
    const history = files(join(packs, HISTORY_DIR));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatch(/^a\.\d{4}-.*\.json$/);
    expect(readFileSync(join(packs, HISTORY_DIR, history[0]!), 'utf8')).toBe(before.text);
    expect(r.kind === 'saved' && r.backup).toBe(join(HISTORY_DIR, history[0]!));
    expect(files(packs).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps at most HISTORY_KEEP previous versions', async () => {
    let token = (await store.read('a.json')).token;
    for (let i = 0; i < HISTORY_KEEP + 3; i++) {
      const r = await store.save('a.json', packText({ version: `1.0.${i + 1}` }), token);
      if (r.kind !== 'saved') throw new Error(r.kind);
      token = r.token;
    }
    expect(files(join(packs, HISTORY_DIR))).toHaveLength(HISTORY_KEEP);
  });

  it('refuses an invalid pack with its problems and writes nothing', async () => {
    const before = await store.read('a.json');
    const r = await store.save('a.json', packText({ rules: [{ ...PACK.rules[0], points: 'five' }] }), before.token);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.problems[0]!.pointer).toBe('/rules/0/points');
    expect(readFileSync(join(packs, 'a.json'), 'utf8')).toBe(before.text);
    expect(files(join(packs, HISTORY_DIR))).toEqual([]);
    expect((await store.save('a.json', '{"id": ', before.token)).kind).toBe('invalid');
  });

  it('refuses to overwrite a file changed since it was opened (and a stale or missing token)', async () => {
    const opened = await store.read('a.json');
    const theirs = packText({ version: '9.9.9' });
    writeFileSync(join(packs, 'a.json'), theirs);
    const r = await store.save('a.json', packText({ version: '2.0.0' }), opened.token);
    expect(r).toEqual({ kind: 'conflict', token: versionToken(theirs) });
    expect(readFileSync(join(packs, 'a.json'), 'utf8')).toBe(theirs);
    expect((await store.save('a.json', packText(), undefined)).kind).toBe('conflict');
  });

  it('creates a new pack only when told it does not exist yet', async () => {
    expect((await store.save('new.json', packText(), 'sha256-whatever')).kind).toBe('conflict');
    expect(existsSync(join(packs, 'new.json'))).toBe(false);
    expect((await store.save('new.json', packText(), undefined)).kind).toBe('saved');
    expect(readFileSync(join(packs, 'new.json'), 'utf8')).toBe(packText());
  });

  it('serialises saves: of two saves from the same version, one wins and one conflicts', async () => {
    const { token } = await store.read('a.json');
    const results = await Promise.all([store.save('a.json', packText({ version: '2.0.0' }), token), store.save('a.json', packText({ version: '3.0.0' }), token)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['conflict', 'saved']);
  });

  it('never writes through a symbolic link', async () => {
    const secret = readFileSync(join(outside, 'secret.json'), 'utf8');
    await expect(store.save('link.json', packText(), versionToken(secret))).rejects.toMatchObject({ status: 403 });
    expect(readFileSync(join(outside, 'secret.json'), 'utf8')).toBe(secret);
  });

  it('never writes history through a linked .zhijian folder', async () => {
    symlinkSync(outside, join(packs, '.zhijian'));
    const { token, text } = await store.read('a.json');
    await expect(store.save('a.json', packText({ version: '2.0.0' }), token)).rejects.toMatchObject({ status: 403 });
    expect(readFileSync(join(packs, 'a.json'), 'utf8')).toBe(text);
    expect(files(outside)).toEqual(['secret.json']);
  });
});

// ---- HTTP ----

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A raw request (the path is sent as written: no `..` normalisation as fetch would do). */
function http(server: EditorServer, method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const putHeaders = (token?: string): Record<string, string> => ({ 'Content-Type': 'application/json', ...(token ? { 'If-Match': `"${token}"` } : {}) });

describe('editor HTTP server', () => {
  let server: EditorServer;
  let dist: string;

  beforeAll(async () => {
    layout();
    dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>editor</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    symlinkSync(join(outside, 'secret.json'), join(dist, 'assets', 'leak.json'));
    const samples = join(root, 'samples');
    mkdirSync(samples);
    writeFileSync(join(samples, 'chats.csv'), '\ufeffconversation_id,role,text\nc1,agent,您好\n');
    writeFileSync(join(samples, 'chats.jsonl'), '{"id":"j1","messages":[]}\n');
    writeFileSync(join(samples, 'README.md'), '# not a sample');
    server = await startEditorServer({ packsDir: packs, samplesDir: samples, distDir: dist, port: 0, packsLabel: 'packs', samplesLabel: 'samples' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and lists the packs', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const r = await http(server, 'GET', '/api/packs');
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ packsDir: 'packs', samplesDir: 'samples', defaultPack: 'a.json' });
    expect(r.json().packs.map((p: { name: string }) => p.name)).toEqual(['a.json', 'broken.json']);
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('reads a pack with its token as ETag', async () => {
    const r = await http(server, 'GET', '/api/packs/a.json');
    expect(r.status).toBe(200);
    expect(r.json().text).toBe(readFileSync(join(packs, 'a.json'), 'utf8'));
    expect(r.headers.etag).toBe(`"${r.json().token}"`);
  });

  it('refuses path traversal, absolute paths and symbolic links', async () => {
    for (const path of [
      '/api/packs/..%2f..%2foutside%2fsecret.json',
      '/api/packs/..%2Foutside%2Fsecret.json',
      '/api/packs/%2e%2e%2foutside%2fsecret.json',
      '/api/packs/%2Fetc%2Fpasswd',
      '/api/packs/..%5coutside%5csecret.json',
      '/api/packs/..',
      '/api/packs/%E0%A4%A',
    ]) {
      const r = await http(server, 'GET', path);
      expect(r.status, path).toBe(400);
    }
    // Decoded once only: `%252e%252e%252f` is the (absent) file named `%2e%2e%2fsecret.json`.
    const twice = await http(server, 'GET', '/api/packs/%252e%252e%252fsecret.json');
    expect(twice.status).toBe(404);
    const raw = await http(server, 'GET', '/api/packs/../../outside/secret.json');
    expect([400, 404]).toContain(raw.status);
    expect(raw.body).not.toContain('secret');
    expect((await http(server, 'GET', '/api/packs/link.json')).status).toBe(403);
    const secret = readFileSync(join(outside, 'secret.json'), 'utf8');
    const put = await http(server, 'PUT', '/api/packs/..%2foutside%2fsecret.json', { body: packText(), headers: putHeaders(versionToken(secret)) });
    expect(put.status).toBe(400);
    const viaLink = await http(server, 'PUT', '/api/packs/link.json', { body: packText(), headers: putHeaders(versionToken(secret)) });
    expect(viaLink.status).toBe(403);
    expect(readFileSync(join(outside, 'secret.json'), 'utf8')).toBe(secret);
  });

  it('saves with the right token, keeps the previous version, answers the new token', async () => {
    const { token, text } = (await http(server, 'GET', '/api/packs/a.json')).json();
    const next = packText({ version: '1.2.0' });
    const r = await http(server, 'PUT', '/api/packs/a.json', { body: next, headers: putHeaders(token) });
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ token: versionToken(next) });
    expect(r.json().backup).toMatch(/^\.zhijian[\\/]history[\\/]a\./);
    expect(readFileSync(join(packs, 'a.json'), 'utf8')).toBe(next);
    expect(readFileSync(join(packs, r.json().backup), 'utf8')).toBe(text);
  });

  it('answers 409 when the file changed on disk since it was opened', async () => {
    const { token } = (await http(server, 'GET', '/api/packs/a.json')).json();
    const theirs = packText({ version: '7.7.7' });
    writeFileSync(join(packs, 'a.json'), theirs);
    const r = await http(server, 'PUT', '/api/packs/a.json', { body: packText({ version: '8.0.0' }), headers: putHeaders(token) });
    expect(r.status).toBe(409);
    expect(r.json()).toMatchObject({ code: 'conflict', token: versionToken(theirs) });
    expect(readFileSync(join(packs, 'a.json'), 'utf8')).toBe(theirs);
  });

  it('answers 422 with the problems for an invalid pack, and writes nothing', async () => {
    const before = readFileSync(join(packs, 'a.json'), 'utf8');
    const token = versionToken(before);
    const schema = await http(server, 'PUT', '/api/packs/a.json', { body: packText({ rules: [{ ...PACK.rules[0], category: 'nope' }] }), headers: putHeaders(token) });
    expect(schema.status).toBe(422);
    expect(schema.json().problems).toContainEqual(expect.objectContaining({ pointer: '/rules/0/category', severity: 'error' }));
    const syntax = await http(server, 'PUT', '/api/packs/a.json', { body: '{"id": ', headers: putHeaders(token) });
    expect(syntax.status).toBe(422);
    expect(syntax.json().problems[0].code).toBe('json.syntax');
    expect(readFileSync(join(packs, 'a.json'), 'utf8')).toBe(before);
  });

  it('accepts writes from its own page only', async () => {
    const before = readFileSync(join(packs, 'a.json'), 'utf8');
    const token = versionToken(before);
    const foreign = await http(server, 'PUT', '/api/packs/a.json', { body: packText(), headers: { ...putHeaders(token), Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    const form = await http(server, 'PUT', '/api/packs/a.json', { body: packText(), headers: { 'Content-Type': 'text/plain', 'If-Match': token } });
    expect(form.status).toBe(415);
    const rebound = await http(server, 'GET', '/api/packs/a.json', { headers: { Host: 'evil.example' } });
    expect(rebound.status).toBe(403);
    const big = await http(server, 'PUT', '/api/packs/a.json', { body: ' '.repeat(6 * 1024 * 1024), headers: putHeaders(token) });
    expect(big.status).toBe(413);
    expect((await http(server, 'DELETE', '/api/packs/a.json')).status).toBe(405);
    expect(readFileSync(join(packs, 'a.json'), 'utf8')).toBe(before);
  });

  it('sends the sample files raw (CSV, JSONL), without a BOM', async () => {
    const r = (await http(server, 'GET', '/api/samples')).json();
    expect(r.files.map((f: { name: string; format: string }) => [f.name, f.format])).toEqual([
      ['chats.csv', 'csv'],
      ['chats.jsonl', 'jsonl'],
    ]);
    expect(r.files[0].text.startsWith('conversation_id')).toBe(true);
  });

  it('serves the built editor, and nothing outside it', async () => {
    const index = await http(server, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    const js = await http(server, 'GET', '/assets/app.js');
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    for (const path of ['/../outside/secret.json', '/%2e%2e/outside/secret.json', '/assets/..%2f..%2foutside%2fsecret.json', '/assets/leak.json', '/.hidden']) {
      const r = await http(server, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('secret');
    }
    expect((await http(server, 'POST', '/')).status).toBe(405);
  });
});
