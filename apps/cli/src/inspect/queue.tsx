/** The queue screen: a windowed table (only the visible rows are rendered), filter picker, search. */
import { memo, useMemo } from 'react';
import { Box, Text } from 'ink';
import type { Strings } from '../i18n/index.js';
import type { InspectorSnapshot } from './inspector.js';
import { PICKER_KEYS, PROMPT_KEYS, QUEUE_KEYS } from './keymap.js';
import { Footer, StatusLine } from './footer.js';
import { Picker, type PickerLine } from './picker.js';
import type { QueueRow, QueueState } from './queue-state.js';
import { CURSOR_MARK, gradeColor, STATUS_COLOR } from './theme.js';
import { cell, truncate, width } from './text.js';
import type { InspectorInfo } from './app.js';

interface Columns {
  id: number;
  agent: number;
  reviewer: number;
  final: boolean;
}

function columnsFor(cols: number, rows: readonly QueueRow[]): Columns {
  let idWidth = 8;
  for (let i = 0; i < rows.length && i < 2000; i++) idWidth = Math.max(idWidth, width(rows[i]!.id));
  const id = Math.min(24, idWidth);
  // mark id agent score grade findings status [reviewer final]
  const fixed = 1 + id + 1 + 10 + 1 + 6 + 1 + 8 + 1 + 6 + 1 + 8;
  const extra = cols - 1 - fixed;
  return { id, agent: 10, reviewer: extra >= 11 ? 10 : 0, final: extra >= 11 + 11 };
}

const Row = memo(function Row({ row, selected, c, t }: { row: QueueRow; selected: boolean; c: Columns; t: Strings['inspect'] }) {
  const finalText = row.finalScore === undefined ? '' : `${row.finalScore} ${row.finalGrade ?? ''}`;
  return (
    <Text inverse={selected} wrap="truncate-end">
      {selected ? CURSOR_MARK : ' '}
      {cell(row.id, c.id)} {cell(row.agent, 10)} <Text color={gradeColor(row.score, row.vetoed)}>{cell(String(row.score), 6, true)} {cell(row.grade, 8)}</Text>{' '}
      {cell(row.pending > 0 ? `${row.findings}(${row.pending}?)` : String(row.findings), 6, true)} <Text color={STATUS_COLOR[row.status]}>{cell(t.statuses[row.status], 8)}</Text>
      {c.reviewer > 0 ? ` ${cell(row.reviewer ?? '', c.reviewer)}` : ''}
      {c.final ? ` ${cell(finalText, 10)}` : ''}
    </Text>
  );
});

function filterLines(q: QueueState, t: Strings['inspect'], info: InspectorInfo): PickerLine[] {
  // Statuses change while reviewing: count them now.
  const statusCount = new Map<string, number>();
  for (const r of q.rows) statusCount.set(r.status, (statusCount.get(r.status) ?? 0) + 1);
  return q.choices.map((c, i) => {
    const prev = q.choices[i - 1];
    const label =
      c.dimension === 'status' ? t.statuses[c.value as keyof typeof t.statuses] : c.dimension === 'rule' ? `${info.ruleName(c.value)}  ${c.value}` : c.value;
    const count = c.dimension === 'status' ? (statusCount.get(c.value) ?? 0) : c.count;
    const line: PickerLine = { text: label, detail: String(count), active: q.filter[c.dimension] === c.value };
    if (!prev || prev.dimension !== c.dimension) line.section = t.dimensions[c.dimension];
    return line;
  });
}

function describeFilter(q: QueueState, t: Strings['inspect'], info: InspectorInfo): string {
  const value = (d: keyof typeof t.dimensions, v: string): string => (d === 'status' ? t.statuses[v as keyof typeof t.statuses] : d === 'rule' ? info.ruleName(v) : v);
  const parts = (Object.entries(q.filter) as Array<[keyof typeof t.dimensions, string]>).map(([d, v]) => `${t.dimensions[d]}=${value(d, v)}`);
  if (q.search && !q.searching) parts.push(`${t.searchLabel}“${q.search}”`);
  return parts.length === 0 ? t.none : parts.join(' ');
}

export function queueFlashText(q: QueueState, t: Strings['inspect'], info: InspectorInfo): string | undefined {
  const f = q.flash;
  if (!f) return undefined;
  const d = f.data ?? {};
  switch (f.id) {
    case 'filterSet':
      return `${t.filterSet}${t.colon}${describeFilter(q, t, info)}`;
    case 'filterCleared':
      return t.filterCleared;
    case 'sorted':
      return t.sorted(t.sorts[q.sort]);
    case 'empty':
      return t.filterEmpty;
    case 'submitted':
      return t.submitted(String(d.id), Number(d.score), String(d.grade), Number(d.pending), Number(d.version));
  }
}

export function QueueScreen({ snap, t: all, info }: { snap: InspectorSnapshot; t: Strings; info: InspectorInfo }) {
  const t = all.inspect;
  const { queue: q, geometry: g } = snap;
  const c = useMemo(() => columnsFor(g.cols, q.rows), [g.cols, q.rows]);
  const title = `${t.title} · ${t.queueTitle}  ${t.count(q.view.length, q.rows.length)}  ${t.sortLabel}${t.colon}${t.sorts[q.sort]}  ${t.filterLabel}${t.colon}${describeFilter(q, t, info)}  ${t.inspectorLabel}${t.colon}${info.inspector}${info.sample ? `  ${info.sample}` : ''}`;
  const head = ` ${cell(t.columns.id, c.id)} ${cell(t.columns.agent, 10)} ${cell(t.columns.score, 6, true)} ${cell(t.columns.grade, 8)} ${cell(t.columns.findings, 6, true)} ${cell(t.columns.status, 8)}${c.reviewer > 0 ? ` ${cell(t.columns.reviewer, c.reviewer)}` : ''}${c.final ? ` ${cell(t.columns.final, 10)}` : ''}`;
  const visible = q.view.slice(q.top, q.top + q.height);
  const flash = queueFlashText(q, t, info);
  return (
    <Box flexDirection="column" height={g.rows - 1} width={g.cols}>
      <Text bold wrap="truncate-end">
        {truncate(title, g.cols - 1)}
      </Text>
      <Text dimColor wrap="truncate-end">
        {truncate(head, g.cols - 1)}
      </Text>
      <Box flexDirection="column" height={g.queueRows}>
        {q.picker ? (
          <Picker title={t.filterTitle} lines={filterLines(q, t, info)} cursor={q.picker.cursor} rows={g.queueRows} cols={g.cols} />
        ) : visible.length === 0 ? (
          <Text dimColor>{t.queueEmpty}</Text>
        ) : (
          visible.map((i, k) => <Row key={q.rows[i]!.id} row={q.rows[i]!} selected={q.top + k === q.cursor} c={c} t={t} />)
        )}
      </Box>
      {q.searching ? (
        <StatusLine label={t.searchPrompt} colon={t.colon} text={q.search} hint={t.searchHint} cols={g.cols} />
      ) : (
        <StatusLine {...(flash !== undefined ? { flash } : {})} cols={g.cols} />
      )}
      {q.searching ? (
        <Footer bindings={PROMPT_KEYS} words={t.footer} cols={g.cols} />
      ) : q.picker ? (
        <Footer bindings={PICKER_KEYS} words={t.footer} cols={g.cols} />
      ) : (
        <Footer bindings={QUEUE_KEYS} words={t.footer} cols={g.cols} />
      )}
    </Box>
  );
}
