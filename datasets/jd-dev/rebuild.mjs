#!/usr/bin/env node
/**
 * Rebuilds the JD development set (data/jd/dev.csv) from the public corpora, which are NOT in this
 * repository (their text is third-party): only the ids (ids.json), the labels (labels.json) and
 * this script are. Node >= 20, no dependencies.
 *
 *   node datasets/jd-dev/rebuild.mjs --jddc <path> --csds <path> [--ids ids.json] [--out data/jd/dev.csv]
 *   node datasets/jd-dev/rebuild.mjs --jddc <path> --csds <path> --ids holdout-ids.json --out data/jd/holdout.csv
 *   node datasets/jd-dev/rebuild.mjs --select --jddc <path> --csds <path> [--seed N] [--jddc-count N] [--csds-count N] [--exclude ids.json,...]
 *
 * <path> is either a git directory of the corpus repository (a bare mirror or a `.git`), read
 * with `git show HEAD:<file>`, or the extracted files:
 *   --jddc  EndlessLethe/jddc2019-3th-retrieve-model: data/chat_0.1per.txt (or the file itself)
 *   --csds  xiaolinAndy/TODS: data/CSDS/topic/{val,test}.json (or a folder holding val.json and test.json)
 *
 * --select re-draws the sample and prints ids.json (the committed ids are the authority: a
 * rebuild never re-draws). See README.md for the selection and the CSV written.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const JDDC_FILE = 'data/chat_0.1per.txt';
const CSDS_FILES = { val: 'data/CSDS/topic/val.json', test: 'data/CSDS/topic/test.json' };

/** CSDS anonymisation placeholders written as JDDC writes them ([数字] -> [数字x]): otherwise `[` + CJK + `]` reads as an emoticon code. */
const CSDS_PLACEHOLDERS = ['数字', '订单编号', '姓名', '地址', '金额', '站点', '电话', '时间', '组织机构', '日期', '邮箱', '身份证号', '价保金额(单件)', '商品快照'];

function args(argv) {
  const out = { select: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--select') out.select = true;
    else if (a.startsWith('--')) {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      out[a.slice(2)] = v;
    } else fail(`unexpected argument ${a}`);
  }
  return out;
}

function fail(message) {
  process.stderr.write(`rebuild: ${message}\n`);
  process.exit(2);
}

function isGitDir(p) {
  return existsSync(join(p, 'HEAD')) && existsSync(join(p, 'objects'));
}

/** The text of `file` in the corpus at `path` (git dir, checkout, folder or the file itself). */
function readCorpusFile(path, file, fallbackName) {
  const p = resolve(path);
  if (!existsSync(p)) fail(`${path}: not found`);
  if (statSync(p).isFile()) return readFileSync(p, 'utf8');
  const gitDir = isGitDir(p) ? p : isGitDir(join(p, '.git')) ? join(p, '.git') : undefined;
  if (gitDir && !existsSync(join(p, file))) {
    return execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${file}`], { encoding: 'utf8', maxBuffer: 1 << 30 });
  }
  for (const candidate of [join(p, file), join(p, fallbackName)]) if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
  fail(`${path}: neither ${file} nor ${fallbackName} found`);
}

/** JDDC: tab-separated rows (session, customer id, waiter_send 0/1, transfer 0/1, repeat 0/1, sku, text). */
function readJddc(path) {
  const sessions = new Map();
  for (const line of readCorpusFile(path, JDDC_FILE, 'chat_0.1per.txt').split('\n')) {
    if (line.trim() === '') continue;
    const cols = line.replace(/\r$/, '').split('\t');
    if (cols.length < 7) fail(`JDDC: unexpected row: ${line.slice(0, 80)}`);
    const [session, , waiter, transfer] = cols;
    const text = cols.slice(6).join('\t');
    const list = sessions.get(session) ?? [];
    list.push({ role: waiter === '1' ? 'agent' : 'customer', speaker: waiter === '1' ? '客服' : '顾客', text, transferred: transfer === '1' ? '1' : '' });
    sessions.set(session, list);
  }
  return [...sessions].map(([key, messages]) => ({ id: `jddc-${key}`, corpus: 'jddc2019', key, messages }));
}

function csdsKey(dialogue) {
  return createHash('sha1').update(dialogue, 'utf8').digest('hex').slice(0, 16);
}

function csdsText(t) {
  let out = t;
  for (const p of CSDS_PLACEHOLDERS) out = out.replaceAll(`[${p}]`, `[${p}x]`);
  return out;
}

/** CSDS (TODS topic split): one entry per (dialogue, topic); dialogues deduplicated by their text. */
function readCsds(path) {
  const seen = new Set();
  const out = [];
  for (const [split, file] of Object.entries(CSDS_FILES)) {
    const entries = JSON.parse(readCorpusFile(path, file, `${split}.json`));
    for (const e of entries) {
      const key = csdsKey(e.Dialogue);
      if (seen.has(key)) continue;
      seen.add(key);
      const messages = e.Dialogue.split('[SEP][CLS]').map((turn) => {
        const at = turn.indexOf(':');
        const speaker = at >= 0 ? turn.slice(0, at) : '';
        const text = at >= 0 ? turn.slice(at + 1) : turn;
        // 客服 is the agent; 用户 (a buyer), 商家 (a merchant) and 物流师傅 (a courier) all contact JD's service.
        return { role: speaker === '客服' ? 'agent' : 'customer', speaker, text: csdsText(text), transferred: '' };
      });
      out.push({ id: `csds-${key}`, corpus: 'csds', split, key, messages });
    }
  }
  return out;
}

/** mulberry32: a small, well-known 32-bit PRNG, so the draw is reproducible in any language. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first n of a Fisher-Yates shuffle of `items` (in corpus order) driven by `random`. */
function draw(items, n, random) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

function csvField(s) {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function main() {
  const o = args(process.argv.slice(2));
  if (!o.jddc || !o.csds) fail('usage: rebuild.mjs [--select] --jddc <path> --csds <path> [--out file]');
  const jddc = readJddc(o.jddc);
  const csds = readCsds(o.csds);

  if (o.select) {
    const seed = Number(o.seed ?? 20250617);
    const random = mulberry32(seed);
    // --exclude: conversations of an earlier draw (the development set) are not drawn again.
    const excluded = new Set((o.exclude ?? '').split(',').filter(Boolean).flatMap((f) => JSON.parse(readFileSync(resolve(f), 'utf8')).conversations.map((c) => c.id)));
    const pool = (list) => list.filter((c) => !excluded.has(c.id));
    const picked = [...draw(pool(jddc), Number(o['jddc-count'] ?? 60), random), ...draw(pool(csds), Number(o['csds-count'] ?? 60), random)];
    const ids = {
      seed,
      method: 'mulberry32(seed); Fisher-Yates shuffle of the JDDC sessions in file order, first jddcCount; then, continuing the same generator, of the deduplicated CSDS dialogues (val then test, file order), first csdsCount',
      jddcCount: Number(o['jddc-count'] ?? 60),
      csdsCount: Number(o['csds-count'] ?? 60),
      ...(o.exclude ? { excluded: o.exclude } : {}),
      conversations: picked.map((c) => ({ id: c.id, corpus: c.corpus, ...(c.split ? { split: c.split } : {}), key: c.key })),
    };
    process.stdout.write(`${JSON.stringify(ids, null, 2)}\n`);
    return;
  }

  const ids = JSON.parse(readFileSync(o.ids ? resolve(o.ids) : join(here, 'ids.json'), 'utf8'));
  const byId = new Map([...jddc, ...csds].map((c) => [c.id, c]));
  const rows = ['conversation_id,role,speaker,text,transferred'];
  let missing = 0;
  for (const { id } of ids.conversations) {
    const c = byId.get(id);
    if (!c) {
      process.stderr.write(`rebuild: ${id} not found in the corpora given\n`);
      missing++;
      continue;
    }
    for (const m of c.messages) rows.push([id, m.role, m.speaker, m.text, m.transferred].map(csvField).join(','));
  }
  const out = resolve(o.out ?? join(here, '../../data/jd/dev.csv'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${rows.join('\n')}\n`);
  process.stderr.write(`rebuild: wrote ${ids.conversations.length - missing} conversations, ${rows.length - 1} messages to ${out}\n`);
  if (missing > 0) process.exit(1);
}

main();
