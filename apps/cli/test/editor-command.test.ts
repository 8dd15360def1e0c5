/** `zhijian editor` through the BUILT CLI: options, the printed URL, Ctrl+C, a port in use. */
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, fixtureDir, run } from './helpers.js';

const PACK = JSON.stringify({
  id: 'p',
  version: '1.0.0',
  categories: [{ id: 'c', name: 'C' }],
  rules: [{ id: 'c.r', type: 'phrase', category: 'c', points: 1, options: { phrases: ['x'] } }],
});

interface Started {
  url: string;
  out: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

function startEditor(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'editor', ...args], {
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (!url) return;
      clearInterval(poll);
      resolve({
        url,
        out: () => out,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    }, 25);
    void exited.then((code) => {
      clearInterval(poll);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
}

function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
    }).on('error', reject);
  });
}

describe('zhijian editor', () => {
  const dir = fixtureDir({ 'a.json': PACK, 'chats.csv': 'conversation_id,role,text\nc1,agent,您好\n' });
  afterAll(() => dir.cleanup());

  it('is in the command list and has its help', async () => {
    expect((await run(['--help'])).stdout).toMatch(/^ {2}editor +/m);
    const help = await run(['editor', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--packs', '--samples', '--port']) expect(help.stdout).toContain(option);
  });

  it('refuses a bad port or a missing packs folder (exit 2)', async () => {
    const port = await run(['editor', '--port', 'http']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('端口“http”无效');
    const packs = await run(['editor', '--packs', `${dir.dir}/nope`, '--lang', 'en']);
    expect(packs.code).toBe(2);
    expect(packs.stderr).toContain('does not exist');
  });

  describe('running', () => {
    let editor: Started;
    beforeAll(async () => {
      editor = await startEditor(['--packs', dir.dir, '--samples', dir.dir, '--port', '0']);
    });

    it('prints the URL on 127.0.0.1 and serves the API', async () => {
      expect(editor.out()).toMatch(/^规则编辑器已启动：http:\/\/127\.0\.0\.1:\d+\/$/m);
      const r = await getJson(`${editor.url}api/packs`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ packs: [{ name: 'a.json' }], defaultPack: 'a.json' });
    });

    it('says so when the port is taken', async () => {
      const port = new URL(editor.url).port;
      const second = await run(['editor', '--packs', dir.dir, '--port', port]);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`端口 ${port} 已被占用`);
    });

    it('stops cleanly on Ctrl+C / SIGTERM', async () => {
      expect(await editor.stop('SIGINT')).toBe(0);
    });
  });

  it('prints in English with --lang en', async () => {
    const e = await startEditor(['--packs', dir.dir, '--samples', `${dir.dir}/none`, '--port', '0', '--lang', 'en']);
    expect(e.out()).toMatch(/Rule editor running at http:\/\/127\.0\.0\.1:\d+\//);
    await expect.poll(() => e.out()).toContain('does not exist');
    expect(await e.stop()).toBe(0);
  });
});
