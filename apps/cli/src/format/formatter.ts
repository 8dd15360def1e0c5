/** An output format: text before the first result, one piece per result, text after the last. */
import type { CompiledPack, ScoreResult } from '@zhijian/core';
import type { Strings } from '../i18n/index.js';
import type { Tally } from '../score/tally.js';

export interface Formatter {
  header(): string;
  result(result: ScoreResult): string;
  footer(tally: Tally): string;
}

export interface FormatContext {
  t: Strings;
  pack: CompiledPack;
}

export type FormatterFactory = (ctx: FormatContext) => Formatter;
