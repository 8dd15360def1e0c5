/** A windowed list with a cursor (the manual-item picker, the queue filter). */
import type { ReactElement } from 'react';
import { Box, Text } from 'ink';
import { CURSOR_MARK } from './theme.js';
import { truncate, width } from './text.js';

export interface PickerLine {
  /** A section heading before this line. */
  section?: string;
  text: string;
  /** Shown after the text, dimmed. */
  detail?: string;
  active?: boolean;
}

export function Picker({ title, lines, cursor, rows, cols }: { title: string; lines: readonly PickerLine[]; cursor: number; rows: number; cols: number }) {
  // Headings take a line each: count them in the window.
  const body = Math.max(1, rows - 1);
  const heights = lines.map((l) => (l.section ? 2 : 1));
  let top = 0;
  let used = 0;
  for (let i = cursor; i >= 0; i--) {
    if (used + heights[i]! > body) break;
    used += heights[i]!;
    top = i;
  }
  const shown: ReactElement[] = [];
  let h = 0;
  for (let i = top; i < lines.length && h < body; i++) {
    const l = lines[i]!;
    if (l.section && h + 2 <= body) {
      shown.push(
        <Text key={`s${i}`} bold dimColor>
          {truncate(l.section, cols - 1)}
        </Text>,
      );
      h++;
    }
    const selected = i === cursor;
    const room = Math.max(4, cols - 4);
    const text = truncate(l.text, Math.max(4, Math.min(width(l.text), room - (l.detail ? Math.min(width(l.detail) + 2, Math.floor(room / 2)) : 0))));
    const detail = l.detail ? truncate(`  ${l.detail}`, Math.max(0, room - width(text))) : '';
    shown.push(
      <Text key={i} inverse={selected} wrap="truncate-end">
        {selected ? CURSOR_MARK : ' '}
        {l.active ? <Text color="green">✓ </Text> : '  '}
        {text}
        {detail ? <Text dimColor>{detail}</Text> : null}
      </Text>,
    );
    h++;
  }
  return (
    <Box flexDirection="column" height={rows} width={cols}>
      <Text color="cyan" bold wrap="truncate-end">
        {truncate(title, cols - 1)}
      </Text>
      {shown}
    </Box>
  );
}
