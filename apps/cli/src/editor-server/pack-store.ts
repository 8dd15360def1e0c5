/**
 * The packs folder as the editor sees it: list, read, save. Every name is a plain file name in that
 * folder (no separators, no `..`, no dot-files, `.json` only) and symbolic links are refused, so
 * nothing outside the folder is ever read or written through this store.
 *
 * Saving: the caller's version token (a hash of the bytes it opened) must match the file on disk
 * (else `conflict`); the text must be a valid pack (else `invalid`, with located problems); the
 * previous version goes to `.zhijian/history/` in the folder; the new text is written to a temp file
 * in the same folder, flushed, and renamed over the pack (atomic on POSIX). Saves of one file are
 * serialised.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, rm, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Lang } from '@zhijian/core';
import { validatePackText, type ValidationProblem } from './validate.js';

export const HISTORY_DIR = join('.zhijian', 'history');
/** Previous versions kept per pack. */
export const HISTORY_KEEP = 20;
export const MAX_PACK_BYTES = 5 * 1024 * 1024;

export class StoreError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface PackEntry {
  name: string;
  size: number;
  mtime: string;
}

export interface PackFile {
  name: string;
  text: string;
  token: string;
}

export type SaveResult =
  | { kind: 'saved'; token: string; backup?: string }
  | { kind: 'conflict'; token?: string }
  | { kind: 'invalid'; problems: ValidationProblem[] };

/** Tooling files that live next to packs (the folder may be a workspace package). */
const NOT_PACKS = /^(package(-lock)?\.json|tsconfig(\..*)?\.json|jsconfig\.json|turbo\.json|.*\.schema\.json)$/i;

/**
 * A JSON object with `rules` or `categories` is a pack; so is a file that is not valid JSON (a
 * broken pack must stay listed to be fixed). Valid JSON without either is something else.
 */
export function looksLikePack(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return true;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ('rules' in value || 'categories' in value);
}

export function versionToken(bytes: Buffer | string): string {
  return `sha256-${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A pack file name, or a StoreError. Decoded already (the server decodes the URL segment). */
export function checkName(name: string): string {
  const bad = (why: string): never => {
    throw new StoreError(400, 'bad-name', `invalid pack name ${JSON.stringify(name)}: ${why}`);
  };
  if (name.length === 0 || name.length > 200) bad('empty or too long');
  if (/[/\\\0]/.test(name)) bad('a pack name is a file name, without any folder');
  if (name.startsWith('.')) bad('names starting with a dot are not packs');
  if (!name.toLowerCase().endsWith('.json')) bad('a pack is a .json file');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) bad('control characters');
  if (basename(name) !== name) bad('not a plain file name');
  return name;
}

export class PackStore {
  private readonly locks = new Map<string, Promise<unknown>>();

  private constructor(readonly root: string) {}

  /** Opens the folder (which must exist); its real path is fixed now. */
  static async open(dir: string): Promise<PackStore> {
    const root = await realpath(dir);
    const s = await lstat(root);
    if (!s.isDirectory()) throw new Error(`${dir} is not a folder`);
    return new PackStore(root);
  }

  /** The packs in the folder: its .json files, less the ones that are plainly something else. */
  async list(): Promise<PackEntry[]> {
    const entries = await readdir(this.root, { withFileTypes: true });
    const out: PackEntry[] = [];
    for (const e of entries) {
      if (!e.isFile() || e.name.startsWith('.') || !e.name.toLowerCase().endsWith('.json') || NOT_PACKS.test(e.name)) continue;
      const path = join(this.root, e.name);
      const s = await lstat(path);
      if (s.size <= MAX_PACK_BYTES && !looksLikePack(await readFile(path, 'utf8'))) continue;
      out.push({ name: e.name, size: s.size, mtime: s.mtime.toISOString() });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  async read(name: string): Promise<PackFile> {
    const path = await this.existingFile(checkName(name));
    if (!path) throw new StoreError(404, 'not-found', `no pack named ${JSON.stringify(name)}`);
    const bytes = await readFile(path);
    return { name, text: bytes.toString('utf8'), token: versionToken(bytes) };
  }

  /**
   * Saves `text` as `name`. `expected` is the token the editor opened (undefined: the file must not
   * exist yet). Validation happens before anything touches the disk; `lang` words its problems.
   */
  async save(name: string, text: string, expected: string | undefined, lang: Lang = 'zh'): Promise<SaveResult> {
    checkName(name);
    if (Buffer.byteLength(text) > MAX_PACK_BYTES) throw new StoreError(413, 'too-large', `a pack is at most ${MAX_PACK_BYTES} bytes`);
    const problems = validatePackText(text, { lang });
    if (problems.some((p) => p.severity === 'error')) return { kind: 'invalid', problems };
    return this.serialised(name, async () => {
      const path = await this.existingFile(name);
      const current = path ? await readFile(path) : undefined;
      const currentToken = current ? versionToken(current) : undefined;
      if (expected !== currentToken) return currentToken ? { kind: 'conflict', token: currentToken } : { kind: 'conflict' };
      const target = join(this.root, name);
      const backup = current ? await this.keepPrevious(name, current) : undefined;
      await this.writeAtomically(target, text);
      return { kind: 'saved', token: versionToken(Buffer.from(text, 'utf8')), ...(backup ? { backup } : {}) };
    });
  }

  /** The path of an existing regular file `name` in the folder; undefined when absent; refuses links. */
  private async existingFile(name: string): Promise<string | undefined> {
    const path = join(this.root, name);
    let s;
    try {
      s = await lstat(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    if (s.isSymbolicLink()) throw new StoreError(403, 'symlink', `${name} is a symbolic link: the editor only reads and writes plain files in the packs folder`);
    if (!s.isFile()) throw new StoreError(400, 'not-a-file', `${name} is not a file`);
    return path;
  }

  /** A folder inside the packs folder, created if needed; refuses a link anywhere on the way. */
  private async safeDir(relative: string): Promise<string> {
    let dir = this.root;
    for (const part of relative.split(/[\\/]/)) {
      dir = join(dir, part);
      try {
        const s = await lstat(dir);
        if (s.isSymbolicLink() || !s.isDirectory()) throw new StoreError(403, 'symlink', `${dir} is not a plain folder`);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        await mkdir(dir);
      }
    }
    return dir;
  }

  /** Copies the bytes being replaced to .zhijian/history/<name>.<time>.json; keeps the newest HISTORY_KEEP. */
  private async keepPrevious(name: string, bytes: Buffer): Promise<string> {
    const dir = await this.safeDir(HISTORY_DIR);
    const stem = name.replace(/\.json$/i, '');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = `${stem}.${stamp}.json`;
    await this.writeAtomically(join(dir, file), bytes);
    const mine = (await readdir(dir)).filter((f) => f.startsWith(`${stem}.`) && /^\d{4}-/.test(f.slice(stem.length + 1))).sort();
    for (const old of mine.slice(0, Math.max(0, mine.length - HISTORY_KEEP))) await unlink(join(dir, old)).catch(() => undefined);
    return join(HISTORY_DIR, file);
  }

  /** Temp file in the same folder (created exclusively, never through a link), fsync, rename over. */
  private async writeAtomically(target: string, data: string | Buffer): Promise<void> {
    const temp = join(target, '..', `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (e) {
      await handle.close();
      await rm(temp, { force: true });
      throw e;
    }
    await handle.close();
    try {
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }

  private serialised<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.locks.set(name, settled);
    void settled.then(() => {
      if (this.locks.get(name) === settled) this.locks.delete(name);
    });
    return next;
  }
}
