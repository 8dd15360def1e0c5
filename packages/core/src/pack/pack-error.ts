/** Located pack problems: every one carries the JSON pointer of the offending value. */
import type { Lang } from '../engine/render-message.js';
import { PACK_ERROR_TITLE } from './messages.js';

export type Severity = 'error' | 'warning';

/** The data a problem's message is made from (filled into the `{placeholders}` of messages.ts). */
export type PackProblemParams = Readonly<Record<string, string | number>>;

export interface PackProblem {
  /** JSON pointer into the pack document ('' = the whole pack). */
  pointer: string;
  /** In the language asked for (Chinese by default); renderPackProblem re-renders it from code + params. */
  message: string;
  severity: Severity;
  /** Stable code, e.g. 'schema.required', 'rule.unknown-type', 'lint.duplicate-phrase'. */
  code: string;
  /** The data the message was made from, keyed by the placeholders of the code's text in messages.ts. */
  params: PackProblemParams;
}

export class PackError extends Error {
  constructor(
    readonly problems: PackProblem[],
    readonly source?: string,
    lang: Lang = 'zh',
  ) {
    super(
      `${source ? `${source}: ` : ''}${PACK_ERROR_TITLE[lang]}\n` +
        problems.map((p) => `  ${p.pointer || '/'}: ${p.message}`).join('\n'),
    );
    this.name = 'PackError';
  }
}

/**
 * Thrown inside a rule type's create(); compilePack turns it into a PackProblem. A rule type's own
 * message is kept as given (code 'rule.options', params { message }).
 */
export class LocatedError extends Error {
  readonly params: PackProblemParams;

  constructor(
    readonly pointer: string,
    message: string,
    readonly code = 'rule.options',
    params?: PackProblemParams,
  ) {
    super(message);
    this.name = 'LocatedError';
    this.params = params ?? { message };
  }
}
