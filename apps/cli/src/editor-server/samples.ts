/**
 * The sample conversations the editor previews: the CSV / JSONL / JSON files at the top of the
 * samples folder, sent raw (the editor's worker parses them with core, exactly like dropped files).
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type SampleFormat = 'csv' | 'jsonl' | 'json';

export interface SampleFile {
  name: string;
  format: SampleFormat;
  text: string;
}

export interface SamplesAnswer {
  files: SampleFile[];
  skipped: Array<{ name: string; reason: string }>;
}

/** Total bytes sent to the browser; the rest is skipped with a reason. */
export const MAX_SAMPLE_BYTES = 50 * 1024 * 1024;

export function sampleFormat(name: string): SampleFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

export async function readSamples(dir: string | undefined): Promise<SamplesAnswer> {
  const answer: SamplesAnswer = { files: [], skipped: [] };
  if (!dir) return answer;
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return answer;
  }
  let total = 0;
  for (const name of names) {
    const format = sampleFormat(name);
    if (!format || name.startsWith('.')) continue;
    const path = join(dir, name);
    const s = await lstat(path);
    if (s.isSymbolicLink() || !s.isFile()) {
      answer.skipped.push({ name, reason: 'not a plain file' });
      continue;
    }
    if (total + s.size > MAX_SAMPLE_BYTES) {
      answer.skipped.push({ name, reason: `over ${MAX_SAMPLE_BYTES} bytes of samples` });
      continue;
    }
    total += s.size;
    let text = await readFile(path, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    answer.files.push({ name, format, text });
  }
  return answer;
}
