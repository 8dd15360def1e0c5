/** Located pack problems: every one carries the JSON pointer of the offending value. */

export type Severity = 'error' | 'warning';

export interface PackProblem {
  /** JSON pointer into the pack document ('' = the whole pack). */
  pointer: string;
  message: string;
  severity: Severity;
  /** Stable code, e.g. 'schema.required', 'rule.unknown-type', 'lint.duplicate-phrase'. */
  code: string;
}

export class PackError extends Error {
  constructor(
    readonly problems: PackProblem[],
    readonly source?: string,
  ) {
    super(
      `${source ? `${source}: ` : ''}invalid rule pack:\n` +
        problems.map((p) => `  ${p.pointer || '/'}: ${p.message}`).join('\n'),
    );
    this.name = 'PackError';
  }
}

/** Thrown inside a rule type's create(); compilePack turns it into a PackProblem. */
export class LocatedError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
    readonly code = 'rule.options',
  ) {
    super(message);
    this.name = 'LocatedError';
  }
}
