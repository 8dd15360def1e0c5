/**
 * The small vocabulary shared by generated packs and generated conversations, so that generated
 * rules actually fire. Mostly words of the standard pack (rule-packs/ecommerce-chat.zh.json), with
 * near misses (exceptions, negated forms) and neutral fillers. All Simplified and half-width: the
 * Traditional, full-width and spaced forms are produced by the variant helpers in text.ts.
 */

/** Words a rule may list (phrases, exceptions, triggers, responses). */
export const PHRASES = [
  // greetings
  '您好', '你好', '欢迎', '在的', '在呢', '很高兴为您服务',
  // forbidden phrases, shirking
  '你烦不烦', '听不懂吗', '说过很多遍了', '难道不是', '没办法处理', '帮不了您', '不归我管', '你去找快递',
  // complaints and their exceptions
  '投诉', '差评', '12315', '315', '曝光', '举报', '工商银行', '差评率',
  // negative emotion
  '生气', '垃圾', '失望', '骗子', '无语',
  // soothing and care
  '抱歉', '对不起', '不好意思', '理解您', '消消气', '严重吗', '还好吗', '注意安全',
  // refund intent, retention
  '要退', '退款吧', '不想要了', '想取消', '需要退货吗', '换货', '补发', '优惠券', '重新下单',
  // follow-up promises
  '稍后回复', '帮您核实', '核实了', '给您回电',
  // transfers
  '转接', '已转接', '转接至', '同事', '专员',
  // safety
  '受伤', '过敏', '医院', '电脑中毒',
  // deflection, bare acknowledgements
  '你去投诉', '投诉电话是', '嗯', '好的', '可以',
  // proxy promises
  '之前的客服会', '小美客服会帮你', '我们客服会',
  // abuse and its exceptions
  '神经病', '滚', '你滚', '滚动', '爱买不买', '有病吧', '病史',
  // off-platform
  '加微信', 'vx', 'wx', 'QQ号', '直接转给我', '直接转给我们',
  // questions
  '吗', '什么时候', '多少', '怎么', '？', '?',
  // stock formulas
  '还有其他', '请稍等', '祝您',
  // misc content
  '发货', '快递', '订单', '亲',
] as const;

/** Negators and fillers, to produce negated hits (不会给差评, 不能加微信). */
export const NEGATORS = ['不', '没', '不会', '不想', '不要', '不用', '别', '不是', '不能', '没办法', '无法'] as const;
export const FILLERS = ['给', '给您', '去', '要', '再', '太', '会', '想', '你', '您'] as const;

/** Neutral words that fire nothing in the standard pack. */
export const NEUTRAL = ['的', '了', '这个', '商品', '我们', '马上', '今天', '明天', '已经', '颜色', '尺码', '地址', '谢谢', '麻烦', '一下'] as const;

/** Text with numbers: mobile numbers (some masked), an ID number, order numbers, prices, dates. */
export const NUMBERS = [
  '13812345678',
  '138 1234 5678',
  '+86 139-1234-5678',
  '138****1234',
  '一三八一二三四五六七八九',
  '11010519491231002X',
  '110105194912310021',
  '订单号123456789012345678',
  '12163154',
  '48小时',
  '24小时',
  '3-5天',
  '三到五天',
  '199减20',
  '7天',
] as const;

/** The standard pack's scripts, and copies with a changed number (crisis.script-modified). */
export const SCRIPTS = [
  { id: 'ship-48h', text: '亲，本店默认48小时内发货，节假日顺延哦~' },
  { id: 'return-7d', text: '亲，本店支持7天无理由退换货，请保持商品完好不影响二次销售哦~' },
  { id: 'promo-199', text: '亲，活动期间全场满199减20，优惠可叠加店铺券哦~' },
  { id: 'express-3-5', text: '亲，快递一般3-5天送达，偏远地区会稍慢一些，请您耐心等待~' },
] as const;
export const SCRIPT_COPIES = [
  '亲，本店默认48小时内发货，节假日顺延哦~',
  '本店默认24小时内发货，节假日顺延哦',
  '亲亲，本店支持15天无理由退换货，请保持商品完好不影响二次销售哦~',
  '活动期间全场满299减20，优惠可叠加店铺券哦',
  '您好，快递一般3到5天送达，偏远地区会稍慢一些，请您耐心等待',
] as const;

/** Emoji (astral, modifiers, ZWJ sequences, variation selectors), emoticon codes, media placeholders. */
export const EMOJI = ['😀', '👍', '👍🏽', '👨‍👩‍👧', '❤️', '🙏', '1️⃣'] as const;
export const EMOTICONS = ['[微笑]', '[流泪]', '/:^_^', '/:8-)', '#E-s01', '[图片]', '[数字x]'] as const;
export const PUNCTUATION = ['，', '。', '！', '？', '~', '～', '、', '…', '!', ',', '.', '"', '（', '）'] as const;
/** Astral Han characters (UTF-16 surrogate pairs) and other non-BMP text. */
export const ASTRAL = ['𠮷', '𩸽', '𠀀', '𝐀'] as const;
export const ASCII_WORDS = ['hi', 'hello', 'OK', 'ok', 'Vx', 'WX', 'abc', 'item.jd.com/7131530'] as const;
/** Whitespace and invisible characters. */
export const SPACES = [' ', '  ', '\n', '\t', '\u3000', '\u200b'] as const;
/** Traditional and full-width text as it arrives in real chats (not only via the variants). */
export const ALREADY_VARIANT = ['對不起', '投訴', '謝謝', '請問', '發貨', 'ＶＸ', '１２３１５', '加 微 信', '投 诉'] as const;

/** Literal regular expressions (flags gu, on normalised text) a generated pack may use: all safe, none matches ''. */
export const SAFE_REGEXES = [
  { regex: '投诉|差评' },
  { regex: '\\d{5}' },
  { regex: '退(?:款|货)' },
  { regex: '(?:加|添)微信' },
  { regex: '(?:(?![我们本的])\\p{sc=Han}){1,4}客服会帮你' },
  { regex: '(?<=^|[^\\p{sc=Han}]|好)亲(?=$|[^\\p{sc=Han}]|[亲爱])', spaced: true },
  { regex: '滚(?![动筒轮烫珠])' },
  { regex: '[?？]' },
  { regex: '1[3-9]\\d{9}' },
] as const;

/** Time zones used by the arbitraries: fixed-offset ones first, then zones with DST. */
export const FIXED_OFFSET_ZONES = ['Asia/Shanghai', 'Asia/Tokyo', 'UTC', 'Asia/Kolkata', 'Asia/Kathmandu'] as const;
export const DST_ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney'] as const;
export const TIME_ZONES = [...FIXED_OFFSET_ZONES, ...DST_ZONES] as const;
