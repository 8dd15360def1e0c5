/**
 * Test data made by the test: sample conversations (deterministic), and the phrase the tests add to
 * the standard pack. Nothing here comes from examples/ (other people own it).
 */

/** A phrase no rule of the standard pack flags, said by the agent in conversation `t-003`. */
export const NEW_PHRASE = '催什么催';
export const NEW_PHRASE_CONVERSATION = 't-003';

interface Msg {
  role: 'agent' | 'customer' | 'system';
  text: string;
  ts: string;
  speaker?: string;
}

export interface SampleConv {
  id: string;
  channel: 'chat';
  messages: Msg[];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUSTOMER = [
  '在吗？我买的{p}什么时候发货',
  '订单号{o}，物流一直没更新',
  '这个{p}有没有优惠',
  '收到的{p}有点问题，能换吗',
  '我要退货，质量太差了',
  '怎么还没到啊，都三天了',
  '可以开发票吗',
  '尺码偏小吗？我平时穿M',
  '再不处理我就投诉了',
  '好的，谢谢',
];
const AGENT = [
  '亲，您好，很高兴为您服务',
  '您好，请问有什么可以帮您',
  '帮您核实一下，请稍等',
  '{p}今天下午就会发出，请您放心',
  '非常抱歉给您带来不便，我们马上为您处理',
  '可以的，下单时备注发票抬头就好',
  '建议您拍大一码哦',
  '已经为您登记换货，快递员会上门取件',
  '物流显示已到达您所在的城市，预计明天送达',
  '还有其他可以帮您的吗？',
];
const VIOLATIONS = ['难道不是您自己选的吗', '这个没办法处理', '你不会自己看吗', '加我微信聊吧', '说过很多遍了'];
const PRODUCTS = ['羽绒服', '保温杯', '蓝牙耳机', '运动鞋', '电饭煲', '床上四件套'];

function fill(text: string, random: () => number): string {
  return text
    .replace('{p}', PRODUCTS[Math.floor(random() * PRODUCTS.length)]!)
    .replace('{o}', String(10_000_000 + Math.floor(random() * 89_999_999)));
}

function stamp(base: number, seconds: number): string {
  // Beijing time with its offset, e.g. 2024-06-18T10:02:11+08:00
  const d = new Date(base + seconds * 1000 + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

/** `count` conversations t-001…, ~12 messages each; t-003 contains NEW_PHRASE. */
export function makeConversations(count: number, seed = 7): SampleConv[] {
  const random = rng(seed);
  const base = Date.UTC(2024, 5, 18, 2, 0, 0); // 10:00 Beijing
  const out: SampleConv[] = [];
  for (let n = 1; n <= count; n++) {
    const id = `t-${String(n).padStart(3, '0')}`;
    const messages: Msg[] = [];
    let t = n * 600;
    const turns = 5 + Math.floor(random() * 3);
    for (let i = 0; i < turns; i++) {
      messages.push({ role: 'customer', text: fill(CUSTOMER[Math.floor(random() * CUSTOMER.length)]!, random), ts: stamp(base, t) });
      t += 20 + Math.floor(random() * 90);
      let agent = i === 0 ? AGENT[Math.floor(random() * 2)]! : fill(AGENT[2 + Math.floor(random() * (AGENT.length - 2))]!, random);
      if (i === 2 && random() < 0.25) agent = VIOLATIONS[Math.floor(random() * VIOLATIONS.length)]!;
      if (id === NEW_PHRASE_CONVERSATION && i === 2) agent = `${NEW_PHRASE}，已经在处理了`;
      messages.push({ role: 'agent', text: agent, ts: stamp(base, t), speaker: '小美' });
      t += 30 + Math.floor(random() * 120);
    }
    out.push({ id, channel: 'chat', messages });
  }
  return out;
}

export function toJsonl(conversations: readonly SampleConv[]): string {
  return conversations.map((c) => JSON.stringify(c)).join('\n') + '\n';
}

export function toCsv(conversations: readonly SampleConv[]): string {
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = ['conversation_id,timestamp,role,speaker,text'];
  for (const c of conversations) for (const m of c.messages) rows.push([c.id, m.ts, m.role, m.speaker ?? '', m.text].map(q).join(','));
  return rows.join('\n') + '\n';
}
