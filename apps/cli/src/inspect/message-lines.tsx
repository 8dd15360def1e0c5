/**
 * The message pane: only the messages in the window are laid out. Every message takes one line
 * except the one at the cursor, which is wrapped in full (up to MAX_CURSOR_LINES), so a finding's
 * span is always visible where n/N lands.
 */
import { memo, type ReactElement } from 'react';
import { Box, Text } from 'ink';
import { zonedParts, type Finding, type Message } from '@zhijian/core';
import type { Strings } from '../i18n/index.js';
import type { Geometry } from './geometry.js';
import { MAX_CURSOR_LINES, type ReviewScreenState } from './review-state.js';
import { CURSOR_MARK, ROLE_COLOR, SPAN_STYLE } from './theme.js';
import { cell, layout, lineCount, type Segment, type Span, type SpanStyle } from './text.js';
import { SPEAKER_WIDTH, TIME_WIDTH } from './geometry.js';

export function spanStyle(s: ReviewScreenState, f: Finding, index: number): SpanStyle {
  if (index === s.finding) return 'selected';
  if (f.source === 'manual') return 'manual';
  if (f.dismissed) return 'dismissed';
  if (f.pending) return 'pending';
  return s.review.decisions[f.key] === 'confirmed' ? 'confirmed' : 'finding';
}

/** Spans per message index, for the messages in [from, to). An empty span marks the whole message. */
function spansByMessage(s: ReviewScreenState, from: number, to: number, texts: (i: number) => string): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  s.result.findings.forEach((f, i) => {
    if (f.messageIndex < from || f.messageIndex >= to) return;
    const empty = f.start >= f.end;
    const span: Span = { start: empty ? 0 : f.start, end: empty ? texts(f.messageIndex).length : f.end, style: spanStyle(s, f, i) };
    const list = out.get(f.messageIndex);
    if (list) list.push(span);
    else out.set(f.messageIndex, [span]);
  });
  return out;
}

function timeOf(m: Message, timeZone: string): string {
  if (m.ts === undefined) return '--:--:--';
  const p = zonedParts(m.ts, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

function SegmentText({ seg }: { seg: Segment }) {
  const style = seg.style ? SPAN_STYLE[seg.style] : {};
  return <Text {...style}>{seg.text}</Text>;
}

interface RowProps {
  index: number;
  message: Message;
  text: string;
  isCursor: boolean;
  spans: readonly Span[];
  maxLines: number;
  textCols: number;
  indexDigits: number;
  roleWidth: number;
  prefixWidth: number;
  role: string;
  timeZone: string;
}

const sameSpans = (a: readonly Span[], b: readonly Span[]): boolean =>
  a.length === b.length && a.every((x, i) => x.start === b[i]!.start && x.end === b[i]!.end && x.style === b[i]!.style);

/** One message (one line, or all its lines at the cursor); re-rendered only when it changes. */
const MessageRow = memo(
  function MessageRow(p: RowProps) {
    const laid = layout(p.text, p.spans, { width: p.textCols, maxLines: p.maxLines });
    const m = p.message;
    return (
      <>
        {laid.map((segments, k) => (
          <Text key={k} wrap="truncate-end">
            {k === 0 ? (
              <>
                <Text color="yellow" bold>
                  {p.isCursor ? CURSOR_MARK : ' '}
                </Text>
                <Text dimColor={!p.isCursor}>{`#${String(p.index).padStart(p.indexDigits, '0')} ${cell(timeOf(m, p.timeZone), TIME_WIDTH)} `}</Text>
                <Text color={ROLE_COLOR[m.role]}>{`${cell(p.role, p.roleWidth)} ${cell(m.speaker ?? '', SPEAKER_WIDTH)} `}</Text>
              </>
            ) : (
              ' '.repeat(p.prefixWidth)
            )}
            <Text dimColor={m.text === ''}>
              {segments.map((seg, n) => (
                <SegmentText key={n} seg={seg} />
              ))}
            </Text>
          </Text>
        ))}
      </>
    );
  },
  (a, b) =>
    a.message === b.message &&
    a.isCursor === b.isCursor &&
    a.maxLines === b.maxLines &&
    a.textCols === b.textCols &&
    a.index === b.index &&
    a.text === b.text &&
    a.prefixWidth === b.prefixWidth &&
    a.role === b.role &&
    sameSpans(a.spans, b.spans),
);

const NO_SPANS: readonly Span[] = [];

export function MessageLines({ s, g, t, timeZone }: { s: ReviewScreenState; g: Geometry; t: Strings['inspect']; timeZone: string }) {
  const messages = s.ctx.conversation.messages;
  const rows = s.viewport.rows;
  const end = Math.min(messages.length, s.top + rows);
  const shownText = (i: number): string => {
    const m = messages[i]!;
    return m.text !== '' ? m.text : (t.kinds[m.kind ?? 'text'] ?? '');
  };
  const spans = spansByMessage(s, s.top, end, shownText);
  const out: ReactElement[] = [];
  let used = 0;
  for (let i = s.top; i < end && used < rows; i++) {
    const isCursor = i === s.cursor;
    const maxLines = isCursor ? Math.max(1, Math.min(MAX_CURSOR_LINES, rows - used)) : 1;
    const text = shownText(i);
    used += isCursor ? lineCount(text, { width: s.viewport.textCols, maxLines }) : 1;
    out.push(
      <MessageRow
        key={i}
        index={i}
        message={messages[i]!}
        text={text}
        isCursor={isCursor}
        spans={spans.get(i) ?? NO_SPANS}
        maxLines={maxLines}
        textCols={s.viewport.textCols}
        indexDigits={g.indexDigits}
        roleWidth={g.roleWidth}
        prefixWidth={g.prefixWidth}
        role={t.roles[messages[i]!.role]}
        timeZone={timeZone}
      />,
    );
  }
  return (
    <Box flexDirection="column" height={rows} width={g.messageCols} overflow="hidden">
      {out}
    </Box>
  );
}
