/** One result object per line. */
import type { FormatterFactory } from './formatter.js';

export const jsonl: FormatterFactory = () => ({
  header: () => '',
  result: (r) => `${JSON.stringify(r)}\n`,
  footer: () => '',
});
