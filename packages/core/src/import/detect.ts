import type { ImportFormat } from './types.js';

/**
 * Guess the format from the file name, then the content:
 * `.csv` -> csv, `.jsonl` / `.ndjson` -> jsonl; `.json` -> json unless the text is clearly one object per
 * line; any other name: `[` -> json, `{` -> jsonl when the first line is a complete object (else json),
 * anything else -> csv.
 */
export function detectFormat(fileName: string, firstChunk: string): ImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  const text = firstChunk.charCodeAt(0) === 0xfeff ? firstChunk.slice(1) : firstChunk;
  const first = /\S/.exec(text);
  const ch = first?.[0];
  if (ch === '{') {
    return looksLikeJsonl(text, first?.index ?? 0) ? 'jsonl' : 'json';
  }
  if (ch === '[' || name.endsWith('.json')) return 'json';
  return 'csv';
}

/** The first line is a complete JSON object and the next non-blank line starts another (or there is none yet). */
function looksLikeJsonl(text: string, from: number): boolean {
  const nl = text.indexOf('\n', from);
  const line = (nl === -1 ? text.slice(from) : text.slice(from, nl)).trim();
  try {
    const v: unknown = JSON.parse(line);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  } catch {
    return false;
  }
  if (nl === -1) return true;
  const next = /\S/.exec(text.slice(nl + 1));
  return next === null || next[0] === '{';
}
