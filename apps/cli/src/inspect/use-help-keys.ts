/** The help overlay closes with ?, q or Esc (press() routes them). */
import { useInput } from 'ink';
import type { Inspector } from './inspector.js';
import { press } from './press.js';

export function useHelpKeys(inspector: Inspector, isActive: boolean): void {
  useInput(
    (input, key) => press(inspector, input, key),
    { isActive },
  );
}
