/** Reads and compiles the rule pack; every problem is printed as `file: /json/pointer: message`. */
import { readFileSync } from 'node:fs';
import { compilePack, jsonErrorOffset, PackError, type CompiledPack, type Lang, type PackProblem, type RuleTypeRegistry } from '@zhijian/core';
import { UserError } from '../commands/command.js';
import { strings, type Strings } from '../i18n/index.js';
import { errnoReason, unreadableReason } from '../io/inputs.js';

/** The pack's problems are worded in `lang` (by default the language of `t`). */
export function loadPack(file: string, naive: boolean, t: Strings, registry?: RuleTypeRegistry, lang: Lang = t === strings('en') ? 'en' : 'zh'): CompiledPack {
  const raw = readPackJson(file, t);
  try {
    return compilePack(raw, { naive, source: file, lang, ...(registry ? { registry } : {}) });
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    throw new UserError(formatPackProblems(file, err.problems, t));
  }
}

/** `file: /pointer: message`, one problem a line. */
export function formatPackProblems(file: string, problems: readonly PackProblem[], t: Strings, withSeverity = false): string {
  const label = (p: PackProblem) => (p.severity === 'warning' ? `${t.packWarning}: ` : withSeverity ? `${t.packError}: ` : '');
  return problems.map((p) => `${file}: ${p.pointer || '/'}: ${label(p)}${p.message}${withSeverity ? ` [${p.code}]` : ''}`).join('\n');
}

/** The pack file as JSON (not yet validated); unreadable files and bad JSON are located user errors. */
export function readPackJson(file: string, t: Strings): unknown {
  const unreadable = unreadableReason(file, t);
  if (unreadable !== undefined) throw new UserError(t.fileUnreadable(file, unreadable));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(t.fileUnreadable(file, errnoReason(err, t)));
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new UserError(t.packInvalidJson(jsonErrorPlace(file, text, err), (err as Error).message));
  }
}


/** `file:line:column` of a JSON syntax error, or just `file` when the place is unknown. */
function jsonErrorPlace(file: string, text: string, _err: unknown): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const offset = jsonErrorOffset(body);
  if (offset < 0) return file;
  const before = body.slice(0, offset);
  const line = before.split('\n').length;
  return `${file}:${line}:${offset - before.lastIndexOf('\n')}`;
}
