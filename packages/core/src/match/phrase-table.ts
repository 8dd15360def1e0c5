/**
 * The pack-wide phrase table: every phrase of every rule goes into ONE automaton, so each message
 * is scanned once for all phrase rules. A "group" is one phrase list of one rule (its phrases,
 * its exceptions, ...); each pattern knows the groups that use it, and one scan fills every
 * group's hit list for that message. A clause pattern's two phrase lists are groups of their own
 * (so their literals are in the same automaton); the clause hits are paired from their hits.
 */
import { PhraseAutomaton, foldPhrase, gluedToAlnum } from './phrase-automaton.js';

export interface Hit {
  /** Offsets in the message's normalised matching text. */
  start: number;
  end: number;
  /** A clause-pattern hit: the pattern's id in the table and its two phrase hits, in group order. */
  clause?: { id: number; parts: readonly [Hit, Hit] };
}

/** A clause pattern: a phrase of `a` and a phrase of `b` (normalised literals) in one clause. */
export interface ClauseItem {
  a: readonly string[];
  b: readonly string[];
}

export interface RegexItem {
  regex: RegExp;
  /** A literal every match contains (see regex-hint.ts); the regex runs only where it occurs. */
  hint?: string;
  /** Run on the normalised text WITH its spaces (mapped back to matching-text offsets). */
  spaced: boolean;
}

export interface ScannableText {
  /** Normalised matching text. */
  readonly text: string;
  /** Normalised text with spaces kept, and a mapper from its ranges to matching-text ranges. */
  readonly spaced: string;
  spacedToText(start: number, end: number): Hit;
}

interface Group {
  patterns: number[];
  regexes: RegexItem[];
  /** Per regex: the group holding its hint literal (-1 = none: always run). */
  hintGroups: number[];
  /** Clause patterns: their id and the group ids of their two phrase lists. */
  clauses: Array<{ id: number; a: number; b: number }>;
}

export class PhraseTable {
  private readonly patternIndex = new Map<string, number>();
  private readonly patterns: string[] = [];
  private readonly groups: Group[] = [];
  private automaton: PhraseAutomaton | undefined;
  /** For pattern p: the groups that contain it. */
  private patternGroups: number[][] = [];
  /** Clause patterns by content, so the same pattern has one id (and one pair of groups). */
  private readonly clauseIndex = new Map<string, { id: number; a: number; b: number }>();

  /** @param naive scan each group's phrases separately with indexOf (benchmark baseline only). */
  constructor(readonly naive = false) {}

  get groupCount(): number {
    return this.groups.length;
  }

  /** Registers a phrase list (already normalised) and returns its group id. */
  addGroup(phrases: readonly string[], regexes: readonly RegexItem[] = [], clauses: readonly ClauseItem[] = []): number {
    if (this.automaton) throw new Error('PhraseTable is frozen: add groups before the first scan');
    const clauseRefs = clauses.map((c) => this.addClause(c));
    const ids: number[] = [];
    for (const raw of phrases) {
      const phrase = foldPhrase(raw);
      if (phrase.length === 0) continue;
      let id = this.patternIndex.get(phrase);
      if (id === undefined) {
        id = this.patterns.length;
        this.patterns.push(phrase);
        this.patternIndex.set(phrase, id);
      }
      if (!ids.includes(id)) ids.push(id);
    }
    const hintGroups = regexes.map((r) => (r.hint ? this.addGroup([r.hint]) : -1));
    this.groups.push({ patterns: ids, regexes: [...regexes], hintGroups, clauses: clauseRefs });
    return this.groups.length - 1;
  }

  private addClause(c: ClauseItem): { id: number; a: number; b: number } {
    const key = JSON.stringify([c.a.map(foldPhrase).sort(), c.b.map(foldPhrase).sort()]);
    let ref = this.clauseIndex.get(key);
    if (!ref) {
      ref = { id: this.clauseIndex.size, a: this.addGroup(c.a), b: this.addGroup(c.b) };
      this.clauseIndex.set(key, ref);
    }
    return ref;
  }

  /** Builds the automaton once; later calls are no-ops. */
  freeze(): void {
    if (this.automaton) return;
    this.automaton = new PhraseAutomaton(this.patterns);
    this.patternGroups = this.patterns.map(() => []);
    this.groups.forEach((g, gid) => {
      for (const p of g.patterns) this.patternGroups[p]!.push(gid);
    });
  }

  get patternCount(): number {
    return this.patterns.length;
  }

  /**
   * All literal hits of every group in one pass. Returns an array indexed by group id (undefined =
   * no literal hit), each list in reading order: start ascending, longer first at the same start.
   */
  scanAll(text: string): Array<Hit[] | undefined> {
    this.freeze();
    const out: Array<Hit[] | undefined> = new Array(this.groups.length);
    if (this.naive) return out; // groups are scanned one by one in groupHits
    this.automaton!.scan(text, (p, start, end) => {
      const gids = this.patternGroups[p]!;
      for (let k = 0; k < gids.length; k++) {
        const gid = gids[k]!;
        const list = out[gid];
        if (list === undefined) out[gid] = [{ start, end }];
        else list.push({ start, end });
      }
    });
    for (let g = 0; g < out.length; g++) {
      const list = out[g];
      if (list !== undefined && list.length > 1) list.sort(readingOrder);
    }
    return out;
  }

  /** Hits of one group: its literal hits from the shared scan plus its regexes and clause patterns, in reading order. */
  groupHits(gid: number, scanned: Array<Hit[] | undefined>, msg: ScannableText): Hit[] {
    const group = this.groups[gid]!;
    const literal = (g: number): Hit[] => (this.naive ? this.naiveScan(this.groups[g]!, msg.text) : (scanned[g] ?? EMPTY));
    let hits: Hit[] = literal(gid);
    if (group.regexes.length > 0 || group.clauses.length > 0) {
      const extra: Hit[] = [];
      for (const c of group.clauses) clauseHits(msg.text, c.id, literal(c.a), literal(c.b), extra);
      // 你 and 您 are interchangeable in regexes too: they run on 您-folded text (same length).
      const text = group.regexes.length > 0 ? foldPhrase(msg.text) : '';
      let spaced: string | undefined;
      for (let r = 0; r < group.regexes.length; r++) {
        const item = group.regexes[r]!;
        const hintGroup = group.hintGroups[r]!;
        if (hintGroup >= 0 && literal(hintGroup).length === 0) continue;
        const source = item.spaced ? (spaced ??= foldPhrase(msg.spaced)) : text;
        item.regex.lastIndex = 0;
        for (const m of source.matchAll(item.regex)) {
          if (m[0].length === 0) continue;
          const s = m.index!;
          extra.push(item.spaced ? msg.spacedToText(s, s + m[0].length) : { start: s, end: s + m[0].length });
        }
      }
      if (extra.length > 0) hits = [...hits, ...extra].sort(readingOrder);
    }
    return hits;
  }

  /** Baseline for the benchmark: every phrase of the group searched separately with indexOf. */
  private naiveScan(group: Group, text: string): Hit[] {
    const folded = foldPhrase(text);
    const hits: Hit[] = [];
    for (const p of group.patterns) {
      const phrase = this.patterns[p]!;
      for (let at = folded.indexOf(phrase); at !== -1; at = folded.indexOf(phrase, at + 1)) {
        if (gluedToAlnum(folded, phrase, at)) continue;
        hits.push({ start: at, end: at + phrase.length });
      }
    }
    return hits.sort(readingOrder);
  }
}

const EMPTY: Hit[] = [];

/**
 * Pairs each hit of one group with the nearest later hit of the other group in the same clause
 * (spec Definitions, "Clause"): the hit spans from the earlier phrase's start to the later one's
 * end, so its position is the earlier phrase's.
 */
function clauseHits(text: string, id: number, as: readonly Hit[], bs: readonly Hit[], out: Hit[]): void {
  if (as.length === 0 || bs.length === 0) return;
  const pair = (first: Hit, others: readonly Hit[], firstIsA: boolean): void => {
    let next: Hit | undefined;
    for (const o of others) {
      if (o.start >= first.end && (!next || o.start < next.start || (o.start === next.start && o.end > next.end))) next = o;
    }
    if (!next || clauseBoundary(text, first.end, next.start)) return;
    out.push({ start: first.start, end: next.end, clause: { id, parts: firstIsA ? [first, next] : [next, first] } });
  };
  for (const a of as) pair(a, bs, true);
  for (const b of bs) pair(b, as, false);
}

const PUNCTUATION = /\p{P}/u;
const ASCII_DIGIT = /[0-9]/;

/**
 * Does [from, to) hold a punctuation mark that ends a clause? A line break does not (it is no
 * \p{P}); neither does a decimal point or thousands separator between two digits (10.5元, 1,000).
 */
export function clauseBoundary(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (!PUNCTUATION.test(ch)) continue;
    if ((ch === '.' || ch === ',') && ASCII_DIGIT.test(text[i - 1] ?? '') && ASCII_DIGIT.test(text[i + 1] ?? '')) continue;
    return true;
  }
  return false;
}

export function readingOrder(a: Hit, b: Hit): number {
  return a.start - b.start || b.end - a.end;
}
