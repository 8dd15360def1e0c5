/**
 * The queue screen: one row per conversation, sorted, filtered and searched. Pure reducer; the
 * visible order (`view`, indices into `rows`) is recomputed only when sort, filter, search or a
 * row's status change, never on a cursor move, so moving through 10,000 rows costs nothing.
 */
import type { QueueStatus } from '@zhijian/store';
import type { PickerIntent, PromptIntent, QueueIntent } from './keymap.js';

export interface QueueRow {
  /** Position in the batch (after sampling). */
  readonly index: number;
  readonly id: string;
  readonly agent: string;
  /** The automatic score (no decisions). */
  readonly score: number;
  readonly grade: string;
  readonly vetoed: boolean;
  /** Auto findings (pending ones included). */
  readonly findings: number;
  readonly pending: number;
  readonly ruleIds: readonly string[];
  readonly tags: readonly string[];
  /** Lower-cased id and message texts, for the incremental search. */
  readonly search: string;
  readonly status: QueueStatus;
  readonly reviewer?: string;
  /** The latest submitted score and grade. */
  readonly finalScore?: number;
  readonly finalGrade?: string;
}

export const SORTS = ['input', 'score-asc', 'score-desc', 'findings-desc', 'agent', 'status'] as const;
export type SortKey = (typeof SORTS)[number];

export type FilterDimension = 'grade' | 'status' | 'rule' | 'agent';
export type QueueFilter = Partial<Record<FilterDimension, string>>;

/** One line of the filter picker. */
export interface FilterChoice {
  dimension: FilterDimension;
  value: string;
  /** Rows with this value in the whole batch (statuses: at start). */
  count: number;
}

export type QueueFlashId = 'filterSet' | 'filterCleared' | 'sorted' | 'empty' | 'submitted';

export interface QueueState {
  readonly rows: readonly QueueRow[];
  readonly view: readonly number[];
  /** Index into view. */
  readonly cursor: number;
  readonly top: number;
  /** Rows visible. */
  readonly height: number;
  readonly sort: SortKey;
  readonly filter: QueueFilter;
  readonly search: string;
  /** The search prompt is open (typing filters live). */
  readonly searching: boolean;
  readonly choices: readonly FilterChoice[];
  /** The filter picker, when open. */
  readonly picker?: { cursor: number };
  readonly flash?: { id: QueueFlashId; data?: Record<string, string | number> };
}

export type QueueAction =
  | { type: 'intent'; intent: QueueIntent }
  | { type: 'picker'; intent: PickerIntent }
  | { type: 'prompt'; intent: PromptIntent }
  | { type: 'type'; text: string }
  | { type: 'row'; row: QueueRow }
  | { type: 'focus'; id: string }
  | { type: 'resize'; height: number }
  | { type: 'restore'; sort?: SortKey; filter?: QueueFilter; search?: string; focus?: string };

export function initQueueState(rows: readonly QueueRow[], height: number, choices: readonly FilterChoice[]): QueueState {
  return { rows, view: computeView(rows, {}, '', 'input'), cursor: 0, top: 0, height: Math.max(1, height), sort: 'input', filter: {}, search: '', searching: false, choices };
}

/** The filter picker's lines: grades, statuses, agents and rules present in the rows. */
export function filterChoices(rows: readonly QueueRow[], grades: readonly string[]): FilterChoice[] {
  const count = (dimension: FilterDimension, values: Iterable<string>): FilterChoice[] => {
    const n = new Map<string, number>();
    for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
    return [...n].map(([value, c]) => ({ dimension, value, count: c }));
  };
  const byGrade = new Map(count('grade', rows.map((r) => r.grade)).map((c) => [c.value, c]));
  const gradeChoices = grades.map((g) => byGrade.get(g) ?? { dimension: 'grade' as const, value: g, count: 0 });
  const statuses = count('status', rows.map((r) => r.status));
  const statusChoices = (['new', 'in-progress', 'reviewed'] as const).map((v) => statuses.find((c) => c.value === v) ?? { dimension: 'status' as const, value: v, count: 0 });
  const agents = count('agent', rows.map((r) => r.agent)).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  const rules = count('rule', rows.flatMap((r) => r.ruleIds)).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return [...gradeChoices, ...statusChoices, ...agents, ...rules];
}

export function selectedRow(s: QueueState): QueueRow | undefined {
  const i = s.view[s.cursor];
  return i === undefined ? undefined : s.rows[i];
}

export function queueReducer(s: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'intent':
      return s.picker || s.searching ? s : onIntent(clearFlash(s), action.intent);
    case 'picker':
      return s.picker ? onPicker(s, s.picker.cursor, action.intent) : s;
    case 'prompt':
      return s.searching ? onPrompt(s, action.intent) : s;
    case 'type':
      return s.searching ? research(s, s.search + action.text) : s;
    case 'row': {
      const rows = s.rows.slice();
      rows[action.row.index] = action.row;
      const statusMatters = s.filter.status !== undefined || s.sort === 'status';
      return statusMatters ? reorder({ ...s, rows }) : { ...s, rows };
    }
    case 'focus': {
      const at = s.view.findIndex((i) => s.rows[i]!.id === action.id);
      return at < 0 ? s : scrolled({ ...s, cursor: at });
    }
    case 'resize':
      return scrolled({ ...s, height: Math.max(1, action.height) });
    case 'restore': {
      const next = reorder({ ...s, sort: action.sort ?? s.sort, filter: action.filter ?? s.filter, search: action.search ?? s.search });
      return action.focus === undefined ? next : queueReducer(next, { type: 'focus', id: action.focus });
    }
  }
}

function onIntent(s: QueueState, intent: QueueIntent): QueueState {
  switch (intent) {
    case 'down':
      return moveTo(s, s.cursor + 1);
    case 'up':
      return moveTo(s, s.cursor - 1);
    case 'pageDown':
      return moveTo(s, s.cursor + s.height);
    case 'pageUp':
      return moveTo(s, s.cursor - s.height);
    case 'top':
      return moveTo(s, 0);
    case 'bottom':
      return moveTo(s, s.view.length - 1);
    case 'search':
      return { ...s, searching: true };
    case 'filter':
      return { ...s, picker: { cursor: 0 } };
    case 'clearFilter':
      return { ...reorder({ ...s, filter: {}, search: '' }), flash: { id: 'filterCleared' } };
    case 'sort': {
      const sort = SORTS[(SORTS.indexOf(s.sort) + 1) % SORTS.length]!;
      return { ...reorder({ ...s, sort }), flash: { id: 'sorted', data: { sort } } };
    }
    default:
      // open, help and quit are the controller's.
      return s;
  }
}

function onPicker(s: QueueState, cursor: number, intent: PickerIntent): QueueState {
  const n = s.choices.length;
  const to = (c: number): QueueState => ({ ...s, picker: { cursor: Math.max(0, Math.min(n - 1, c)) } });
  const page = Math.max(1, s.height - 2);
  switch (intent) {
    case 'down':
      return to(cursor + 1);
    case 'up':
      return to(cursor - 1);
    case 'pageDown':
      return to(cursor + page);
    case 'pageUp':
      return to(cursor - page);
    case 'cancel': {
      const { picker: _p, ...rest } = s;
      return rest;
    }
    case 'accept': {
      const choice = s.choices[cursor];
      const { picker: _p, ...rest } = s;
      if (!choice) return rest;
      const filter = { ...s.filter };
      // Choosing the active value again removes that filter.
      if (filter[choice.dimension] === choice.value) delete filter[choice.dimension];
      else filter[choice.dimension] = choice.value;
      const next = reorder({ ...rest, filter });
      return { ...next, flash: { id: next.view.length === 0 ? 'empty' : 'filterSet' } };
    }
  }
}

function onPrompt(s: QueueState, intent: PromptIntent): QueueState {
  switch (intent) {
    case 'accept':
      return { ...s, searching: false };
    case 'cancel':
      return { ...research(s, ''), searching: false };
    case 'backspace':
      return research(s, [...s.search].slice(0, -1).join(''));
  }
}

/** New search text: a longer query only narrows the current view, so typing stays fast. */
function research(s: QueueState, search: string): QueueState {
  const focusId = selectedRow(s)?.id;
  const q = search.toLowerCase();
  const narrows = search.startsWith(s.search) && s.search !== '';
  const view = narrows ? s.view.filter((i) => s.rows[i]!.search.includes(q)) : computeView(s.rows, s.filter, search, s.sort);
  return keepFocus({ ...s, search, view }, focusId);
}

function reorder(s: QueueState): QueueState {
  return keepFocus({ ...s, view: computeView(s.rows, s.filter, s.search, s.sort) }, selectedRow(s)?.id);
}

function keepFocus(s: QueueState, id: string | undefined): QueueState {
  const at = id === undefined ? -1 : s.view.findIndex((i) => s.rows[i]!.id === id);
  return scrolled({ ...s, cursor: at >= 0 ? at : Math.min(s.cursor, Math.max(0, s.view.length - 1)) });
}

const collator = new Intl.Collator('zh-Hans-CN');
const STATUS_ORDER: Record<QueueStatus, number> = { 'in-progress': 0, new: 1, reviewed: 2 };

export function computeView(rows: readonly QueueRow[], filter: QueueFilter, search: string, sort: SortKey): number[] {
  const q = search.toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (filter.grade !== undefined && r.grade !== filter.grade) continue;
    if (filter.status !== undefined && r.status !== filter.status) continue;
    if (filter.agent !== undefined && r.agent !== filter.agent) continue;
    if (filter.rule !== undefined && !r.ruleIds.includes(filter.rule)) continue;
    if (q !== '' && !r.search.includes(q)) continue;
    out.push(i);
  }
  const by = comparator(rows, sort);
  if (by) out.sort((a, b) => by(a, b) || a - b);
  return out;
}

function comparator(rows: readonly QueueRow[], sort: SortKey): ((a: number, b: number) => number) | undefined {
  const r = (i: number): QueueRow => rows[i]!;
  switch (sort) {
    case 'input':
      return undefined;
    case 'score-asc':
      return (a, b) => r(a).score - r(b).score;
    case 'score-desc':
      return (a, b) => r(b).score - r(a).score;
    case 'findings-desc':
      return (a, b) => r(b).findings - r(a).findings;
    case 'agent':
      return (a, b) => collator.compare(r(a).agent, r(b).agent);
    case 'status':
      return (a, b) => STATUS_ORDER[r(a).status] - STATUS_ORDER[r(b).status];
  }
}

function moveTo(s: QueueState, cursor: number): QueueState {
  const c = Math.max(0, Math.min(s.view.length - 1, cursor));
  return c === s.cursor ? s : scrolled({ ...s, cursor: c });
}

function scrolled(s: QueueState): QueueState {
  let top = s.top;
  if (s.cursor < top) top = s.cursor;
  if (s.cursor >= top + s.height) top = s.cursor - s.height + 1;
  top = Math.max(0, Math.min(top, Math.max(0, s.view.length - s.height)));
  return top === s.top ? s : { ...s, top };
}

function clearFlash(s: QueueState): QueueState {
  if (s.flash === undefined) return s;
  const { flash: _f, ...rest } = s;
  return rest;
}
