/** The inputs of a run: each file checked before anything is scored, so a typo costs no output. */
import { accessSync, constants, statSync } from 'node:fs';
import type { Strings } from '../i18n/index.js';
import { UserError } from '../commands/command.js';

export interface Input {
  /** File path, or '-' for standard input. */
  path: string;
  /** Name shown in messages. */
  name: string;
}

export const STDIN = '-';

export function checkInputs(paths: readonly string[], t: Strings): Input[] {
  const errors: string[] = [];
  for (const path of paths) {
    if (path === STDIN) continue;
    const reason = unreadableReason(path, t);
    if (reason !== undefined) errors.push(t.fileUnreadable(path, reason));
  }
  if (errors.length > 0) throw new UserError(errors.join('\n'));
  return paths.map((path) => ({ path, name: path === STDIN ? t.stdinName : path }));
}

/** Why a file cannot be read, or undefined when it can. */
export function unreadableReason(path: string, t: Strings): string | undefined {
  try {
    if (statSync(path).isDirectory()) return t.isDirectory;
    accessSync(path, constants.R_OK);
    return undefined;
  } catch (err) {
    return errnoReason(err, t);
  }
}

export function errnoReason(err: unknown, t: Strings): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return t.notFound;
  if (code === 'EACCES' || code === 'EPERM') return t.noPermission;
  if (code === 'EISDIR') return t.isDirectory;
  return err instanceof Error ? err.message : String(err);
}
