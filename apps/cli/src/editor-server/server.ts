/**
 * The local server behind `zhijian editor` (node:http only). Listens on 127.0.0.1 and nowhere else,
 * serves the built editor and a small JSON API over the packs folder:
 *
 *   GET  /api/packs          { packs: [{name, size, mtime}], packsDir, samplesDir, defaultPack }
 *   GET  /api/packs/:name    { name, text, token }                 (ETag: token)
 *   PUT  /api/packs/:name    body = the pack text, If-Match: token (?lang=en: problems in English)
 *                            200 { token, backup } | 409 { token } changed on disk since opened
 *                            | 422 { problems } invalid pack, nothing written
 *   GET  /api/samples        { files: [{name, format, text}], skipped }
 *
 * Requests must name this server in Host (no DNS rebinding) and, for writes, come from its own
 * origin with a JSON content type (a page elsewhere cannot save through it).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { realpath } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { MAX_PACK_BYTES, PackStore, StoreError } from './pack-store.js';
import { readSamples } from './samples.js';
import { resolveStatic, sendFile } from './static-files.js';
import { validatePackText } from './validate.js';

export const EDITOR_HOST = '127.0.0.1';

export interface EditorServerOptions {
  packsDir: string;
  samplesDir?: string;
  /** Built editor (index.html + assets); without it the server answers the API and a short page. */
  distDir?: string;
  /** 0 picks a free port. */
  port: number;
  /** Shown to the editor (as typed on the command line). */
  packsLabel?: string;
  samplesLabel?: string;
  /** The pack opened first; default: ecommerce-chat.zh.json if present, else the first. */
  defaultPack?: string;
}

export interface EditorServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // Everything comes from this server; ajv compiles validators with new Function (hence unsafe-eval).
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'",
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startEditorServer(options: EditorServerOptions): Promise<EditorServer> {
  const store = await PackStore.open(options.packsDir);
  const dist = options.distDir ? await realpath(options.distDir).catch(() => undefined) : undefined;
  let port = options.port;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof HttpError || err instanceof StoreError) {
        json(res, err.status, { code: err.code, message: err.message });
      } else {
        json(res, 500, { code: 'internal', message: err instanceof Error ? err.message : String(err) });
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    checkHost(req, port);
    const [rawPath = '/', query = ''] = (req.url ?? '/').split('?');
    const segments = decodeSegments(rawPath);
    const method = req.method ?? 'GET';

    if (segments[0] === 'api') {
      const [, resource, name, extra] = segments;
      if (resource === 'packs' && name === undefined) {
        allow(method, ['GET']);
        const packs = await store.list();
        const preferred = options.defaultPack ?? 'ecommerce-chat.zh.json';
        return json(res, 200, {
          packs,
          packsDir: options.packsLabel ?? options.packsDir,
          samplesDir: options.samplesLabel ?? options.samplesDir ?? '',
          ...(packs.length > 0 ? { defaultPack: packs.some((p) => p.name === preferred) ? preferred : packs[0]!.name } : {}),
        });
      }
      if (resource === 'packs' && name !== undefined && extra === undefined) {
        if (method === 'GET' || method === 'HEAD') {
          const file = await store.read(name);
          res.setHeader('ETag', `"${file.token}"`);
          return json(res, 200, file);
        }
        if (method === 'PUT') {
          checkWriteRequest(req, port);
          const text = await readBody(req, MAX_PACK_BYTES);
          const ifMatch = req.headers['if-match'];
          const expected = typeof ifMatch === 'string' && ifMatch !== '' ? ifMatch.replace(/^W\//, '').replace(/^"|"$/g, '') : undefined;
          const lang = new URLSearchParams(query).get('lang') === 'en' ? 'en' : 'zh';
          const result = await store.save(name, text, expected, lang);
          if (result.kind === 'saved') {
            res.setHeader('ETag', `"${result.token}"`);
            return json(res, 200, { token: result.token, ...(result.backup ? { backup: result.backup } : {}) });
          }
          if (result.kind === 'conflict') {
            return json(res, 409, { code: 'conflict', message: `${name} changed on disk since it was opened: reload it before saving`, ...(result.token ? { token: result.token } : {}) });
          }
          return json(res, 422, { code: 'invalid-pack', message: `${name} was not saved: the pack does not validate`, problems: result.problems });
        }
        throw new HttpError(405, 'method', `${method} is not allowed here`);
      }
      if (resource === 'samples' && name === undefined) {
        allow(method, ['GET']);
        return json(res, 200, await readSamples(options.samplesDir));
      }
      throw new HttpError(404, 'not-found', 'no such API');
    }

    allow(method, ['GET', 'HEAD']);
    if (!dist) return noEditorPage(res);
    const file = await resolveStatic(dist, segments);
    if (!file) throw new HttpError(404, 'not-found', 'not found');
    sendFile(res, file, method === 'HEAD');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, EDITOR_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  warmUp(store);
  return {
    url: `http://${EDITOR_HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The first validation in a process is slow (lint's regex analysis, ajv compiling the schema): do it
 * once in the background now, so the first save answers quickly.
 */
function warmUp(store: PackStore): void {
  setTimeout(() => {
    void store
      .list()
      .then(async (packs) => (packs[0] ? validatePackText((await store.read(packs[0].name)).text) : undefined))
      .catch(() => undefined);
  }, 0).unref();
}

/** Path segments, each percent-decoded once; `..` and friends are left for the handlers to refuse. */
export function decodeSegments(path: string): string[] {
  const parts = path.split('/').slice(1);
  try {
    return parts.map((p) => decodeURIComponent(p));
  } catch {
    throw new HttpError(400, 'bad-path', 'malformed percent-encoding in the path');
  }
}

function allow(method: string, methods: string[]): void {
  if (!methods.includes(method)) throw new HttpError(405, 'method', `${method} is not allowed here`);
}

function checkHost(req: IncomingMessage, port: number): void {
  const host = req.headers.host ?? '';
  const ok = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!ok.includes(host.toLowerCase())) throw new HttpError(403, 'host', `unexpected Host ${JSON.stringify(host)}`);
}

function checkWriteRequest(req: IncomingMessage, port: number): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    throw new HttpError(403, 'origin', `writes are accepted from the editor's own page only (Origin ${origin})`);
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'content-type', 'send the pack as application/json');
}

/**
 * The request body as UTF-8 text, at most `limit` bytes. A larger body is drained (up to a hard cap,
 * so the client gets its 413 instead of a reset connection) and refused.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const hardCap = limit * 8;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > hardCap) req.destroy();
    });
    req.on('end', () => {
      if (size > limit) {
        reject(new HttpError(413, 'too-large', `a pack is at most ${limit} bytes`));
        return;
      }
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpError(400, 'encoding', 'the pack must be UTF-8'));
      }
    });
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function noEditorPage(res: ServerResponse): void {
  res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('The editor is not built: run `pnpm build` (apps/editor/dist is missing). The API under /api works.\n');
}
