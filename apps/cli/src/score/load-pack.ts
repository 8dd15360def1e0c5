/** Reads and compiles the rule pack; every problem is printed as `file: /json/pointer: message`. */
import { readFileSync } from 'node:fs';
import * as core from '@zhijian/core';
import { compilePack, PackError, type CompiledPack } from '@zhijian/core';
import { UserError } from '../commands/command.js';
import type { Strings } from '../i18n/index.js';
import { errnoReason, unreadableReason } from '../io/inputs.js';

export function loadPack(file: string, naive: boolean, t: Strings): CompiledPack {
  const unreadable = unreadableReason(file, t);
  if (unreadable !== undefined) throw new UserError(t.fileUnreadable(file, unreadable));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(t.fileUnreadable(file, errnoReason(err, t)));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new UserError(t.packInvalidJson(jsonErrorPlace(file, text, err), (err as Error).message));
  }
  try {
    return compilePack(raw, { naive, source: file });
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    const lines = err.problems.map((p) => `${file}: ${p.pointer || '/'}: ${p.severity === 'warning' ? `${t.packWarning}: ` : ''}${p.message}`);
    throw new UserError(lines.join('\n'));
  }
}

/**
 * Core's JSON error locator (V8 in Node 20 often names no position). Looked up by name because core
 * does not export it yet; without it, the position in V8's message (if any) is used.
 */
const locator = core as unknown as {
  jsonErrorOffset?: (text: string) => number;
  lineColumn?: (text: string, offset: number) => { line: number; column: number };
};

/** `file:line:column` of a JSON syntax error, or just `file` when the place is unknown. */
function jsonErrorPlace(file: string, text: string, err: unknown): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const offset = locator.jsonErrorOffset?.(body) ?? Number(/position (\d+)/.exec((err as Error).message)?.[1] ?? -1);
  if (offset < 0) return file;
  const before = body.slice(0, offset);
  const line = before.split('\n').length;
  return `${file}:${line}:${offset - before.lastIndexOf('\n')}`;
}
