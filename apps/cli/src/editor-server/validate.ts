/**
 * The server's check before a save: the text must be JSON and a pack core compiles (ajv schema +
 * compile checks), and pass core's `lintPack` without errors when core provides it. The editor runs
 * the same checks as you type; this one is the authority.
 */
import * as core from '@zhijian/core';
import { compilePack, PackError, type Lang, type PackProblem, type RuleTypeRegistry } from '@zhijian/core';

export interface ValidationProblem {
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  code: string;
  /** 1-based line and column, for JSON syntax errors (there is no pointer into broken JSON). */
  line?: number;
  column?: number;
}

type LintPack = (raw: unknown, options: { registry?: RuleTypeRegistry; lang?: Lang }) => { problems: PackProblem[] };
const lintPack = (core as unknown as { lintPack?: LintPack }).lintPack;

export interface ValidateOptions {
  registry?: RuleTypeRegistry;
  /** Language of the problem texts (core words them; default Chinese). */
  lang?: Lang;
}

const NOT_JSON: Record<Lang, string> = { zh: '不是有效的 JSON', en: 'not valid JSON' };

export function validatePackText(text: string, { registry, lang = 'zh' }: ValidateOptions = {}): ValidationProblem[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return [{ pointer: '', code: 'json.syntax', severity: 'error', message: `${NOT_JSON[lang]}: ${(e as Error).message}`, ...syntaxPlace(body, e) }];
  }
  // A variable, not a literal: a core without the `lang` option simply ignores it.
  const options = registry ? { registry, lang } : { lang };
  if (lintPack) return lintPack(raw, options).problems.map(plain);
  try {
    compilePack(raw, options);
    return [];
  } catch (e) {
    if (e instanceof PackError) return e.problems.map(plain);
    throw e;
  }
}

function plain(p: PackProblem): ValidationProblem {
  return { pointer: p.pointer, message: p.message, severity: p.severity, code: p.code };
}

/** Line/column of a JSON.parse error when V8 names a position. */
function syntaxPlace(text: string, err: unknown): { line?: number; column?: number } {
  const offset = Number(/position (\d+)/.exec((err as Error).message)?.[1] ?? NaN);
  if (!Number.isFinite(offset)) return {};
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
