/**
 * One message as rules see it: the raw message plus its normalised and comparison texts and the
 * pack-wide phrase hits, each computed lazily at most once per message.
 */
import { isAgentMessage, isCustomerMessage, isEvent, type Message, type Role } from '../model/conversation.js';
import { normalizeText, comparisonOf, type NormalizedText, type ComparisonText } from '../normalize/index.js';
import type { Hit, PhraseTable, ScannableText } from '../match/phrase-table.js';

export class MessageView implements ScannableText {
  private normCache: NormalizedText | undefined;
  private comparisonCache: ComparisonText | undefined;
  private scanned: Array<Hit[] | undefined> | undefined;
  private groupCache: Array<Hit[] | undefined> | undefined;

  readonly isEvent: boolean;
  readonly isAgent: boolean;
  readonly isCustomer: boolean;

  constructor(
    readonly index: number,
    readonly message: Message,
    private readonly table: PhraseTable,
  ) {
    this.isEvent = isEvent(message);
    this.isAgent = isAgentMessage(message);
    this.isCustomer = isCustomerMessage(message);
  }

  get role(): Role {
    return this.message.role;
  }
  get kind(): string {
    return this.message.kind ?? 'text';
  }
  get original(): string {
    return this.message.text;
  }
  get ts(): number | undefined {
    return this.message.ts;
  }
  get endTs(): number | undefined {
    return this.message.endTs;
  }
  isUtteranceOf(role: Role): boolean {
    return !this.isEvent && this.message.role === role;
  }

  get norm(): NormalizedText {
    return (this.normCache ??= normalizeText(this.message.text));
  }
  get text(): string {
    return this.norm.text;
  }
  get spaced(): string {
    return this.norm.spaced;
  }
  /** Comparison text: emoji, emoticon codes, punctuation, symbols and spaces removed. */
  get comparison(): ComparisonText {
    return (this.comparisonCache ??= comparisonOf(this.norm.text));
  }

  spacedToText(start: number, end: number): Hit {
    const n = this.norm;
    const origStart = n.spacedStarts[start] ?? n.original.length;
    const origEnd = end > start ? (n.spacedEnds[end - 1] ?? n.original.length) : origStart;
    return { start: lowerBound(n.starts, origStart, n.text.length), end: upperBoundEnd(n.ends, origEnd, n.text.length) };
  }

  /** Hits of one phrase group; the whole pack's automaton runs once per message. */
  groupHits(gid: number): Hit[] {
    const cached = this.groupCache?.[gid];
    if (cached) return cached;
    this.scanned ??= this.table.scanAll(this.text);
    const hits = this.table.groupHits(gid, this.scanned, this);
    (this.groupCache ??= new Array(this.table.groupCount))[gid] = hits;
    return hits;
  }
}

/** First text index whose original start is >= origStart. */
function lowerBound(starts: Int32Array, origStart: number, length: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < origStart) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One past the last text index whose original end is <= origEnd. */
function upperBoundEnd(ends: Int32Array, origEnd: number, length: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= origEnd) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
