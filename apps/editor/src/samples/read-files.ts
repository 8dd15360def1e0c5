/** Dropped or picked files -> sample sources (format from the extension). */
import type { ImportFormat } from '@zhijian/core';
import type { SampleSource } from '../preview/protocol';

export function formatOf(name: string): ImportFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

export async function readSampleFiles(files: readonly File[]): Promise<{ sources: SampleSource[]; rejected: string[] }> {
  const sources: SampleSource[] = [];
  const rejected: string[] = [];
  for (const file of files) {
    const format = formatOf(file.name);
    if (!format) {
      rejected.push(file.name);
      continue;
    }
    let text = await file.text();
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    sources.push({ name: file.name, format, text });
  }
  return { sources, rejected };
}
