/**
 * Routes key presses to the screen they are meant for. A burst of characters is split first, and
 * each key goes to whatever screen is showing by then, so `jjj⏎nna` moves, opens and confirms.
 * Tests and the benchmark call this directly; the key hooks call it from useInput.
 */
import type { Key } from 'ink';
import type { Inspector } from './inspector.js';
import { splitKeys } from './keymap.js';
import { queueActionOf } from './use-queue-keys.js';
import { reviewActionOf } from './use-review-keys.js';

export function press(inspector: Inspector, input: string, key: Partial<Key> = {}): void {
  for (const [one, k] of splitKeys(input, key)) {
    const snap = inspector.getSnapshot();
    if (snap.done) return;
    if (snap.help) {
      if (one === '?' || one === 'q' || k.escape) inspector.closeHelp();
      continue;
    }
    if (snap.screen === 'queue') {
      const action = queueActionOf(snap.queue, one, k);
      if (action) inspector.queue(action);
    } else if (snap.review) {
      const action = reviewActionOf(snap.review, one, k);
      if (action) inspector.review(action);
    }
  }
}
