/** Input problems as `file:line: message` (CSV, JSONL) or `file: /pointer: message` (JSON). */
import { renderImportMessage, type ImportProblem, type Lang } from '@zhijian/core';

export function formatProblem(file: string, p: ImportProblem, lang: Lang): string {
  const body = renderImportMessage(lang, p.code, p.params);
  const pointer = p.pointer === undefined ? '' : `${p.pointer || '/'}: `;
  return p.line === undefined ? `${file}: ${pointer}${body}` : `${file}:${p.line}: ${pointer}${body}`;
}
