/** The review screen: header with the live score, messages, findings panel, status line, footer. */
import { Box, Text } from 'ink';
import { localize } from '@zhijian/core';
import type { Strings } from '../i18n/index.js';
import type { InspectorSnapshot } from './inspector.js';
import { PICKER_KEYS, PROMPT_KEYS, REVIEW_KEYS } from './keymap.js';
import { Footer, StatusLine } from './footer.js';
import { FindingsPanel, ruleName } from './findings-panel.js';
import { MessageLines } from './message-lines.js';
import { Picker, type PickerLine } from './picker.js';
import type { ReviewScreenState } from './review-state.js';
import { gradeColor, STATUS_COLOR } from './theme.js';
import { truncate } from './text.js';
import type { InspectorInfo } from './app.js';

export function reviewFlashText(s: ReviewScreenState, all: Strings): string | undefined {
  const t = all.inspect;
  const f = s.flash;
  if (!f) return undefined;
  const d = f.data ?? {};
  const m = t.flash;
  switch (f.id) {
    case 'manualAdded':
      return m.manualAdded(ruleName(s, String(d.rule)));
    case 'undone':
      return m.undone(t.decisionKinds[String(d.kind) as keyof typeof t.decisionKinds] ?? String(d.kind));
    case 'conflict':
      return m.conflict(String(d.who), String(d.when));
    case 'error':
      return m.error(String(d.message));
    case 'submitted':
      return t.submitted(String(d.id), Number(d.score), String(d.grade), Number(d.pending), Number(d.version));
    default:
      return m[f.id];
  }
}

function pickerLines(s: ReviewScreenState, t: Strings['inspect']): PickerLine[] {
  return s.ctx.pickable.map((rule, i) => {
    const prev = s.ctx.pickable[i - 1];
    const line: PickerLine = { text: localize(rule.def.name, s.ctx.lang) ?? rule.def.id, detail: `${rule.def.id} ${rule.veto ? t.vetoRule : `-${rule.def.points}`}` };
    if (!prev || prev.manual !== rule.manual) line.section = rule.manual ? t.pickerManual : t.pickerRules;
    return line;
  });
}

function Header({ s, snap, t: all, info }: { s: ReviewScreenState; snap: InspectorSnapshot; t: Strings; info: InspectorInfo }) {
  const t = all.inspect;
  const g = snap.geometry;
  const q = snap.queue;
  const id = s.ctx.conversation.id;
  const at = q.view.findIndex((i) => q.rows[i]!.id === id);
  const row = q.rows.find((r) => r.id === id);
  const r = s.result;
  const fs = r.findings;
  const n = (pred: (f: (typeof fs)[number]) => boolean): number => fs.filter(pred).length;
  const counts = [
    `${t.counts.confirmed} ${n((f) => f.source === 'auto' && s.review.decisions[f.key] === 'confirmed')}`,
    `${t.counts.dismissed} ${n((f) => f.dismissed === true)}`,
    `${t.counts.pending} ${n((f) => f.pending === true)}`,
    `${t.counts.manual} ${n((f) => f.source === 'manual')}`,
    `${t.counts.comments} ${s.review.comments.length}`,
  ].join(' · ');
  const line1 = `${t.conversationLabel} ${id} · ${t.agentLabel} ${r.agent ?? '-'} · ${at + 1}/${q.view.length}${info.sources > 1 ? ` · ${t.sourceLabel} ${s.ctx.source}` : ''}`;
  return (
    <>
      <Text bold wrap="truncate-end">
        {truncate(line1, g.cols - 14)}
        {row ? <Text color={STATUS_COLOR[row.status]}>{`  ${t.statuses[row.status]}`}</Text> : null}
      </Text>
      <Text wrap="truncate-end">
        <Text color={gradeColor(r.score, r.vetoed)} bold>
          {t.scoreLine(r.score, r.grade)}
        </Text>
        {r.vetoed ? <Text color="red" bold>{` ${t.vetoed}`}</Text> : null}
        <Text dimColor>{t.autoScore(s.ctx.auto.score, s.ctx.auto.grade)}</Text>
        <Text>{truncate(`  ${counts}`, Math.max(0, g.cols - 30))}</Text>
      </Text>
    </>
  );
}

export function ReviewScreen({ snap, t: all, info, timeZone }: { snap: InspectorSnapshot; t: Strings; info: InspectorInfo; timeZone: string }) {
  const s = snap.review!;
  const t = all.inspect;
  const g = snap.reviewGeometry ?? snap.geometry;
  const modal = s.modal;
  const panelCols = g.side ? g.panelWidth - 2 : g.cols - 1;
  const panel =
    modal.kind === 'picker' ? (
      <Picker title={t.pickerTitle(modal.messageIndex)} lines={pickerLines(s, t)} cursor={modal.cursor} rows={g.side ? g.panelRows : g.panelRows - 1} cols={panelCols} />
    ) : (
      <FindingsPanel s={s} t={all} rows={g.side ? g.panelRows : g.panelRows - 1} cols={panelCols} />
    );
  const prompt =
    modal.kind === 'prompt'
      ? { label: modal.purpose === 'dismiss' ? t.promptDismiss : modal.purpose === 'comment' ? t.promptComment : t.promptNote(ruleName(s, modal.ruleId)), text: modal.text }
      : undefined;
  const flash = reviewFlashText(s, all);
  return (
    <Box flexDirection="column" height={g.rows - 1} width={g.cols}>
      <Header s={s} snap={snap} t={all} info={info} />
      <Box key={g.side ? 'side' : 'below'} flexDirection={g.side ? 'row' : 'column'}>
        <MessageLines s={s} g={g} t={t} timeZone={timeZone} />
        <Box
          // Remounted when the layout flips: Ink keeps a removed border's width otherwise.
          key={g.side ? 'side' : 'below'}
          borderStyle="single"
          borderTop={!g.side}
          borderLeft={g.side}
          borderRight={false}
          borderBottom={false}
          borderDimColor
          paddingLeft={g.side ? 1 : 0}
          width={g.side ? g.panelWidth : g.cols}
          height={g.panelRows}
        >
          {panel}
        </Box>
      </Box>
      {prompt ? <StatusLine label={prompt.label} colon={t.colon} text={prompt.text} hint={t.promptHint} cols={g.cols} /> : <StatusLine {...(flash !== undefined ? { flash } : {})} cols={g.cols} />}
      {modal.kind === 'picker' ? (
        <Footer bindings={PICKER_KEYS} words={t.footer} cols={g.cols} />
      ) : modal.kind === 'prompt' ? (
        <Footer bindings={PROMPT_KEYS} words={t.footer} cols={g.cols} />
      ) : (
        <Footer bindings={REVIEW_KEYS} words={t.footer} cols={g.cols} />
      )}
    </Box>
  );
}
