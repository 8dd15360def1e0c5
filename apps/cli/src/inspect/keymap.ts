/**
 * The inspector's keys, as data: each binding maps typed characters and special keys to a named
 * intent. The key hooks look intents up here, and the `?` help and the footer are rendered from
 * the same lists, so the help cannot drift from what the keys do. Descriptions live in i18n
 * (`inspectIntents`), keyed by intent.
 */
import type { Key } from 'ink';

export type SpecialKey = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'backspace' | 'delete' | 'tab';

export interface KeyBinding<I extends string> {
  intent: I;
  /** Typed characters, case-sensitive (n and N differ). */
  chars?: readonly string[];
  special?: readonly SpecialKey[];
  /** The keys as the help shows them. */
  label: string;
  /** Also listed in the one-line footer. */
  footer?: boolean;
  /** The keys as the footer shows them (default: label). */
  footerLabel?: string;
}

export type QueueIntent = 'down' | 'up' | 'pageDown' | 'pageUp' | 'top' | 'bottom' | 'open' | 'search' | 'filter' | 'clearFilter' | 'sort' | 'help' | 'quit';

export type ReviewIntent =
  | 'down'
  | 'up'
  | 'pageDown'
  | 'pageUp'
  | 'top'
  | 'bottom'
  | 'nextFinding'
  | 'prevFinding'
  | 'confirm'
  | 'dismiss'
  | 'manual'
  | 'comment'
  | 'submit'
  | 'undo'
  | 'nextConversation'
  | 'prevConversation'
  | 'back'
  | 'help';

/** Keys of a list chooser (the manual-item picker, the queue filter). */
export type PickerIntent = 'down' | 'up' | 'pageDown' | 'pageUp' | 'accept' | 'cancel';

/** Keys of a one-line text prompt; any other printable input is typed into it. */
export type PromptIntent = 'accept' | 'cancel' | 'backspace';

export const QUEUE_KEYS: ReadonlyArray<KeyBinding<QueueIntent>> = [
  { intent: 'down', chars: ['j'], special: ['downArrow'], label: 'j ↓', footer: true, footerLabel: 'j/k' },
  { intent: 'up', chars: ['k'], special: ['upArrow'], label: 'k ↑' },
  { intent: 'pageDown', chars: [' '], special: ['pageDown'], label: 'PgDn Space' },
  { intent: 'pageUp', chars: ['b'], special: ['pageUp'], label: 'PgUp b' },
  { intent: 'top', chars: ['g'], special: ['home'], label: 'g Home' },
  { intent: 'bottom', chars: ['G'], special: ['end'], label: 'G End' },
  { intent: 'open', special: ['return'], label: 'Enter', footer: true },
  { intent: 'search', chars: ['/'], label: '/', footer: true },
  { intent: 'filter', chars: ['f'], label: 'f', footer: true },
  { intent: 'clearFilter', chars: ['F'], label: 'F' },
  { intent: 'sort', chars: ['o'], label: 'o', footer: true },
  { intent: 'help', chars: ['?'], label: '?', footer: true },
  { intent: 'quit', chars: ['q'], special: ['escape'], label: 'q Esc', footer: true, footerLabel: 'q' },
];

export const REVIEW_KEYS: ReadonlyArray<KeyBinding<ReviewIntent>> = [
  { intent: 'down', chars: ['j'], special: ['downArrow'], label: 'j ↓', footer: true, footerLabel: 'j/k' },
  { intent: 'up', chars: ['k'], special: ['upArrow'], label: 'k ↑' },
  { intent: 'pageDown', chars: [' '], special: ['pageDown'], label: 'PgDn Space' },
  { intent: 'pageUp', chars: ['b'], special: ['pageUp'], label: 'PgUp b' },
  { intent: 'top', chars: ['g'], special: ['home'], label: 'g Home' },
  { intent: 'bottom', chars: ['G'], special: ['end'], label: 'G End' },
  { intent: 'nextFinding', chars: ['n'], special: ['tab'], label: 'n Tab', footer: true, footerLabel: 'n/N' },
  { intent: 'prevFinding', chars: ['N'], label: 'N' },
  { intent: 'confirm', chars: ['a'], label: 'a', footer: true },
  { intent: 'dismiss', chars: ['x'], label: 'x', footer: true },
  { intent: 'manual', chars: ['m'], label: 'm', footer: true },
  { intent: 'comment', chars: ['c'], label: 'c', footer: true },
  { intent: 'submit', chars: ['s'], label: 's', footer: true },
  { intent: 'undo', chars: ['u'], label: 'u', footer: true },
  { intent: 'nextConversation', chars: [']'], special: ['rightArrow'], label: '] →', footer: true, footerLabel: ']/[' },
  { intent: 'prevConversation', chars: ['['], special: ['leftArrow'], label: '[ ←' },
  { intent: 'back', chars: ['q'], special: ['escape'], label: 'q Esc', footer: true, footerLabel: 'q' },
  { intent: 'help', chars: ['?'], label: '?', footer: true },
];

export const PICKER_KEYS: ReadonlyArray<KeyBinding<PickerIntent>> = [
  { intent: 'down', chars: ['j'], special: ['downArrow', 'tab'], label: 'j ↓', footer: true, footerLabel: 'j/k' },
  { intent: 'up', chars: ['k'], special: ['upArrow'], label: 'k ↑' },
  { intent: 'pageDown', special: ['pageDown'], label: 'PgDn' },
  { intent: 'pageUp', special: ['pageUp'], label: 'PgUp' },
  { intent: 'accept', special: ['return'], label: 'Enter', footer: true },
  { intent: 'cancel', chars: ['q'], special: ['escape'], label: 'Esc q', footer: true },
];

export const PROMPT_KEYS: ReadonlyArray<KeyBinding<PromptIntent>> = [
  { intent: 'accept', special: ['return'], label: 'Enter', footer: true },
  { intent: 'cancel', special: ['escape'], label: 'Esc', footer: true },
  { intent: 'backspace', special: ['backspace', 'delete'], label: '⌫' },
];

/** The intent a key press means in a key map, or undefined. Ctrl and Meta chords are never intents. */
export function intentOf<I extends string>(bindings: ReadonlyArray<KeyBinding<I>>, input: string, key: Partial<Key>): I | undefined {
  if (key.ctrl || key.meta) return undefined;
  for (const b of bindings) {
    if (b.special?.some((s) => key[s] === true)) return b.intent;
  }
  if (isSpecial(key)) return undefined;
  for (const b of bindings) {
    if (b.chars?.includes(input)) return b.intent;
  }
  return undefined;
}

/** Printable text typed into a prompt (pasted text arrives as one string); undefined for keys. */
export function typedText(input: string, key: Partial<Key>): string | undefined {
  if (key.ctrl || key.meta || isSpecial(key) || input === '') return undefined;
  const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return text === '' ? undefined : text;
}

const SPECIALS: readonly SpecialKey[] = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageUp', 'pageDown', 'home', 'end', 'return', 'escape', 'backspace', 'delete', 'tab'];

function isSpecial(key: Partial<Key>): boolean {
  return SPECIALS.some((s) => key[s] === true);
}

/**
 * Ink hands over a burst of typed characters (fast typing, key repeat, a paste, tmux send-keys) as
 * ONE input string: split it into single key presses, so `jjj⏎` moves three rows and opens.
 */
export function splitKeys(input: string, key: Partial<Key>): Array<[string, Partial<Key>]> {
  if (key.ctrl || key.meta || isSpecial(key) || input.startsWith('\u001b')) return [[input, key]];
  if (input.length === 1 && input >= ' ') return [[input, key]];
  const out: Array<[string, Partial<Key>]> = [];
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') out.push(['', { return: true }]);
    else if (ch === '\t') out.push(['', { tab: true }]);
    else if (ch === '\u007f' || ch === '\b') out.push(['', { backspace: true }]);
    else if (ch >= ' ') out.push([ch, { shift: ch !== ch.toLowerCase() }]);
  }
  return out;
}
