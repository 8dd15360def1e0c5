/** The one-line key footer, rendered from the key map data (the same data as the ? help). */
import { Text } from 'ink';
import type { KeyBinding } from './keymap.js';
import { truncate } from './text.js';

export function Footer<I extends string>({ bindings, words, cols }: { bindings: ReadonlyArray<KeyBinding<I>>; words: Partial<Record<string, string>>; cols: number }) {
  const parts = bindings.filter((b) => b.footer).map((b) => `${b.footerLabel ?? b.label} ${words[b.intent] ?? b.intent}`);
  return (
    <Text dimColor wrap="truncate-end">
      {truncate(parts.join('  '), cols - 1)}
    </Text>
  );
}

/** The status line: a prompt with its text and cursor, or the latest message. */
export function StatusLine({ label, colon = '：', text, hint, flash, cols }: { label?: string; colon?: string; text?: string; hint?: string; flash?: string; cols: number }) {
  if (label !== undefined) {
    return (
      <Text wrap="truncate-end">
        <Text color="cyan" bold>
          {label}
          {colon}
        </Text>
        <Text>{text}</Text>
        <Text inverse> </Text>
        {hint ? <Text dimColor>{`  ${hint}`}</Text> : null}
      </Text>
    );
  }
  return (
    <Text color="yellow" wrap="truncate-end">
      {flash ? truncate(flash, cols - 1) : ' '}
    </Text>
  );
}
