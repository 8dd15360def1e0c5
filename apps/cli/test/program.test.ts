import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('help, version, dispatch', () => {
  it('--help lists the commands, in Chinese by default', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法：zhijian <命令> [选项]');
    expect(r.stdout).toMatch(/^ {2}score +按规则包为会话打分/m);
    expect(r.stdout).toMatch(/^ {2}schema +/m);
  });

  it('help score, score --help and score -h print the same help', async () => {
    const a = await run(['help', 'score']);
    const b = await run(['score', '--help']);
    const c = await run(['score', '-h']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('--fail-under');
    expect(a.stdout).not.toContain('--naive');
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
  });

  it('help in English with --lang en, before or after the command', async () => {
    const a = await run(['--lang', 'en', 'help', 'schema']);
    const b = await run(['schema', '--help', '--lang', 'en']);
    const c = await run(['help', '--lang', 'en', 'schema']);
    expect(a.stdout).toContain('Usage: zhijian schema pack|conversation');
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('no command, an unknown command or an unknown --lang: exit 2 with the usage', async () => {
    for (const args of [[], ['bogus'], ['help', 'bogus'], ['--frobnicate'], ['schema', 'pack', '--lang', 'fr'], ['--lang', 'fr', 'schema', 'pack'], ['--lang']]) {
      const r = await run(args);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr).toContain('用法：zhijian');
      expect(r.stdout).toBe('');
    }
  });
});

describe('zhijian schema', () => {
  it('prints the pack schema, generated from the rule types', async () => {
    const r = await run(['schema', 'pack']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(r.stdout).toContain('"trigger-response"');
  });

  it('prints the conversation schema', async () => {
    const r = await run(['schema', 'conversation']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'messages']));
  });

  it('needs pack or conversation', async () => {
    expect((await run(['schema'])).code).toBe(2);
    expect((await run(['schema', 'other'])).code).toBe(2);
    expect((await run(['schema', 'constructor'])).code).toBe(2);
  });
});
