/**
 * Terminal text layout for the inspector, by display width (a CJK character takes two cells):
 * truncating and padding cells, and laying out a message with highlighted spans on one line or
 * wrapped on several. Offsets are UTF-16 indices into the ORIGINAL text, like a finding's start/end.
 */
import stringWidth from 'string-width';

/** How a span of message text is highlighted (the view maps a style to colours). */
export type SpanStyle = 'selected' | 'finding' | 'confirmed' | 'pending' | 'dismissed' | 'manual';

export interface Span {
  start: number;
  end: number;
  style: SpanStyle;
}

export interface Segment {
  text: string;
  style?: SpanStyle;
}

/** The higher wins where spans overlap. */
const PRIORITY: Record<SpanStyle, number> = { selected: 6, confirmed: 5, finding: 4, manual: 3, pending: 2, dismissed: 1 };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Text where every UTF-16 unit is a grapheme of its own: ASCII, CJK, CJK punctuation, full-width forms. */
const SIMPLE = /^[\u0020-\u007e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]*$/;

/** The graphemes of a text (fast for the common Chinese-and-ASCII text, exact for emoji and the rest). */
function graphemes(text: string): string[] {
  if (SIMPLE.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const widths = new Map<string, number>();

/** Display width of one grapheme, cached (string-width runs several regular expressions per call). */
function graphemeWidth(g: string): number {
  const c = g.charCodeAt(0);
  if (g.length === 1 && c >= 0x20 && c < 0x7f) return 1;
  let w = widths.get(g);
  if (w === undefined) {
    w = stringWidth(g);
    if (widths.size < 100_000) widths.set(g, w);
  }
  return w;
}

/** Control characters (C0, DEL, C1) and bidi overrides would move the cursor or reorder the screen. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every unsafe character replaced by one visible character (offsets are kept). */
export function clean(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\t' ? ' ' : '·'));
}

export function width(text: string): number {
  if (/^[\u0020-\u007e]*$/.test(text)) return text.length;
  let w = 0;
  for (const g of graphemes(text)) w += graphemeWidth(g);
  return w;
}

/** Cut to at most `cells` cells, with … when something was cut. */
export function truncate(text: string, cells: number): string {
  if (cells <= 0) return '';
  const clean1 = clean(text).replace(/\n/g, ' ');
  if (clean1.length * 2 <= cells || width(clean1) <= cells) return clean1;
  let out = '';
  let used = 0;
  for (const g of graphemes(clean1)) {
    const w = graphemeWidth(g);
    if (used + w > cells - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

/** Truncated and padded to exactly `cells` cells (right-aligned with `right`). */
export function cell(text: string, cells: number, right = false): string {
  const t = truncate(text, cells);
  const pad = ' '.repeat(Math.max(0, cells - width(t)));
  return right ? pad + t : t + pad;
}

function styleAt(spans: readonly Span[], offset: number): SpanStyle | undefined {
  let best: SpanStyle | undefined;
  for (const s of spans) {
    if (offset >= s.start && offset < s.end && (best === undefined || PRIORITY[s.style] > PRIORITY[best])) best = s.style;
  }
  return best;
}

/** A grapheme of a Latin word (ASCII letters, digits and the joiners inside words). */
const WORD = /^[A-Za-z0-9'_\-.]$/;

export interface LayoutOptions {
  /** Cells per line. */
  width: number;
  /** At most this many lines; the last shows … when text remains. 1 = one line, line breaks shown as ⏎. */
  maxLines: number;
}

/**
 * Lays the text out in lines of styled segments. With maxLines 1 the message stays on one line
 * (line breaks become ⏎); otherwise it wraps at the width and at line breaks.
 */
export function layout(text: string, spans: readonly Span[], options: LayoutOptions): Segment[][] {
  const { width: w, maxLines } = options;
  const lines: Segment[][] = [];
  let line: Segment[] = [];
  let used = 0;
  let truncated = false;
  const push = (t: string, style: SpanStyle | undefined): void => {
    const last = line[line.length - 1];
    if (last && last.style === style) last.text += t;
    else line.push(style === undefined ? { text: t } : { text: t, style });
  };
  const breakLine = (): boolean => {
    lines.push(line);
    line = [];
    used = 0;
    return lines.length < maxLines;
  };
  let offset = 0;
  const gs = graphemes(text);
  for (let i = 0; i < gs.length; i++) {
    const segment = gs[i]!;
    const at = offset;
    offset += segment.length;
    const style = styleAt(spans, at);
    // Latin words wrap whole (Chinese wraps anywhere): break before a word that does not fit.
    if (maxLines > 1 && used > 0 && WORD.test(segment) && (i === 0 || !WORD.test(gs[i - 1]!))) {
      let j = i;
      while (j < gs.length && WORD.test(gs[j]!)) j++;
      const wordWidth = j - i;
      if (used + wordWidth > w && wordWidth <= w) {
        if (lines.length + 1 >= maxLines) {
          truncated = true;
          break;
        }
        breakLine();
      }
    }
    if (segment === '\n' || segment === '\r\n') {
      if (maxLines === 1) {
        if (used + 1 > w) {
          truncated = true;
          break;
        }
        push('⏎', style);
        used += 1;
        continue;
      }
      if (!breakLine()) {
        truncated = true;
        break;
      }
      continue;
    }
    const shown = clean(segment);
    const cw = graphemeWidth(shown);
    if (used + cw > w) {
      if (maxLines === 1 || lines.length + 1 >= maxLines) {
        truncated = true;
        break;
      }
      breakLine();
      if (shown === ' ') continue; // a space at the wrap is the line break
    }
    push(shown, style);
    used += cw;
  }
  if (truncated) {
    // Make room for the ellipsis on the last line.
    while (used + 1 > w && line.length > 0) {
      const last = line[line.length - 1]!;
      const parts = graphemes(last.text);
      const drop = parts.pop() ?? '';
      used -= width(drop);
      last.text = parts.join('');
      if (last.text === '') line.pop();
    }
    push('…', undefined);
  }
  lines.push(line);
  return lines.slice(0, Math.max(1, maxLines));
}

/** How many lines `layout` gives for the text (wrapped, at most maxLines). */
export function lineCount(text: string, options: LayoutOptions): number {
  if (options.maxLines === 1) return 1;
  if (!text.includes('\n') && (text.length * 2 <= options.width || width(clean(text)) <= options.width)) return 1;
  return layout(text, [], options).length;
}
