/**
 * Compiles a rule's MatchSpec (phrases, exceptions, unless, notNegated) into a MatchQuery over the
 * pack-wide phrase table. Everything here runs once per pack; the query itself only filters the
 * hits the shared scan produced for a message.
 */
import type { MatchQuery } from '../rule-types/define.js';
import type { MessageView } from '../engine/message-view.js';
import type { MatchSpec, PhraseItem } from '../pack/pack-types.js';
import type { PackProblemParams } from '../pack/pack-error.js';
import type { NegationChecker } from './negation.js';
import { foldPhrase } from './phrase-automaton.js';
import type { ClauseItem, Hit, PhraseTable, RegexItem } from './phrase-table.js';
import { requiredLiteral } from './regex-hint.js';

export interface QueryCompiler {
  table: PhraseTable;
  negation: NegationChecker;
  phraseSets: Readonly<Record<string, PhraseItem[]>>;
  normalize(text: string): string;
  /** Rejects the pack: a problem at `pointer`, worded from `code` and `params` (pack/messages.ts). */
  reject(pointer: string, code: PhraseProblemCode, params?: PackProblemParams): never;
}

/** The problems a phrase list can have when it compiles (texts in pack/messages.ts). */
export type PhraseProblemCode =
  | 'phrase.empty'
  | 'phrase.unknown-set'
  | 'phrase.set-cycle'
  | 'phrase.clause-punctuation'
  | 'phrase.regex-invalid'
  | 'phrase.regex-empty'
  | 'phrase.empty-list';

interface Resolved {
  literals: string[];
  regexes: RegexItem[];
  clauses: ClauseItem[];
}

const PUNCTUATION = /\p{P}/u;

export function resolvePhraseItems(c: QueryCompiler, items: readonly PhraseItem[], pointer: string, seen: string[] = []): Resolved {
  const out: Resolved = { literals: [], regexes: [], clauses: [] };
  items.forEach((item, i) => {
    const at = `${pointer}/${i}`;
    if (typeof item === 'string') {
      const norm = c.normalize(item);
      if (norm.length === 0) c.reject(at, 'phrase.empty', { phrase: item });
      out.literals.push(norm);
    } else if ('set' in item) {
      const set = c.phraseSets[item.set];
      if (!set) c.reject(`${at}/set`, 'phrase.unknown-set', { set: item.set });
      if (seen.includes(item.set)) c.reject(`${at}/set`, 'phrase.set-cycle', { set: item.set });
      const inner = resolvePhraseItems(c, set, `/phraseSets/${escapePointer(item.set)}`, [...seen, item.set]);
      out.literals.push(...inner.literals);
      out.regexes.push(...inner.regexes);
      out.clauses.push(...inner.clauses);
    } else if ('clause' in item) {
      const [a, b] = item.clause.map((group, g) =>
        group.map((phrase, k) => {
          const norm = c.normalize(phrase);
          if (norm.length === 0) c.reject(`${at}/clause/${g}/${k}`, 'phrase.empty', { phrase });
          if (PUNCTUATION.test(norm)) c.reject(`${at}/clause/${g}/${k}`, 'phrase.clause-punctuation', { phrase });
          return norm;
        }),
      ) as [string[], string[]];
      out.clauses.push({ a, b });
    } else {
      let regex: RegExp;
      try {
        regex = new RegExp(item.regex, 'gu');
      } catch (e) {
        c.reject(`${at}/regex`, 'phrase.regex-invalid', { detail: (e as Error).message });
      }
      if (regex.test('')) c.reject(`${at}/regex`, 'phrase.regex-empty');
      const hint = requiredLiteral(item.regex);
      const normHint = hint === undefined ? '' : c.normalize(hint);
      // A hint that normalisation changes cannot be trusted to occur literally: run the regex always.
      out.regexes.push({ regex, spaced: item.spaced === true, ...(hint !== undefined && normHint === hint ? { hint } : {}) });
    }
  });
  return out;
}

export function escapePointer(s: string): string {
  return s.replaceAll('~', '~0').replaceAll('/', '~1');
}

function addGroup(c: QueryCompiler, items: readonly PhraseItem[] | undefined, pointer: string): number | undefined {
  if (!items || items.length === 0) return undefined;
  const r = resolvePhraseItems(c, items, pointer);
  return c.table.addGroup(r.literals, r.regexes, r.clauses);
}

function overlaps(a: Hit, b: Hit): boolean {
  return a.start < b.end && b.start < a.end;
}

export function compileMatch(c: QueryCompiler, spec: MatchSpec, pointer: string): MatchQuery {
  if (!Array.isArray(spec.phrases) || spec.phrases.length === 0) c.reject(`${pointer}/phrases`, 'phrase.empty-list');
  const main = addGroup(c, spec.phrases, `${pointer}/phrases`)!;
  const exceptions = addGroup(c, spec.exceptions, `${pointer}/exceptions`);
  const unless = addGroup(c, spec.unless, `${pointer}/unless`);
  const negation = spec.notNegated === true ? c.negation : undefined;

  const hits = (m: MessageView): readonly Hit[] => {
    const raw = m.groupHits(main);
    if (raw.length === 0) return raw;
    if (unless !== undefined && m.groupHits(unless).length > 0) return NONE;
    const cancel = exceptions === undefined ? NONE : m.groupHits(exceptions);
    if (cancel.length === 0 && !negation) return raw;
    // The negator lists are 您-folded (negation.ts): so is the text they are looked for in (不用您自己去找快递).
    const text = negation ? foldPhrase(m.text) : m.text;
    // A clause pattern is negated when either of its phrases is (没办法给您优惠券, 优惠券没办法给您).
    const negated = (h: Hit): boolean =>
      h.clause ? h.clause.parts.some((p) => negation!.isNegated(text, p.start, p.end)) : negation!.isNegated(text, h.start, h.end);
    return raw.filter((h) => !cancel.some((x) => overlaps(x, h)) && !(negation && negated(h)));
  };
  return {
    hits,
    first: (m) => hits(m)[0],
    test: (m) => hits(m).length > 0,
  };
}

const NONE: readonly Hit[] = [];
