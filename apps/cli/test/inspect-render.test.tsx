/** Ink render tests of the main flows: open, next finding, dismiss, manual item, submit, help. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { localize, type CompiledPack } from '@zhijian/core';
import { strings } from '../src/i18n/index.js';
import { InspectorApp, type InspectorInfo } from '../src/inspect/app.js';
import type { BatchItem } from '../src/inspect/batch.js';
import { exampleItems, harness, standardPack, type Harness } from './inspect-helpers.js';

let pack: CompiledPack;
let items: BatchItem[];
let h: Harness | undefined;

beforeAll(async () => {
  pack = standardPack();
  items = await exampleItems(pack);
});

afterEach(() => {
  h?.store.close();
  h = undefined;
});

const ENTER = '\r';
const ESC = '\u001b';

function mount(lang: 'zh' | 'en' = 'zh') {
  h = harness(pack, items);
  const app = h.make({ rows: 30, cols: 120 });
  const info: InspectorInfo = { inspector: 'tester', sources: 1, timeZone: 'Asia/Shanghai', ruleName: (id) => localize(pack.rulesById.get(id)?.def.name, lang) ?? id };
  const ui = render(<InspectorApp inspector={app} t={strings(lang)} info={info} followTerminal={false} />);
  return { ui, app, store: h.store };
}

/** Waits until the latest frame satisfies the predicate (Ink renders asynchronously). */
async function frame(ui: ReturnType<typeof render>, test: (f: string) => boolean, what: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const f = ui.lastFrame() ?? '';
    if (test(f)) return f;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no frame with ${what}; last frame:\n${ui.lastFrame()}`);
}

const has = (s: string) => (f: string) => f.includes(s);

async function type(ui: ReturnType<typeof render>, keys: string): Promise<void> {
  ui.stdin.write(keys);
  await new Promise((r) => setTimeout(r, 30));
}

describe('inspector (Ink render)', () => {
  it('opens a conversation from the queue, walks its findings, dismisses, adds a manual item and submits', async () => {
    const { ui, store } = mount();
    let f = await frame(ui, has('待检队列'), 'the queue');
    expect(f).toContain('23/23 个会话');
    expect(f).toContain('c-022');
    expect(f).toContain('j/k 移动');

    // Search the queue, clear the search (the row stays selected), open.
    await type(ui, '/c-013');
    await frame(ui, has('1/23 个会话'), 'the search result');
    await type(ui, ENTER);
    await type(ui, 'F');
    await frame(ui, (x) => x.includes('23/23 个会话') && /▶c-013/.test(x), 'the cleared search');
    await type(ui, ENTER);
    f = await frame(ui, has('会话 c-013'), 'the conversation');
    expect(f).toContain('鞋子尺码偏小，不想要了，退了吧');
    expect(f).toContain('扣分项（3）');
    expect(f).toContain('? 未做订单挽留 · 待复核');
    expect(f).toContain('建议：');

    // n: next finding.
    await type(ui, 'n');
    f = await frame(ui, has('· 承诺跟进未回复 · 未处理'), 'the next finding');
    expect(f).toContain('证据：「帮您核实」');

    // x, a reason, Enter: dismissed, and saved.
    await type(ui, 'x');
    await frame(ui, has('忽略原因（可留空）'), 'the reason prompt');
    await type(ui, '已在别处回复');
    await type(ui, ENTER);
    f = await frame(ui, has('已忽略（已保存）'), 'the dismiss');
    expect(f).toContain('忽略原因：已在别处回复');
    expect(store.decisionsFor('c-013', 'tester').map((d) => d.kind)).toEqual(['dismiss']);

    // m: the picker lists manual items first; Enter picks 错误回复, Enter saves without a note.
    await type(ui, 'm');
    f = await frame(ui, has('添加人工项 · 第 #3 条消息'), 'the picker');
    expect(f).toContain('错误回复');
    await type(ui, ENTER);
    await frame(ui, has('人工项「错误回复」的说明'), 'the note prompt');
    await type(ui, ENTER);
    f = await frame(ui, has('已添加人工项 错误回复（已保存）'), 'the manual item');
    expect(f).toContain('人工 1');
    // 90 - 5 (proxy promise) ... the follow-up dismissed (+5), wrong answer -10: 85.
    expect(f).toContain('得分 85 良好');

    // s: submitted, and the next conversation opens.
    await type(ui, 's');
    f = await frame(ui, has('会话 c-014'), 'the next conversation');
    expect(f).toContain('已提交 c-013：85 分 良好（1 个待复核项未确认，不计分）');
    const sub = store.latestSubmission('c-013')!;
    expect(sub).toMatchObject({ score: 85, grade: '良好', inspector: 'tester' });
    expect(sub.review.manual).toEqual([{ ruleId: 'business.wrong-answer', messageIndex: 3 }]);

    // q back to the queue: c-013 is reviewed.
    await type(ui, 'q');
    f = await frame(ui, has('已复核'), 'the reviewed row');
    expect(f).toMatch(/c-013.*已复核\s+tester\s+85 良好/);
    ui.unmount();
  });

  it('shows the key help from the key map and closes it', async () => {
    const { ui } = mount();
    await frame(ui, has('待检队列'), 'the queue');
    await type(ui, ENTER);
    await frame(ui, has('会话 c-001'), 'the conversation');
    await type(ui, '?');
    const f = await frame(ui, has('按键（? / q / Esc 关闭）'), 'the help');
    for (const text of ['下一个扣分项', '确认当前扣分项', '撤销上一个决定', '提交复核并打开下一个会话']) expect(f).toContain(text);
    await type(ui, ESC);
    await frame(ui, (x) => x.includes('会话 c-001') && !x.includes('按键（'), 'the conversation again');
    ui.unmount();
  });

  it('undo brings the finding back, and the interface speaks English with --lang en', async () => {
    const { ui, store } = mount('en');
    await frame(ui, has('queue'), 'the queue');
    await type(ui, '/c-009');
    await type(ui, ENTER);
    await type(ui, ENTER);
    let f = await frame(ui, has('conversation c-009'), 'the conversation');
    expect(f).toContain('score 80');
    await type(ui, 'x');
    await type(ui, ENTER);
    f = await frame(ui, has('Dismissed (saved)'), 'the dismiss');
    expect(f).toContain('score 90');
    await type(ui, 'u');
    f = await frame(ui, has('Undone: dismiss (saved)'), 'the undo');
    expect(f).toContain('score 80');
    expect(store.decisionsFor('c-009', 'tester').map((d) => d.kind)).toEqual(['dismiss', 'undo']);
    ui.unmount();
  });
});
