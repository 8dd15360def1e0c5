import { csv } from './csv.js';
import type { FormatterFactory } from './formatter.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { table } from './table.js';

export type { Formatter, FormatContext } from './formatter.js';

/** Output formats of `zhijian score --format`. The first is the default. */
export const FORMATS = new Map<string, FormatterFactory>([
  ['table', table],
  ['json', json],
  ['jsonl', jsonl],
  ['csv', csv],
]);
