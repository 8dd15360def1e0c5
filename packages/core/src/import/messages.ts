/**
 * Import problem messages, keyed by ImportProblem.code, with `{param}` placeholders.
 * `at.*` keys build the location prefix ("orders.csv 第 12 行：" / "orders.csv line 12: ").
 */
const zh = {
  'at.line': '第 {line} 行',
  'at.pointer': '{pointer}',
  'at.root': '（根）',
  'at.sep': '：',

  'import.bad-timezone': '时区“{timeZone}”无效（应为 IANA 时区名，如 Asia/Shanghai），未读取任何数据。',

  'csv.empty': '文件为空或没有表头行，未读取任何数据。',
  'csv.missing-column': '表头缺少必需的列“{column}”（必需列：conversation_id、role、text），未读取任何数据。',
  'csv.duplicate-column': '表头中的列“{column}”重复出现（第 {position} 列），只使用第一次出现的那一列。',
  'csv.unclosed-quote': '引号未闭合：从这一行开始直到文件末尾（第 {endLine} 行）都被当作同一个字段，该记录已跳过。',
  'csv.invalid-quote': '引号格式错误（带引号的字段内的双引号要写成两个 ""），该行已跳过。',
  'csv.field-count': '该行有 {actual} 个字段，而表头有 {expected} 列（含逗号或换行的字段需要用双引号括起来），该行已跳过。',
  'csv.missing-id': '缺少会话 ID（conversation_id），该行已跳过。',
  'csv.missing-role': '缺少角色（role），该行已跳过。',
  'csv.unknown-role': '无法识别的角色“{value}”（可用：{allowed}），该行已跳过。',
  'csv.bad-timestamp': '{column} 列的时间“{value}”无法解析（支持带时区的 ISO 8601、YYYY-MM-DD HH:mm:ss 或毫秒时间戳），该行已跳过。',
  'csv.unknown-kind': '无法识别的消息类型“{value}”（可用：{allowed}），该行已跳过。',
  'csv.unknown-channel': '无法识别的渠道“{value}”（可用：{allowed}），该行已跳过。',
  'csv.non-contiguous':
    '会话“{id}”的行不连续：第 {firstLine} 行起已读过该会话，中间夹着其他会话。同一会话的行必须排在一起；从这一行起的连续各行作为单独的会话“{newId}”读取。',
  'csv.id-collision': '会话 ID“{id}”与之前自动生成的会话 ID 相同，改为“{newId}”读取。',

  'jsonl.invalid-json': 'JSON 格式错误：{reason}，该行已跳过。',

  'json.empty': '文件为空，未读取任何数据。',
  'json.invalid-json': 'JSON 格式错误：{reason}，未读取任何数据。',
  'json.bad-root': '顶层应为会话对象、会话数组或 {"conversations": [...]}，实际是 {type}，未读取任何数据。',
  'json.bad-timestamp': '时间“{value}”无效（日期或时刻超出范围），该会话已跳过。',
  'json.bad-timezone': '时区“{value}”无效（应为 IANA 时区名，如 Asia/Shanghai），该会话已跳过。',
  'json.duplicate-id': '会话 ID“{id}”重复，改为“{newId}”读取。',

  'schema.required': '缺少必填字段“{field}”，该会话已跳过。',
  'schema.type': '类型错误：应为 {expected}，该会话已跳过。',
  'schema.enum': '取值“{value}”无效（可用：{allowed}），该会话已跳过。',
  'schema.timestamp': '时间“{value}”的格式无法识别（支持带时区的 ISO 8601、YYYY-MM-DD HH:mm:ss 或毫秒时间戳），该会话已跳过。',
  'schema.empty': '不能为空字符串，该会话已跳过。',
  'schema.invalid': '不符合会话格式：{reason}，该会话已跳过。',
} as const;

export type ImportMessageCode = keyof typeof zh;

const en: Record<ImportMessageCode, string> = {
  'at.line': 'line {line}',
  'at.pointer': '{pointer}',
  'at.root': '(root)',
  'at.sep': ': ',

  'import.bad-timezone': 'Invalid time zone "{timeZone}" (expected an IANA name such as Asia/Shanghai); nothing was read.',

  'csv.empty': 'The file is empty or has no header row; nothing was read.',
  'csv.missing-column': 'The header lacks the required column "{column}" (required: conversation_id, role, text); nothing was read.',
  'csv.duplicate-column': 'Column "{column}" appears again in the header (column {position}); only its first occurrence is used.',
  'csv.unclosed-quote':
    'Unclosed quote: everything from this line to the end of the file (line {endLine}) reads as one field; the record was skipped.',
  'csv.invalid-quote': 'Malformed quotes (a quote inside a quoted field must be doubled: ""); the row was skipped.',
  'csv.field-count':
    'The row has {actual} fields but the header has {expected} columns (fields with commas or line breaks must be quoted); the row was skipped.',
  'csv.missing-id': 'Missing conversation id (conversation_id); the row was skipped.',
  'csv.missing-role': 'Missing role; the row was skipped.',
  'csv.unknown-role': 'Unknown role "{value}" (use {allowed}); the row was skipped.',
  'csv.bad-timestamp':
    'Cannot read the {column} "{value}" (use ISO 8601 with an offset, YYYY-MM-DD HH:mm:ss or epoch milliseconds); the row was skipped.',
  'csv.unknown-kind': 'Unknown message kind "{value}" (use {allowed}); the row was skipped.',
  'csv.unknown-channel': 'Unknown channel "{value}" (use {allowed}); the row was skipped.',
  'csv.non-contiguous':
    'Rows of conversation "{id}" are not contiguous: it was already read from line {firstLine} and other conversations came in between. Rows of one conversation must be grouped together; the run of rows starting here is read as a separate conversation "{newId}".',
  'csv.id-collision': 'Conversation id "{id}" equals an id generated earlier; it is read as "{newId}".',

  'jsonl.invalid-json': 'Invalid JSON: {reason}; the line was skipped.',

  'json.empty': 'The file is empty; nothing was read.',
  'json.invalid-json': 'Invalid JSON: {reason}; nothing was read.',
  'json.bad-root': 'The top level must be a conversation, an array of conversations or {"conversations": [...]}, not {type}; nothing was read.',
  'json.bad-timestamp': 'Invalid time "{value}" (date or time of day out of range); the conversation was skipped.',
  'json.bad-timezone': 'Invalid time zone "{value}" (expected an IANA name such as Asia/Shanghai); the conversation was skipped.',
  'json.duplicate-id': 'Duplicate conversation id "{id}"; it is read as "{newId}".',

  'schema.required': 'Missing required property "{field}"; the conversation was skipped.',
  'schema.type': 'Wrong type: expected {expected}; the conversation was skipped.',
  'schema.enum': 'Invalid value "{value}" (use {allowed}); the conversation was skipped.',
  'schema.timestamp':
    'Unrecognised time format "{value}" (use ISO 8601 with an offset, YYYY-MM-DD HH:mm:ss or epoch milliseconds); the conversation was skipped.',
  'schema.empty': 'Must not be an empty string; the conversation was skipped.',
  'schema.invalid': 'Does not match the conversation format: {reason}; the conversation was skipped.',
};

export const importMessages = { zh, en } as const;

const PLACEHOLDER = /\{(\w+)\}/g;
const MAX_PARAM_CHARS = 80;

function show(v: string | number): string {
  const s = String(v);
  return s.length > MAX_PARAM_CHARS ? `${s.slice(0, MAX_PARAM_CHARS)}…` : s;
}

/** Fill a message template; unknown placeholders stay as written, long values are shortened. */
export function renderImportMessage(
  lang: 'zh' | 'en',
  code: string,
  params: Readonly<Record<string, string | number>>,
): string {
  const table: Readonly<Record<string, string>> = importMessages[lang] ?? importMessages.zh;
  const template = table[code] ?? code;
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    const v = params[key];
    return v === undefined ? whole : show(v);
  });
}
