/** Reads a JSON file (pack, labels, config): unreadable files and bad JSON are located user errors. */
import { readFileSync } from 'node:fs';
import { jsonErrorOffset } from '@zhijian/core';
import { UserError } from '../commands/command.js';
import type { Strings } from '../i18n/index.js';
import { errnoReason, unreadableReason } from './inputs.js';

export function readJsonFile(file: string, t: Strings): unknown {
  const unreadable = unreadableReason(file, t);
  if (unreadable !== undefined) throw new UserError(t.fileUnreadable(file, unreadable));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(t.fileUnreadable(file, errnoReason(err, t)));
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new UserError(t.packInvalidJson(jsonErrorPlace(file, body), (err as Error).message));
  }
}

/** `file:line:column` of a JSON syntax error (V8 in Node 20 often names no position), or `file`. */
function jsonErrorPlace(file: string, body: string): string {
  const offset = jsonErrorOffset(body);
  if (offset < 0) return file;
  const before = body.slice(0, offset);
  return `${file}:${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}
