/**
 * Every string the CLI shows, in Chinese (the default). `en.ts` is typed against this table, so a
 * string missing there fails type-checking. Machine-readable output (JSON, CSV headers) is not here.
 */
export const zh = {
  // ---- program ----
  programSummary: 'zhijian（质检）：按规则包为客服会话打分。',
  usageLabel: '用法：',
  commandsLabel: '命令：',
  optionsLabel: '选项：',
  exitCodesLabel: '退出码：',
  examplesLabel: '示例：',
  programUsage: 'zhijian <命令> [选项]',
  programOptions: [
    ['--version, -v', '显示版本号'],
  ] as Array<[string, string]>,
  programFooter: '查看某个命令的帮助：zhijian help <命令> 或 zhijian <命令> --help',

  commonOptions: [
    ['--lang zh|en', '界面与扣分说明的语言（默认中文；环境变量 LANG=en* 时为英文）'],
    ['--help, -h', '显示帮助'],
  ] as Array<[string, string]>,

  // ---- commands ----
  helpSummary: '显示程序或某个命令的帮助',
  helpUsage: 'zhijian help [命令]',

  scoreSummary: '按规则包为会话打分（CSV / JSONL / JSON，流式处理）',
  scoreUsage: 'zhijian score <文件...|-> --pack <规则包.json> [选项]',
  scoreDescription:
    '逐个读取输入文件（“-”表示标准输入），每读完一个会话就立即打分并输出，内存占用与会话数量无关。\n' +
    '输入格式按扩展名判断（.csv、.jsonl/.ndjson、.json），标准输入和其他扩展名按内容识别。\n' +
    '输入中的问题（如格式错误的行）输出到标准错误，形如“文件:行号: 说明”，其余会话照常打分。',
  scoreOptions: [
    ['--pack, -p <文件>', '规则包（JSON），必填'],
    ['--format, -f <格式>', '输出格式：table（默认，供人阅读）、json、jsonl、csv（带 BOM，可直接用 Excel 打开）'],
    ['--tz <时区>', '不带时区的时间按此 IANA 时区解读，并用于判断工作时间（默认 Asia/Shanghai）'],
    ['--strict', '输入中有任何问题时以退出码 2 结束（其余会话仍会打分）'],
    ['--fail-under <分数>', '有会话得分低于该分数时以退出码 1 结束'],
  ] as Array<[string, string]>,
  scoreExitCodes: [
    ['0', '成功'],
    ['1', '有会话得分低于 --fail-under'],
    ['2', '用法错误、规则包无效、文件无法读取、没有读到任何会话，或（--strict 时）输入有问题'],
  ] as Array<[string, string]>,
  scoreExamples: [
    'zhijian score examples/chats.csv --pack rule-packs/ecommerce-chat.zh.json',
    'zhijian score a.jsonl b.csv -p pack.json --format jsonl > results.jsonl',
    'cat chats.jsonl | zhijian score - -p pack.json --fail-under 60',
  ],

  schemaSummary: '输出 JSON Schema（规则包或会话格式）',
  schemaUsage: 'zhijian schema pack|conversation',
  schemaDescription: 'pack：规则包的 JSON Schema（由已注册的规则类型生成）；conversation：会话输入格式的 JSON Schema。',

  // ---- usage errors ----
  unknownCommand: (name: string) => `未知命令“${name}”。`,
  noCommand: '缺少命令。',
  unknownOption: (flag: string) => `未知选项“${flag}”。`,
  optionNeedsValue: (flag: string) => `选项“${flag}”需要一个值。`,
  optionTakesNoValue: (flag: string) => `选项“${flag}”不接受值。`,
  unexpectedArgument: (arg: string) => `多余的参数“${arg}”。`,
  badArguments: (detail: string) => `参数有误：${detail}`,
  seeHelp: (command: string) => `运行 zhijian help ${command} 查看用法。`,
  invalidChoice: (flag: string, value: string, choices: string) => `选项 ${flag} 的值“${value}”无效（可用：${choices}）。`,
  invalidTimeZone: (value: string) => `时区“${value}”无效（应为 IANA 时区名，如 Asia/Shanghai）。`,
  invalidNumber: (flag: string, value: string) => `选项 ${flag} 需要一个数字，而不是“${value}”。`,
  missingPack: '缺少 --pack <规则包.json>。',
  missingInputs: '缺少输入文件（用“-”表示标准输入）。',
  stdinTwice: '标准输入“-”只能出现一次。',
  schemaTarget: '请指定 pack 或 conversation。',

  // ---- files and packs ----
  fileUnreadable: (file: string, reason: string) => `${file}: 无法读取：${reason}`,
  isDirectory: '这是一个目录',
  notFound: '文件不存在',
  noPermission: '没有读取权限',
  packInvalidJson: (file: string, reason: string) => `${file}: 不是有效的 JSON：${reason}`,
  packWarning: '警告',
  packError: '错误',
  packSummary: '检查规则包（lint）或运行规则包自带的样例（test）',
  packUsage: 'zhijian pack lint|test <规则包.json...> [--plugin <插件>]',
  packDescription:
    'lint：静态检查规则包——模式校验、编译错误、同一短语既被要求又被禁止、重复或被覆盖的短语、永不扣分的规则、\n' +
    '超出类别上限的 maxFindings、无法编译或可能灾难性回溯的正则、自身触犯禁语/高压线的标准话术、空短语列表、\n' +
    '没有说明的人工项。每个问题带 JSON 指针。\n' +
    'test：运行每条规则的 examples（应命中 / 不应命中），逐条报告失败的样例。',
  packExitCodes: [
    ['0', 'lint 无错误（可有警告）；test 全部通过'],
    ['1', 'test：有样例未通过'],
    ['2', '用法错误、文件无法读取、lint 发现错误或规则包无效'],
  ] as Array<[string, string]>,
  packExamples: ['zhijian pack lint rule-packs/*.json', 'zhijian pack test rule-packs/ecommerce-chat.zh.json'],
  packAction: '请指定 lint 或 test',
  missingPacks: '请至少指定一个规则包文件',
  lintFileSummary: (file: string, errors: number, warnings: number, allowed: number) =>
    `${file}：${errors} 个错误，${warnings} 个警告${allowed > 0 ? `（另有 ${allowed} 个警告已由规则包说明理由并确认）` : ''}`,
  lintSummary: (files: number, errors: number, warnings: number) => `共检查 ${files} 个规则包：${errors} 个错误，${warnings} 个警告`,
  exampleFailed: (ruleId: string, index: number, expect: string, what: string, problem: string) =>
    `规则 ${ruleId} 的样例 #${index}${what}（期望${expect === 'fires' ? '命中' : '不命中'}）未通过：${problem}`,
  packTestFileSummary: (file: string, passed: number, failed: number, rules: number) => `${file}：${rules} 条规则的样例，通过 ${passed}，失败 ${failed}`,
  packTestSummary: (passed: number, failed: number) => `样例合计：通过 ${passed}，失败 ${failed}`,
  pluginOptions: [['--plugin <路径|包名>', '加载提供规则类型的插件（可重复；也可写在 zhijian.config.json 的 plugins 中）']] as Array<[string, string]>,
  configInvalid: (file: string, reason: string) => `${file}: 配置无效：${reason}`,
  pluginUnloadable: (spec: string, reason: string) => `插件 ${spec} 无法加载：${reason}`,
  pluginInvalid: (spec: string, reason: string) => `插件 ${spec} 无效：${reason}`,
  formatUnknown: (file: string) => `${file}: 无法识别输入格式（应为 CSV、JSONL 或 JSON）。`,
  notUtf8: (file: string) => `${file}: 不是 UTF-8 编码（Excel 默认另存为 GBK：请选择“CSV UTF-8”格式），无法识别的字节显示为 �。`,
  nothingRead: '没有读到任何会话。',
  problemsSummary: (n: number) => `输入中有 ${n} 处问题（见上）。`,
  strictFailed: '使用了 --strict，而输入中有问题。',
  failUnder: (n: number, threshold: number) => `${n} 个会话得分低于 ${threshold}。`,
  internalError: '内部错误（这是 zhijian 的缺陷，请附上以下信息报告）：',
  stdinName: '<标准输入>',

  // ---- progress (stderr, TTY only) ----
  progress: (n: string, rate: string) => `已打分 ${n} 个会话（${rate} 个/秒）…`,

  // ---- table output ----
  conversationLabel: '会话',
  agentLabel: '客服',
  scoreLabel: '得分',
  gradeLabel: '等级',
  vetoedMark: '一票否决',
  tagsLabel: '标签',
  notesLabel: '备注：',
  noFindings: '无扣分项',
  pendingMark: '待复核',
  vetoMark: '否决',
  manualMark: '人工',
  messageShort: '#',
  summary: (n: number, average: string, grades: string) => `共 ${n} 个会话，平均分 ${average}；${grades}`,
  summaryNone: '共 0 个会话。',
  gradeCount: (grade: string, n: number) => `${grade} ${n}`,
  listSeparator: '，',
  vetoedCount: (n: number) => `其中一票否决 ${n}`,

  // ---- editor (zhijian editor) ----
  editorSummary: '在浏览器中编辑规则包，并在样例会话上实时预览打分',
  editorUsage: 'zhijian editor [--packs <目录>] [--samples <目录>] [--port <端口>]',
  editorDescription:
    '在 127.0.0.1 上启动本地服务，打开输出的网址即可编辑规则包：JSON Schema 补全与校验、大纲、问题列表，\n' +
    '以及用样例会话实时预览得分和扣分项（与已保存版本对比）。保存前会校验规则包，无效的规则包不会写入；\n' +
    '写入是原子的，上一版本保存在 <目录>/.zhijian/history/ 中；文件在打开后被其他程序修改时拒绝覆盖。',
  editorOptions: [
    ['--packs <目录>', '规则包目录（默认 rule-packs），只读写其中的 .json 文件'],
    ['--samples <目录>', '样例会话目录（默认 examples），读取其中的 CSV / JSONL / JSON 文件'],
    ['--port <端口>', '端口（默认 5178；0 表示任选一个空闲端口）'],
  ] as Array<[string, string]>,
  editorExamples: ['zhijian editor', 'zhijian editor --packs my-packs --samples data/chats --port 8080'],
  editorInvalidPort: (value: string) => `端口“${value}”无效（应为 0–65535 的整数）。`,
  editorPacksMissing: (dir: string) => `规则包目录 ${dir} 不存在（用 --packs 指定）。`,
  editorPortInUse: (port: number) => `端口 ${port} 已被占用（用 --port 指定其他端口，或 --port 0 任选）。`,
  editorPortDenied: (port: number) => `没有权限监听端口 ${port}。`,
  editorListening: (url: string) => `规则编辑器已启动：${url}`,
  editorPacksDir: (dir: string) => `规则包目录：${dir}`,
  editorSamplesDir: (dir: string) => `样例目录：${dir}`,
  editorNoSamples: (dir: string) => `样例目录 ${dir} 不存在：预览中没有样例，可在页面中拖入 CSV / JSONL 文件。`,
  editorNotBuilt: '编辑器页面尚未构建（缺少 apps/editor/dist）：请先运行 pnpm build。',
  editorStop: '按 Ctrl+C 停止。',
};

export type Strings = typeof zh;
