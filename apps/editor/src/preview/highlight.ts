/**
 * Splits a message into runs by the finding spans that cover them (UTF-16 offsets into the ORIGINAL
 * text, as core reports them), so overlapping findings stay visible. Pure.
 */
export interface Span {
  key: string;
  start: number;
  end: number;
}

export interface Run {
  text: string;
  start: number;
  end: number;
  /** Keys of the spans covering this run (empty: plain text). */
  keys: string[];
  /** Keys of zero-length spans anchored at the start of this run. */
  anchors: string[];
}

export function splitRuns(text: string, spans: readonly Span[]): Run[] {
  const clamp = (n: number): number => Math.max(0, Math.min(text.length, n));
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(clamp(s.start));
    cuts.add(clamp(s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1] ?? text.length;
    const anchors = spans.filter((s) => clamp(s.start) === start && clamp(s.end) === start).map((s) => s.key);
    if (end === start && anchors.length === 0) continue;
    const keys = spans.filter((s) => clamp(s.start) < end && clamp(s.end) > start && clamp(s.end) > clamp(s.start)).map((s) => s.key);
    runs.push({ text: text.slice(start, end), start, end, keys: end > start ? keys : [], anchors });
  }
  // Merge neighbours with the same coverage (keeps the DOM small).
  const merged: Run[] = [];
  for (const r of runs) {
    const prev = merged[merged.length - 1];
    if (prev && r.anchors.length === 0 && sameKeys(prev.keys, r.keys) && prev.end === r.start) {
      prev.text += r.text;
      prev.end = r.end;
    } else merged.push({ ...r });
  }
  return merged;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
