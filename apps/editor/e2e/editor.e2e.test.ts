/**
 * The rule editor end to end, in Debian's Chromium: `zhijian editor` (the built CLI) serves the
 * built editor on a COPY of the standard pack and on samples made here. Runs in CI (.ci/run installs
 * chromium); skipped, loudly, only when /usr/bin/chromium is missing.
 */
import { compilePack } from '@zhijian/core';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNode, parseJsonTree } from '../src/monaco/pointer-range';
import { makeConversations, NEW_PHRASE, NEW_PHRASE_CONVERSATION, toCsv, toJsonl } from './fixtures';
import {
  analysisId,
  ARTIFACTS,
  CHROMIUM,
  editorText,
  HAS_CHROMIUM,
  lastAnalysis,
  launchChromium,
  lineOf,
  markers,
  measures,
  placeCursor,
  REPO_ROOT,
  startEditor,
  stats,
  waitForAnalysis,
  type Browser,
  type RunningEditor,
} from './harness';

const STANDARD_PACK = join(REPO_ROOT, 'rule-packs', 'ecommerce-chat.zh.json');
const PACK_NAME = 'ecommerce-chat.zh.json';
const RULE = 'etiquette.forbidden-phrase';
const SAMPLE_COUNT = 12;

if (!HAS_CHROMIUM) {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! SKIPPING the editor e2e tests: ${CHROMIUM} is missing.\n!! Install it with: apt-get update && apt-get install -y chromium\n${bar}\n`);
}

/** Offset/length of the value at a pointer in the text. */
function nodeAt(text: string, pointer: string): { offset: number; length: number } {
  const { node, exact } = findNode(parseJsonTree(text).root, pointer);
  if (!node || !exact) throw new Error(`no ${pointer} in the pack`);
  return { offset: node.offset, length: node.length };
}

function ruleIndex(text: string, id: string): number {
  const i = (JSON.parse(text) as { rules: Array<{ id: string }> }).rules.findIndex((r) => r.id === id);
  if (i < 0) throw new Error(`rule ${id} not in the standard pack`);
  return i;
}

/** Replaces a range by typing (Backspace first: typing a quote over a selection would surround it). */
async function typeOver(page: Page, at: { offset: number; length: number }, text: string): Promise<void> {
  await placeCursor(page, at.offset, at.length);
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Undo (Ctrl+Z in the editor) until the text is `text` again. */
async function undoUntil(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 20 && (await editorText(page)) !== text; i++) await page.keyboard.press('Control+z');
  expect(await editorText(page)).toBe(text);
}

async function rowScore(page: Page, id: string): Promise<number> {
  return Number(await page.locator(`[data-testid=result-row][data-id="${id}"]`).getAttribute('data-score'));
}

describe.skipIf(!HAS_CHROMIUM)('rule editor in Chromium', () => {
  let work: string;
  let packsDir: string;
  let packFile: string;
  let editor: RunningEditor;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  let origin: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'zhijian-editor-e2e-'));
    packsDir = join(work, 'packs');
    const samplesDir = join(work, 'samples');
    mkdirSync(packsDir);
    mkdirSync(samplesDir);
    packFile = join(packsDir, PACK_NAME);
    copyFileSync(STANDARD_PACK, packFile);
    const conversations = makeConversations(SAMPLE_COUNT);
    writeFileSync(join(samplesDir, 'chats.csv'), toCsv(conversations.slice(0, 6)));
    writeFileSync(join(samplesDir, 'chats.jsonl'), toJsonl(conversations.slice(6)));
    mkdirSync(ARTIFACTS, { recursive: true });

    editor = await startEditor(packsDir, samplesDir);
    origin = new URL(editor.url).origin;
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // A refused save (422) and a conflict (409) are answers the tests provoke, not errors.
      if (m.type() === 'error' && !/status of (409|422)\b/.test(m.text())) pageErrors.push(m.text());
    });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
    });
  });

  afterAll(async () => {
    await browser?.close();
    const code = editor ? await editor.stop() : 0;
    if (work) rmSync(work, { recursive: true, force: true });
    expect(code).toBe(0); // Ctrl+C / SIGTERM ends `zhijian editor` cleanly
  });

  it('prints the URL and shows the standard pack, its outline and the samples scored', async () => {
    expect(editor.output()).toMatch(/规则编辑器已启动：http:\/\/127\.0\.0\.1:\d+\//);
    await page.goto(editor.url);
    await page.waitForSelector('.monaco-editor .view-lines');
    await page.waitForSelector('[data-testid=result-row]');
    expect(await editorText(page)).toBe(readFileSync(packFile, 'utf8'));
    await expect.poll(() => page.locator('[data-testid=result-row]').count()).toBe(SAMPLE_COUNT);
    const outline = page.getByTestId('outline');
    await expect.poll(() => outline.textContent()).toContain('服务礼仪');
    expect(await outline.textContent()).toContain(RULE);
    expect(await page.getByTestId('preview-stats').textContent()).toContain(`${SAMPLE_COUNT} 个会话`);
    expect(await page.getByTestId('diff').textContent()).toContain('没有变化');
  });

  it('reveals a rule in the editor when it is clicked in the outline', async () => {
    const text = await editorText(page);
    const last = (JSON.parse(text) as { rules: Array<{ id: string }> }).rules.length - 1;
    const id = nodeAt(text, `/rules/${last}/id`);
    const line = await lineOf(page, id.offset);
    await page.getByTestId('outline').locator('.outline-item', { hasText: JSON.parse(text.slice(id.offset, id.offset + id.length)) as string }).first().click();
    const selection = await page.evaluate(() => (window as unknown as { __zhijian: { editor: { getSelection(): { startLineNumber: number } } } }).__zhijian.editor.getSelection().startLineNumber);
    expect(selection).toBe(line);
    expect(await page.locator('.monaco-editor .view-line').allTextContents()).toContainEqual(expect.stringContaining(JSON.parse(text.slice(id.offset, id.offset + id.length)) as string));
  });

  it('offers the rule types as completions for "type"', async () => {
    const text = await editorText(page);
    const type = nodeAt(text, `/rules/${ruleIndex(text, RULE)}/type`);
    // Select the value inside the quotes, delete it, ask for suggestions.
    // Select the value inside the quotes, delete it, ask for suggestions: the rule types.
    await placeCursor(page, type.offset + 1, type.length - 2);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: 15_000 });
    const labels = (await rows.allTextContents()).join('\n');
    expect(labels).toContain('any-of');
    expect(labels).toContain('phrase');
    // The list is virtual: narrow it to see the others.
    await page.keyboard.type('trig');
    await expect.poll(async () => (await rows.allTextContents()).join('\n')).toContain('trigger-response');
    await page.keyboard.press('Escape');
    await undoUntil(page, text);
  });

  it('a JSON error gets a marker on its line and makes the preview stale; fixing it clears both', async () => {
    const text = await editorText(page);
    const points = nodeAt(text, `/rules/${ruleIndex(text, RULE)}/points`);
    const expectedLine = await lineOf(page, points.offset);
    const before = await analysisId(page);
    await placeCursor(page, points.offset + points.length);
    await page.keyboard.type('x');
    await waitForAnalysis(page, before, false);
    const syntax = await markers(page, 'zhijian-json');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]!.startLineNumber).toBe(expectedLine);
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0);
    expect(await page.locator(`[data-testid=problem][data-line="${expectedLine}"]`).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('preview').getAttribute('data-stale')).toBe('true');
    expect(await page.getByTestId('stale').textContent()).toContain('预览已过期');
    expect(await page.locator('[data-testid=result-row]').count()).toBe(SAMPLE_COUNT); // last good preview kept

    const broken = await analysisId(page);
    await page.keyboard.press('Backspace');
    await waitForAnalysis(page, broken, true);
    expect(await markers(page, 'zhijian-json')).toEqual([]);
    expect(await page.getByTestId('preview').getAttribute('data-stale')).toBe('false');
    expect(await editorText(page)).toBe(text);
  });

  it('a schema error is marked at the offending value, and a click in the problems list jumps to it', async () => {
    const text = await editorText(page);
    const points = nodeAt(text, `/rules/${ruleIndex(text, RULE)}/points`);
    const line = await lineOf(page, points.offset);
    const before = await analysisId(page);
    await typeOver(page, points, '"five"');
    await waitForAnalysis(page, before, false);
    const pack = await markers(page, 'zhijian-pack');
    expect(pack.map((m) => m.startLineNumber)).toContain(line);
    await placeCursor(page, 0);
    await page.locator(`[data-testid=problem][data-line="${line}"]`).first().click();
    const selection = await page.evaluate(() => (window as unknown as { __zhijian: { editor: { getSelection(): { startLineNumber: number } } } }).__zhijian.editor.getSelection().startLineNumber);
    expect(selection).toBe(line);
    const bad = await analysisId(page);
    await undoUntil(page, text);
    await waitForAnalysis(page, bad, true);
  });

  it('adding a forbidden phrase shows the new finding, the lower score and the change against the saved pack', async () => {
    const text = await editorText(page);
    const scoreBefore = await rowScore(page, NEW_PHRASE_CONVERSATION);
    const phrases = nodeAt(text, `/rules/${ruleIndex(text, RULE)}/options/phrases`);
    const before = await analysisId(page);
    await placeCursor(page, phrases.offset + 1);
    await page.keyboard.type(`"${NEW_PHRASE}", `);
    await waitForAnalysis(page, before, true);
    await expect.poll(() => rowScore(page, NEW_PHRASE_CONVERSATION)).toBe(scoreBefore - 5);
    const diff = await page.getByTestId('diff').textContent();
    expect(diff).toContain(`${NEW_PHRASE_CONVERSATION}：+1 条扣分项，-5 分`);

    await page.locator(`[data-testid=result-row][data-id="${NEW_PHRASE_CONVERSATION}"]`).click();
    const conversation = page.getByTestId('conversation');
    await expect.poll(() => conversation.getAttribute('data-id')).toBe(NEW_PHRASE_CONVERSATION);
    const newSpan = conversation.locator('mark.new', { hasText: NEW_PHRASE });
    expect(await newSpan.count()).toBe(1);
    expect(await newSpan.textContent()).toBe(NEW_PHRASE); // exactly the span, not the whole message
    expect(await conversation.locator(`[data-testid=finding][data-rule="${RULE}"]`).count()).toBeGreaterThan(0);
    expect(JSON.parse(await editorText(page)).rules[ruleIndex(text, RULE)].options.phrases[0]).toBe(NEW_PHRASE);

    await page.screenshot({ path: join(ARTIFACTS, 'editor.png') });
    if (process.env.ZHIJIAN_DOCS_SCREENSHOT === '1') {
      mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
      copyFileSync(join(ARTIFACTS, 'editor.png'), join(REPO_ROOT, 'docs', 'editor.png'));
    }
  });

  it('saves: the file on disk is the new valid pack, the previous version is kept', async () => {
    const original = readFileSync(packFile, 'utf8');
    const text = await editorText(page);
    expect(text).not.toBe(original);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/已于 .* 保存/);
    const disk = readFileSync(packFile, 'utf8');
    expect(disk).toBe(text);
    expect(() => compilePack(JSON.parse(disk))).not.toThrow();
    const history = join(packsDir, '.zhijian', 'history');
    const kept = readdirSync(history);
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(history, kept[0]!), 'utf8')).toBe(original);
    expect(readdirSync(packsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await expect.poll(() => page.getByTestId('diff').textContent()).toContain('没有变化');
  });

  it('refuses to save an invalid pack and leaves the file unchanged', async () => {
    const disk = readFileSync(packFile, 'utf8');
    const text = await editorText(page);
    const categories = nodeAt(text, '/rules/0/category');
    await typeOver(page, categories, '"no-such-category"');
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-refused').waitFor();
    expect(await page.getByTestId('save-refused').textContent()).toContain('保存被拒绝');
    expect(await page.getByTestId('save-refused').textContent()).toContain('/rules/0/category');
    expect(readFileSync(packFile, 'utf8')).toBe(disk);

    // Broken JSON is refused too.
    await page.keyboard.type(',,');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('save-refused').textContent()).toContain('不是有效的 JSON');
    expect(readFileSync(packFile, 'utf8')).toBe(disk);
    await undoUntil(page, text);
  });

  it('does not overwrite a file changed on disk since it was opened, and offers to reload it', async () => {
    const external = readFileSync(packFile, 'utf8').replace('"version": "1.0.0"', '"version": "1.0.1"');
    expect(external).not.toBe(readFileSync(packFile, 'utf8'));
    writeFileSync(packFile, external);
    const text = await editorText(page);
    const version = nodeAt(text, '/version');
    await typeOver(page, version, '"2.0.0"');
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-conflict').waitFor();
    expect(readFileSync(packFile, 'utf8')).toBe(external);
    await page.getByTestId('reload').click();
    await expect.poll(() => editorText(page)).toBe(external);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('已保存');
  });

  it('shows core lint warnings under their own marker owner once typing pauses', async () => {
    const text = await editorText(page);
    const phrases = nodeAt(text, `/rules/${ruleIndex(text, RULE)}/options/phrases`);
    const before = await analysisId(page);
    await placeCursor(page, phrases.offset + 1);
    // Already in the pack's forbidden-phrases set: a duplicate.
    await page.keyboard.type('"难道不是", ');
    await waitForAnalysis(page, before, true);
    await expect.poll(async () => (await markers(page, 'zhijian-lint')).length).toBeGreaterThan(0);
    const lint = await markers(page, 'zhijian-lint');
    expect(lint[0]!.message).toContain('难道不是');
    expect(await page.getByTestId('problems').textContent()).toContain('难道不是');
    await undoUntil(page, text);
    await expect.poll(async () => (await markers(page, 'zhijian-lint')).length).toBe(0);
  });

  it('measures keystroke -> updated preview on 200 conversations', async () => {
    const file = join(work, 'two-hundred.jsonl');
    writeFileSync(file, toJsonl(makeConversations(200, 11)));
    const before = await analysisId(page);
    await page.getByTestId('samples-input').setInputFiles(file);
    await waitForAnalysis(page, before, true);
    await expect.poll(() => page.getByTestId('preview-stats').textContent()).toContain('200 个会话');

    // A phrase of its own at the head of the list, then type inside it ("zq" -> "zqa" -> …): every
    // keystroke makes a new valid pack, so every one re-scores the 200 conversations.
    const text = await editorText(page);
    const phrases = nodeAt(text, `/rules/${ruleIndex(text, RULE)}/options/phrases`);
    await placeCursor(page, phrases.offset + 1);
    const added = await analysisId(page);
    await page.keyboard.type('"zq", ');
    await waitForAnalysis(page, added, true);
    const phrase = nodeAt(await editorText(page), `/rules/${ruleIndex(text, RULE)}/options/phrases/0`);
    await placeCursor(page, phrase.offset + phrase.length - 1);
    const durations: number[] = [];
    const worker: number[] = [];
    const phases: Array<{ compileMs: number; scoreMs: number; examplesMs: number }> = [];
    const keys = 'abcdefghijklmnopqrstuvwxyz';
    for (const key of keys) {
      const seen = (await measures(page)).length;
      const id = await analysisId(page);
      await page.keyboard.type(key);
      await page.waitForFunction((n) => performance.getEntriesByName('zhijian:keystroke-to-preview', 'measure').length > n, seen, { timeout: 30_000 });
      await waitForAnalysis(page, id);
      const all = await measures(page);
      durations.push(all[all.length - 1]!);
      const timings = (await lastAnalysis(page))!.timings;
      worker.push(timings.totalMs);
      phases.push(timings);
    }
    // The first keystrokes warm the JIT up; report the steady state and the whole run.
    const steady = stats(durations.slice(5));
    const report = {
      conversations: 200,
      keystrokes: durations.length,
      keystrokeToPreviewMs: steady,
      workerMs: stats(worker.slice(5)),
      workerPhasesMedianMs: {
        compile: stats(phases.slice(5).map((p) => p.compileMs)).median,
        score: stats(phases.slice(5).map((p) => p.scoreMs)).median,
        examples: stats(phases.slice(5).map((p) => p.examplesMs)).median,
      },
      answerToPaintMs: stats((await page.evaluate(() => performance.getEntriesByName('zhijian:answer-to-paint', 'measure').map((m) => m.duration))).slice(-20)),
      allKeystrokesMs: stats(durations),
      raw: durations.map((d) => Math.round(d * 10) / 10),
    };
    writeFileSync(join(ARTIFACTS, 'keystroke-timing.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `keystroke -> preview, 200 conversations: median ${steady.median} ms, p90 ${steady.p90} ms, max ${steady.max} ms ` +
        `(worker ${report.workerMs.median} ms: compile ${report.workerPhasesMedianMs.compile}, score ${report.workerPhasesMedianMs.score}, ` +
        `examples ${report.workerPhasesMedianMs.examples}; answer -> paint ${report.answerToPaintMs.median} ms; aim < 100 ms)`,
    );
    expect((await lastAnalysis(page))!.valid).toBe(true);
    expect(worker.length).toBe(keys.length);
    expect(steady.median).toBeLessThan(1000); // a guard against a hang, not the target
  });

  it('speaks English when asked (?lang=en)', async () => {
    const en = await browser.context.newPage();
    await en.goto(`${editor.url}?lang=en`);
    await en.waitForSelector('[data-testid=result-row]');
    expect(await en.getByTestId('outline').textContent()).toContain('Outline');
    expect(await en.getByTestId('preview').textContent()).toContain('Preview');
    await en.close();
  });

  it('loaded nothing from outside the server and logged no error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(existsSync(join(ARTIFACTS, 'editor.png'))).toBe(true);
  });
});
