/** Queue keys -> queue actions (the search prompt and the filter picker take the keys while open). */
import { useInput, type Key } from 'ink';
import type { Inspector } from './inspector.js';
import { press } from './press.js';
import { intentOf, PICKER_KEYS, PROMPT_KEYS, QUEUE_KEYS, typedText } from './keymap.js';
import type { QueueAction, QueueState } from './queue-state.js';

export function queueActionOf(q: QueueState, input: string, key: Partial<Key>): QueueAction | undefined {
  if (q.searching) {
    const intent = intentOf(PROMPT_KEYS, input, key);
    if (intent) return { type: 'prompt', intent };
    const text = typedText(input, key);
    return text === undefined ? undefined : { type: 'type', text };
  }
  if (q.picker) {
    const intent = intentOf(PICKER_KEYS, input, key);
    return intent ? { type: 'picker', intent } : undefined;
  }
  const intent = intentOf(QUEUE_KEYS, input, key);
  return intent ? { type: 'intent', intent } : undefined;
}

export function useQueueKeys(inspector: Inspector, isActive: boolean): void {
  useInput(
    (input, key) => press(inspector, input, key),
    { isActive },
  );
}
