/** Serves the built editor: files under one folder only, by decoded path segments, no dot-segments. */
import type { ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file for a URL path under `root` (realpath), or undefined. `/` is index.html. Any segment that
 * is empty-after-decoding, `.`, `..`, hidden, or holds a separator is refused.
 */
export async function resolveStatic(root: string, segments: readonly string[]): Promise<string | undefined> {
  const parts = segments.length === 0 || (segments.length === 1 && segments[0] === '') ? ['index.html'] : segments;
  for (const p of parts) {
    if (p === '' || p.startsWith('.') || /[/\\\0]/.test(p)) return undefined;
  }
  const candidate = join(root, ...parts);
  try {
    const real = await realpath(candidate);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    if (!(await stat(real)).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

export function sendFile(res: ServerResponse, file: string, head: boolean): void {
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (head) {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
