/**
 * `zhijian inspect` for real: the built CLI in a tmux pane (a real terminal), driven by keys. It is
 * killed with SIGKILL in the middle of a review, then reopened: every decision made before the kill
 * is in the store, the store is intact, and the app resumes where it was. Skipped only without tmux.
 * Also: without a terminal, inspect exits 2 and points to `score`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@zhijian/store';
import { BIN, fixtureDir, run } from './helpers.js';
import { CHATS, PACK_FILE, ROOT } from './inspect-helpers.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `zhijian-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-u', '-L', SOCKET, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
}

function screen(session: string): string {
  try {
    return tmux('capture-pane', '-p', '-t', session);
  } catch {
    return '';
  }
}

async function waitFor(session: string, test: (s: string) => boolean, what: string, ms = 15_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const s = screen(session);
    if (test(s)) return s;
    if (Date.now() > until) throw new Error(`tmux: no screen with ${what}; the screen was:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const has = (text: string) => (s: string) => s.includes(text);

function keys(session: string, ...k: string[]): void {
  tmux('send-keys', '-t', session, ...k);
}

function text(session: string, t: string): void {
  tmux('send-keys', '-t', session, '-l', t);
}

function start(session: string, db: string): void {
  // exec: the pane's process IS the inspector, so its pid is the one to kill.
  const command = `exec env -u CI LANG=C.UTF-8 ZHIJIAN_INSPECTOR=e2e ${process.execPath} ${BIN} inspect ${CHATS} --pack ${PACK_FILE} --db ${db}`;
  tmux('new-session', '-d', '-s', session, '-x', '140', '-y', '40', '-c', ROOT, command);
}

function alive(session: string): boolean {
  return spawnSync('tmux', ['-L', SOCKET, 'has-session', '-t', session]).status === 0;
}

describe('zhijian inspect without a terminal', () => {
  it('exits 2 and points to zhijian score', async () => {
    const r = await run(['inspect', CHATS, '--pack', PACK_FILE, '--db', ':memory:']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zhijian score');
    expect(r.stdout).toBe('');
  });

  it('reports usage errors first', async () => {
    expect((await run(['inspect', CHATS])).code).toBe(2);
    const bad = await run(['inspect', CHATS, '--pack', PACK_FILE, '--strategy', 'worst', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--strategy');
    expect((await run(['inspect', '-', '--pack', PACK_FILE])).code).toBe(2);
  });
});

describe.skipIf(!HAS_TMUX)(HAS_TMUX ? 'zhijian inspect in tmux' : 'zhijian inspect in tmux (SKIPPED: tmux is not installed)', () => {
  let fx: ReturnType<typeof fixtureDir>;
  beforeAll(() => {
    fx = fixtureDir({});
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    fx.cleanup();
  });

  it('keeps every decision through SIGKILL and resumes where it was', async () => {
    const db = fx.path('reviews.db');
    start('one', db);
    let s = await waitFor('one', has('待检队列'), 'the queue');
    expect(s).toContain('23/23 个会话');

    // Find c-013, clear the search (it stays selected), open it.
    keys('one', '/');
    text('one', 'c-013');
    keys('one', 'Enter', 'F', 'Enter');
    await waitFor('one', has('会话 c-013'), 'c-013');
    keys('one', 'a');
    s = await waitFor('one', has('已确认（已保存）'), 'the confirm');
    expect(s).toContain('得分 85 良好');
    keys('one', 's');
    s = await waitFor('one', has('会话 c-014'), 'the next conversation after submit');
    expect(s).toContain('已提交 c-013：85 分 良好');

    // On c-014: a manual item at message #1, then move on to #1... and get killed.
    keys('one', 'j', 'm', 'Enter');
    await waitFor('one', has('人工项「错误回复」的说明'), 'the note prompt');
    text('one', '退款时效说错');
    keys('one', 'Enter');
    await waitFor('one', has('已添加人工项 错误回复（已保存）'), 'the manual item');
    keys('one', 'c');
    text('one', '语气很好');
    keys('one', 'Enter');
    await waitFor('one', has('已添加备注（已保存）'), 'the comment');

    const pid = Number(tmux('display-message', '-p', '-t', 'one', '#{pane_pid}').trim());
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && alive('one'); i++) await new Promise((r) => setTimeout(r, 100));

    // Everything decided before the kill is in the store, and the file is intact.
    const store = openStore(db);
    try {
      expect(store.integrityCheck()).toBe('ok');
      expect(store.latestSubmission('c-013')).toMatchObject({ score: 85, inspector: 'e2e' });
      const log = store.decisionsFor('c-014', 'e2e');
      expect(log.map((d) => d.kind)).toEqual(['manual-add', 'comment']);
      expect(log[0]).toMatchObject({ item: { ruleId: 'business.wrong-answer', messageIndex: 1, note: '退款时效说错' } });
    } finally {
      store.close();
    }

    // Reopened: back in c-014, at message #1, with the manual item and the comment.
    start('two', db);
    s = await waitFor('two', has('会话 c-014'), 'the resumed conversation');
    expect(s).toMatch(/▶#1 /);
    expect(s).toContain('人工 1');
    expect(s).toContain('备注 1');
    expect(s).toContain('得分 90 优秀');
    keys('two', 'q', 'q');
    for (let i = 0; i < 50 && alive('two'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive('two')).toBe(false);

    // The report shows the submitted review.
    const report = await run(['report', '--db', db, '--by', 'rule']);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/business\.retention\s+未做订单挽留\s+business\s+1\s+1\s+0/);
  }, 90_000);
});
