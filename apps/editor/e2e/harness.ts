/**
 * E2E harness: the BUILT CLI's `zhijian editor` on temp folders, and Debian's Chromium driven by
 * playwright-core (never a downloaded browser). Helpers read and drive Monaco through the page's
 * `window.__zhijian` hook (editor + monaco), keystrokes go through the real keyboard.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.ZHIJIAN_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const CLI_BIN = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url));
export const EDITOR_DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningEditor {
  url: string;
  output(): string;
  stop(): Promise<number | null>;
}

/** `node apps/cli/dist/bin.js editor --packs … --samples … --port 0`; resolves with the printed URL. */
export function startEditor(packsDir: string, samplesDir: string): Promise<RunningEditor> {
  if (!existsSync(CLI_BIN)) throw new Error(`${CLI_BIN} is missing: build first (pnpm build)`);
  if (!existsSync(join(EDITOR_DIST, 'index.html'))) throw new Error(`${EDITOR_DIST} is missing: build first (pnpm build)`);
  const child: ChildProcess = spawn(process.execPath, [CLI_BIN, 'editor', '--packs', packsDir, '--samples', samplesDir, '--port', '0'], {
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ZHIJIAN_EDITOR_DIST: EDITOR_DIST },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`zhijian editor printed no URL in 20 s:\n${out}`)), 20_000);
    const poll = setInterval(() => {
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (!url) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({
        url,
        output: () => out,
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`zhijian editor exited (${code}):\n${out}`));
    });
  });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'zhijian-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1600, height: 900 },
    locale: 'zh-CN',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// ---- page helpers (run in the page through the window.__zhijian hook) ----

interface Hook {
  editor: {
    getModel(): {
      getValue(): string;
      getPositionAt(offset: number): { lineNumber: number; column: number };
      getAllDecorations(): unknown[];
    };
    setPosition(p: { lineNumber: number; column: number }): void;
    setSelection(r: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }): void;
    revealLineInCenter(line: number): void;
    focus(): void;
    trigger(source: string, handler: string, payload: unknown): void;
  };
  monaco: { editor: { getModelMarkers(filter: { owner?: string }): Array<{ owner: string; startLineNumber: number; message: string; severity: number }> } };
  analysis?: { id: number; valid: boolean; problems: number; timings: { totalMs: number; scoreMs: number; compileMs: number; examplesMs: number } };
  latestId(): number;
}
type HookWindow = Window & { __zhijian: Hook };

export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as HookWindow).__zhijian.editor.getModel().getValue());
}

export async function lineOf(page: Page, offset: number): Promise<number> {
  return page.evaluate((o) => (window as unknown as HookWindow).__zhijian.editor.getModel().getPositionAt(o).lineNumber, offset);
}

/** Puts the cursor at `offset` (or selects offset..offset+length) and focuses the editor. */
export async function placeCursor(page: Page, offset: number, length = 0): Promise<void> {
  await page.evaluate(
    ([o, l]) => {
      const { editor } = (window as unknown as HookWindow).__zhijian;
      const model = editor.getModel();
      const a = model.getPositionAt(o!);
      const b = model.getPositionAt(o! + l!);
      editor.setSelection({ startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column });
      editor.revealLineInCenter(a.lineNumber);
      editor.focus();
    },
    [offset, length],
  );
}

export function markers(page: Page, owner?: string): Promise<Array<{ owner: string; startLineNumber: number; message: string; severity: number }>> {
  return page.evaluate((o) => (window as unknown as HookWindow).__zhijian.monaco.editor.getModelMarkers(o ? { owner: o } : {}), owner);
}

export function analysisId(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as HookWindow).__zhijian.analysis?.id ?? 0);
}

export function lastAnalysis(page: Page): Promise<Hook['analysis']> {
  return page.evaluate(() => (window as unknown as HookWindow).__zhijian.analysis);
}

/** Waits until an analysis newer than `after` has arrived (and, if asked, is valid / invalid). */
export async function waitForAnalysis(page: Page, after: number, valid?: boolean): Promise<void> {
  await page.waitForFunction(
    ([a, v]) => {
      const hook = (window as unknown as HookWindow).__zhijian;
      const x = hook.analysis;
      // The analysis of the NEWEST text: typing sends several requests, and an intermediate one
      // (a half-typed string) may be invalid for another reason than the one the test waits for.
      return x !== undefined && x.id > (a as number) && x.id === hook.latestId() && (v === null || x.valid === v);
    },
    [after, valid ?? null] as const,
    { timeout: 30_000 },
  );
}

export const KEYSTROKE_MEASURE = 'zhijian:keystroke-to-preview';

export function measures(page: Page): Promise<number[]> {
  return page.evaluate((name) => performance.getEntriesByName(name, 'measure').map((m) => m.duration), KEYSTROKE_MEASURE);
}

export function stats(values: readonly number[]): { n: number; min: number; median: number; p90: number; max: number; mean: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const r = (n: number): number => Math.round(n * 10) / 10;
  return { n: s.length, min: r(s[0]!), median: r(at(0.5)), p90: r(at(0.9)), max: r(s[s.length - 1]!), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
}
