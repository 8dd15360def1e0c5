/** Reads and compiles the rule pack; every problem is printed as `file: /json/pointer: message`. */
import { compilePack, PackError, type CompiledPack, type Lang, type PackProblem, type RuleTypeRegistry } from '@zhijian/core';
import { UserError } from '../commands/command.js';
import { strings, type Strings } from '../i18n/index.js';
import { readJsonFile } from '../io/read-json.js';

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
export const readPackJson = readJsonFile;
