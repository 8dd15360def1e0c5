/** Review keys -> review actions (the manual-item picker and the text prompts take the keys while open). */
import { useInput, type Key } from 'ink';
import type { Inspector } from './inspector.js';
import { press } from './press.js';
import { intentOf, PICKER_KEYS, PROMPT_KEYS, REVIEW_KEYS, typedText } from './keymap.js';
import type { ReviewAction, ReviewScreenState } from './review-state.js';

export function reviewActionOf(s: ReviewScreenState, input: string, key: Partial<Key>): ReviewAction | undefined {
  switch (s.modal.kind) {
    case 'prompt': {
      const intent = intentOf(PROMPT_KEYS, input, key);
      if (intent) return { type: 'prompt', intent };
      const text = typedText(input, key);
      return text === undefined ? undefined : { type: 'type', text };
    }
    case 'picker': {
      const intent = intentOf(PICKER_KEYS, input, key);
      return intent ? { type: 'picker', intent } : undefined;
    }
    case 'none': {
      const intent = intentOf(REVIEW_KEYS, input, key);
      return intent ? { type: 'intent', intent } : undefined;
    }
  }
}

export function useReviewKeys(inspector: Inspector, isActive: boolean): void {
  useInput(
    (input, key) => press(inspector, input, key),
    { isActive },
  );
}
