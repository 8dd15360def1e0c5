/**
 * The pack-wide phrase table: every phrase of every rule goes into ONE automaton, so each message
 * is scanned once for all phrase rules. A "group" is one phrase list of one rule (its phrases,
 * its exceptions, ...); each pattern knows the groups that use it, and one scan fills every
 * group's hit list for that message.
 */
import { PhraseAutomaton, foldPhrase, gluedToAlnum } from './phrase-automaton.js';

export interface Hit {
  /** Offsets in the message's normalised matching text. */
  start: number;
  end: number;
}

export interface RegexItem {
  regex: RegExp;
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
}

export class PhraseTable {
  private readonly patternIndex = new Map<string, number>();
  private readonly patterns: string[] = [];
  private readonly groups: Group[] = [];
  private automaton: PhraseAutomaton | undefined;
  /** For pattern p: the groups that contain it. */
  private patternGroups: number[][] = [];

  /** @param naive scan each group's phrases separately with indexOf (benchmark baseline only). */
  constructor(readonly naive = false) {}

  get groupCount(): number {
    return this.groups.length;
  }

  /** Registers a phrase list (already normalised) and returns its group id. */
  addGroup(phrases: readonly string[], regexes: readonly RegexItem[] = []): number {
    if (this.automaton) throw new Error('PhraseTable is frozen: add groups before the first scan');
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
    this.groups.push({ patterns: ids, regexes: [...regexes] });
    return this.groups.length - 1;
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

  /** Hits of one group: its literal hits from the shared scan plus its regexes, in reading order. */
  groupHits(gid: number, scanned: Array<Hit[] | undefined>, msg: ScannableText): Hit[] {
    const group = this.groups[gid]!;
    let hits: Hit[] = this.naive ? this.naiveScan(group, msg.text) : (scanned[gid] ?? EMPTY);
    if (group.regexes.length > 0) {
      const extra: Hit[] = [];
      // 你 and 您 are interchangeable in regexes too: they run on 您-folded text (same length).
      const text = foldPhrase(msg.text);
      let spaced: string | undefined;
      for (const item of group.regexes) {
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

export function readingOrder(a: Hit, b: Hit): number {
  return a.start - b.start || b.end - a.end;
}
