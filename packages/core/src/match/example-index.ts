/**
 * Similarity of a clause to example sentences (the similar-sentence rule type), built once per
 * rule at compile time, asked once per clause.
 *
 * The measure (figures that chose it: datasets/jd-dev/README.md, "The similarity measure"):
 *  - features: the DISTINCT character 1-, 2- and 3-grams of a comparison text (code points);
 *  - weights: w(g) = idf(g)², idf(g) = ln((N + 1) / (df(g) + 1)) + 1, where N is the number of the
 *    rule's sentences (examples and counter-examples) and df(g) how many of them hold g; a gram in
 *    none of them has df 0 (the highest weight: words the examples never use count against);
 *  - for a clause c and a sentence s, with shared = Σ w over the grams both hold,
 *      P = shared / Σ_{g∈c} w(g)   (how much of the clause the sentence explains)
 *      R = shared / Σ_{g∈s} w(g)   (how much of the sentence the clause says)
 *    similarity = P^0.25 · R^0.75 = sqrt(sqrt(P · R³)). With equal exponents this would be the
 *    cosine of the binary TF-IDF vectors; leaning towards R lets a clause that says what an
 *    example says, plus some words of its own (as real chats do), stay close to it. 1 for equal
 *    texts, 0 when nothing is shared.
 * An inverted index from gram to sentences makes a query cost one lookup per distinct gram of the
 * clause plus one addition per (gram, sentence) pair it shares; grams are numbered through a
 * per-rule alphabet (code point -> 1..K), so no string is built per query.
 */
import type { Clause } from './clauses.js';
import { codePointsOf, gramsOf } from './clauses.js';

/**
 * Exponent of P (the clause side); R gets 1 - P_EXPONENT. 1/4 makes the similarity
 * sqrt(sqrt(P · R³)): square roots are exactly rounded (IEEE 754), so the value is the same on
 * every platform and engine, and cheap (Math.pow / exp / log are neither).
 */
export const P_EXPONENT = 0.25;

/** x^(3/4) and x^(1/4) by square roots (exact to the last bit everywhere). */
const pow34 = (x: number): number => Math.sqrt(Math.sqrt(x * x * x));
const pow14 = (x: number): number => Math.sqrt(Math.sqrt(x));

export interface SimilarityResult {
  /** Index of the most similar example (the first, on a tie), -1 when none shares a gram. */
  example: number;
  similarity: number;
  /** The highest similarity to a counter-example (0 when there is none). */
  counterSimilarity: number;
}

export interface ExampleIndexStats {
  sentences: number;
  features: number;
  postings: number;
}

export class ExampleIndex {
  private readonly alphabet = new Map<number, number>();
  private readonly base: number;
  /** Feature of each unigram, by character id (-1: none). */
  private unigrams = new Int32Array(0);
  /** Features of bigrams and trigrams by key (a·B + b, (a·B + b)·B + c: small integers for V8's maps). */
  private readonly features = new Map<number, number>();
  private readonly weight: Float64Array;
  private readonly offsets: Int32Array;
  private readonly postings: Int32Array;
  /** Σ w over each sentence's grams, to the power 1 - P_EXPONENT. */
  private readonly sentenceNorm: Float64Array;
  private readonly unseenWeight: number;
  private readonly dot: Float64Array;
  private readonly touched: Int32Array;
  private ids: number[] = [];
  readonly examples: number;
  readonly stats: ExampleIndexStats;

  /** `examples` then `counters`: comparison texts (empty ones never match anything). */
  constructor(examples: readonly string[], counters: readonly string[]) {
    const sentences = [...examples, ...counters];
    this.examples = examples.length;
    const n = sentences.length;
    const prepared = sentences.map((s) => {
      const cps: number[] = [];
      codePointsOf(s, cps);
      return { cps, grams: gramsOf(s) };
    });
    for (const { cps } of prepared) for (const cp of cps) if (!this.alphabet.has(cp)) this.alphabet.set(cp, this.alphabet.size + 1);
    this.base = this.alphabet.size + 1;
    this.unigrams = new Int32Array(this.base).fill(-1);
    // Features, document frequencies and, per sentence, its feature list.
    const df: number[] = [];
    const lists: number[][] = prepared.map(({ cps, grams }) => {
      const ids = Array.from(cps, (cp) => this.alphabet.get(cp)!);
      const list: number[] = [];
      for (const g of grams) {
        const pos = g >> 2;
        const len = g & 3;
        let f = this.feature(ids, pos, len);
        if (f === undefined) {
          f = df.length;
          if (len === 1) this.unigrams[ids[pos]!] = f;
          else this.features.set(this.key(ids, pos, len), f);
          df.push(0);
        }
        df[f]!++;
        list.push(f);
      }
      return list;
    });
    const idf = (d: number): number => Math.log((n + 1) / (d + 1)) + 1;
    this.weight = Float64Array.from(df, (d) => idf(d) ** 2);
    this.unseenWeight = idf(0) ** 2;
    // Inverted index (CSR): sentences per feature, ascending.
    const counts = new Int32Array(df.length + 1);
    for (const list of lists) for (const f of list) counts[f + 1]!++;
    for (let f = 0; f < df.length; f++) counts[f + 1]! += counts[f]!;
    this.offsets = counts.slice();
    this.postings = new Int32Array(counts[df.length]!);
    const fill = counts.slice(0, df.length);
    lists.forEach((list, s) => {
      for (const f of list) this.postings[fill[f]!++] = s;
    });
    this.sentenceNorm = Float64Array.from(lists, (list) => pow34(list.reduce((sum, f) => sum + this.weight[f]!, 0)));
    this.dot = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.stats = { sentences: n, features: df.length, postings: this.postings.length };
  }

  /** Bigram a·B + b, trigram (a·B + b)·B + c: disjoint ranges (bigrams < B² ≤ trigrams), ids >= 1. */
  private key(ids: ArrayLike<number>, pos: number, len: number): number {
    const ab = ids[pos]! * this.base + ids[pos + 1]!;
    return len === 2 ? ab : ab * this.base + ids[pos + 2]!;
  }

  /** The feature of a gram whose characters are all in the alphabet, if any sentence holds it. */
  private feature(ids: ArrayLike<number>, pos: number, len: number): number | undefined {
    if (len === 1) {
      const f = this.unigrams[ids[pos]!]!;
      return f < 0 ? undefined : f;
    }
    return this.features.get(this.key(ids, pos, len));
  }

  query(clause: Pick<Clause, 'text' | 'grams'>): SimilarityResult {
    const { text, grams } = clause;
    const ids = this.ids;
    const n = codePointsOf(text, ids);
    for (let i = 0; i < n; i++) ids[i] = this.alphabet.get(ids[i]!) ?? 0;
    let norm = 0;
    let touchedCount = 0;
    const dot = this.dot;
    for (let k = 0; k < grams.length; k++) {
      const pos = grams[k]! >> 2;
      const len = grams[k]! & 3;
      const known = ids[pos]! > 0 && (len < 2 || ids[pos + 1]! > 0) && (len < 3 || ids[pos + 2]! > 0);
      const f = known ? this.feature(ids, pos, len) : undefined;
      if (f === undefined) {
        norm += this.unseenWeight;
        continue;
      }
      const w = this.weight[f]!;
      norm += w;
      for (let p = this.offsets[f]!, end = this.offsets[f + 1]!; p < end; p++) {
        const s = this.postings[p]!;
        if (dot[s] === 0) this.touched[touchedCount++] = s;
        dot[s]! += w;
      }
    }
    // The clause's own factor N^(1/4) is the same for every sentence: rank by dot / L^(3/4) first.
    let example = -1;
    let best = 0;
    let counterBest = 0;
    for (let t = 0; t < touchedCount; t++) {
      const s = this.touched[t]!;
      const score = dot[s]! / this.sentenceNorm[s]!;
      dot[s] = 0;
      if (s < this.examples) {
        if (score > best || (score === best && s < example)) {
          best = score;
          example = s;
        }
      } else if (score > counterBest) counterBest = score;
    }
    if (touchedCount === 0) return { example: -1, similarity: 0, counterSimilarity: 0 };
    const clauseNorm = pow14(norm);
    return { example, similarity: Math.min(1, best / clauseNorm), counterSimilarity: Math.min(1, counterBest / clauseNorm) };
  }

  /** Similarity of a whole comparison text (a test helper and for pack lint). */
  queryText(comparison: string): SimilarityResult {
    return this.query({ text: comparison, grams: gramsOf(comparison) });
  }
}
