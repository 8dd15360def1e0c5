/** The `?` overlay: every key of every mode, rendered from the key map data. */
import { Box, Text } from 'ink';
import type { Strings } from '../i18n/index.js';
import { PICKER_KEYS, PROMPT_KEYS, QUEUE_KEYS, REVIEW_KEYS, type KeyBinding } from './keymap.js';
import { cell, truncate } from './text.js';

function Section<I extends string>({ title, bindings, words, cols, wrap }: { title: string; bindings: ReadonlyArray<KeyBinding<I>>; words: Record<I, string>; cols: number; wrap: boolean }) {
  return (
    <Box flexDirection="column" width={cols} marginBottom={1} flexShrink={0}>
      <Text bold color="cyan">
        {title}
      </Text>
      {bindings.map((b) => (
        <Box key={b.intent} flexDirection="row" width={cols} flexShrink={0}>
          <Box width={12} flexShrink={0}>
            <Text bold>{cell(b.label, 11)}</Text>
          </Box>
          <Box width={cols - 13} flexShrink={0}>
            <Text wrap={wrap ? 'wrap' : 'truncate-end'}>{words[b.intent]}</Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

export function HelpOverlay({ screen, t: all, rows, cols }: { screen: 'queue' | 'review'; t: Strings; rows: number; cols: number }) {
  const t = all.inspect;
  const two = cols >= 100;
  const half = two ? Math.floor(cols / 2) - 1 : cols;
  // Wrapped descriptions only when they surely fit; else one line each (the overlay never overflows).
  const wrap = rows >= 32;
  const main =
    screen === 'queue' ? (
      <Section title={t.helpQueue} bindings={QUEUE_KEYS} words={t.queueKeys} cols={half} wrap={wrap} />
    ) : (
      <Section title={t.helpReview} bindings={REVIEW_KEYS} words={t.reviewKeys} cols={half} wrap={wrap} />
    );
  const side = (
    <Box flexDirection="column" width={half}>
      <Section title={t.helpPicker} bindings={PICKER_KEYS} words={t.pickerKeys} cols={half} wrap={wrap} />
      <Section title={t.helpPrompt} bindings={PROMPT_KEYS} words={t.promptKeys} cols={half} wrap={wrap} />
    </Box>
  );
  return (
    <Box flexDirection="column" height={rows - 1} width={cols} overflow="hidden">
      <Text bold inverse>
        {` ${truncate(t.helpTitle, cols - 2)} `}
      </Text>
      <Box flexDirection={two ? 'row' : 'column'} marginTop={1} flexShrink={0}>
        {main}
        {side}
      </Box>
    </Box>
  );
}
