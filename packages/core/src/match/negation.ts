/**
 * "Negated" (spec Definitions): the text right before a word ends with a negator, optionally
 * followed by up to N filler words. Questions do not negate: an A-not-A form (是不是, 有没有) or a
 * rhetorical 不是 (its clause has 是什么 after the word, or ends in 吗/嘛) leaves the word a trigger.
 * Every list is pack data; the texts here are already normalised and 您-folded.
 */
import { foldPhrase } from './phrase-automaton.js';

export interface NegationConfig {
  negators: readonly string[];
  fillers: readonly string[];
  maxFillers: number;
  /** Words after the hit that make a 不是 rhetorical (是什么). */
  rhetoricalFollowers: readonly string[];
  /** Clause endings that make a 不是 rhetorical (吗, 嘛). */
  rhetoricalEndings: readonly string[];
}

const PUNCT = /\p{P}/u;
const TRAILING_NOISE = /[\p{S}\p{Z}\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\ufe0e\s]/u;

function byLengthDesc(items: readonly string[]): string[] {
  return [...new Set(items.map(foldPhrase))].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

export class NegationChecker {
  private readonly negators: string[];
  private readonly fillers: string[];
  private readonly followers: string[];
  private readonly endings: string[];
  private readonly maxFillers: number;

  constructor(config: NegationConfig, normalize: (s: string) => string) {
    const prep = (xs: readonly string[]) => byLengthDesc(xs.map(normalize));
    this.negators = prep(config.negators);
    this.fillers = prep(config.fillers);
    this.followers = prep(config.rhetoricalFollowers);
    this.endings = prep(config.rhetoricalEndings);
    this.maxFillers = config.maxFillers;
  }

  /** Is the word at [start, end) of the normalised text negated? */
  isNegated(text: string, start: number, end: number): boolean {
    return this.endsWithNegation(text, start, 0, end);
  }

  private endsWithNegation(text: string, pos: number, depth: number, wordEnd: number): boolean {
    for (const neg of this.negators) {
      const at = pos - neg.length;
      if (at >= 0 && text.startsWith(neg, at) && this.negates(text, at, neg, wordEnd)) return true;
    }
    if (depth < this.maxFillers) {
      for (const filler of this.fillers) {
        const at = pos - filler.length;
        if (at >= 0 && text.startsWith(filler, at) && this.endsWithNegation(text, at, depth + 1, wordEnd)) return true;
      }
    }
    return false;
  }

  private negates(text: string, at: number, negator: string, wordEnd: number): boolean {
    const head = negator[0];
    // A-not-A question: the character before 不/没 repeats right after it (是不是, 有没有, 会不会).
    if ((head === '不' || head === '没') && at > 0 && text[at - 1] === text[at + 1]) return false;
    if (negator === '不是' && this.isRhetorical(text, wordEnd)) return false;
    return true;
  }

  /** The clause after the word (up to the next punctuation mark) has 是什么, or ends in 吗/嘛. */
  private isRhetorical(text: string, from: number): boolean {
    let to = from;
    while (to < text.length && !PUNCT.test(text[to]!)) to++;
    const clause = text.slice(from, to);
    if (this.followers.some((f) => clause.includes(f))) return true;
    let last = clause.length;
    while (last > 0) {
      const cp = clause.codePointAt(last - 1)!;
      // step back over a surrogate pair as one character
      const width = last >= 2 && cp >= 0xdc00 && cp <= 0xdfff ? 2 : 1;
      const ch = clause.slice(last - width, last);
      if (!TRAILING_NOISE.test(ch)) break;
      last -= width;
    }
    const trimmed = clause.slice(0, last);
    return this.endings.some((e) => trimmed.endsWith(e));
  }
}
