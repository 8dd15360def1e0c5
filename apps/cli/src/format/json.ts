/** A JSON array, streamed: `[`, one result per line, `]`. */
import type { FormatterFactory } from './formatter.js';

export const json: FormatterFactory = () => {
  let first = true;
  return {
    header: () => '[',
    result: (r) => {
      const sep = first ? '\n' : ',\n';
      first = false;
      return sep + JSON.stringify(r);
    },
    footer: () => (first ? ']\n' : '\n]\n'),
  };
};
