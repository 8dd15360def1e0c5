/** English strings of the CLI: typed against the Chinese table, so every key must be here. */
import type { Strings } from './zh.js';

export const en: Strings = {
  // ---- program ----
  programSummary: 'zhijian (客服质检): score customer-service conversations against rule packs.',
  usageLabel: 'Usage: ',
  commandsLabel: 'Commands:',
  optionsLabel: 'Options:',
  exitCodesLabel: 'Exit codes:',
  examplesLabel: 'Examples:',
  programUsage: 'zhijian <command> [options]',
  programOptions: [
    ['--version, -v', 'show the version'],
  ],
  programFooter: 'Help on a command: zhijian help <command> or zhijian <command> --help',

  commonOptions: [
    ['--lang zh|en', 'language of the interface and of findings (Chinese by default; English when LANG=en*)'],
    ['--help, -h', 'show help'],
  ],

  // ---- commands ----
  helpSummary: 'show help for the program or a command',
  helpUsage: 'zhijian help [command]',

  scoreSummary: 'score conversations against a rule pack (CSV / JSONL / JSON, streaming)',
  scoreUsage: 'zhijian score <files...|-> --pack <pack.json> [options]',
  scoreDescription:
    'Reads the inputs one after the other ("-" is standard input) and scores and writes each conversation as soon as\n' +
    'it is complete, so memory does not grow with the number of conversations. The input format follows the file\n' +
    'extension (.csv, .jsonl/.ndjson, .json); standard input and other extensions are recognised by their content.\n' +
    'Input problems (such as malformed rows) go to standard error as "file:line: message"; the rest is still scored.',
  scoreOptions: [
    ['--pack, -p <file>', 'the rule pack (JSON), required'],
    ['--format, -f <format>', 'output: table (default, for people), json, jsonl, csv (with a BOM, opens in Excel)'],
    ['--tz <zone>', 'IANA time zone for timestamps without an offset and for working hours (default Asia/Shanghai)'],
    ['--strict', 'exit with 2 when the input has any problem (the rest is still scored)'],
    ['--fail-under <score>', 'exit with 1 when some conversation scores below this'],
  ],
  scoreExitCodes: [
    ['0', 'success'],
    ['1', 'some conversation scored below --fail-under'],
    ['2', 'usage error, invalid pack, unreadable file, no conversation read, or (with --strict) an input problem'],
  ],
  scoreExamples: [
    'zhijian score examples/chats.csv --pack rule-packs/ecommerce-chat.zh.json',
    'zhijian score a.jsonl b.csv -p pack.json --format jsonl > results.jsonl',
    'cat chats.jsonl | zhijian score - -p pack.json --fail-under 60',
  ],

  schemaSummary: 'print a JSON Schema (rule pack or conversation)',
  schemaUsage: 'zhijian schema pack|conversation',
  schemaDescription:
    'pack: the JSON Schema of rule packs (generated from the registered rule types); conversation: the JSON Schema of the conversation input.',

  // ---- usage errors ----
  unknownCommand: (name) => `Unknown command "${name}".`,
  noCommand: 'Missing command.',
  unknownOption: (flag) => `Unknown option "${flag}".`,
  optionNeedsValue: (flag) => `Option "${flag}" needs a value.`,
  optionTakesNoValue: (flag) => `Option "${flag}" takes no value.`,
  unexpectedArgument: (arg) => `Unexpected argument "${arg}".`,
  badArguments: (detail) => `Invalid arguments: ${detail}`,
  seeHelp: (command) => `Run zhijian help ${command} for usage.`,
  invalidChoice: (flag, value, choices) => `Invalid value "${value}" for ${flag} (use ${choices}).`,
  invalidTimeZone: (value) => `Invalid time zone "${value}" (expected an IANA name such as Asia/Shanghai).`,
  invalidNumber: (flag, value) => `${flag} needs a number, not "${value}".`,
  missingPack: 'Missing --pack <pack.json>.',
  missingInputs: 'Missing input files (use "-" for standard input).',
  stdinTwice: 'Standard input "-" may be given only once.',
  schemaTarget: 'Name pack or conversation.',

  // ---- files and packs ----
  fileUnreadable: (file, reason) => `${file}: cannot read: ${reason}`,
  isDirectory: 'it is a directory',
  notFound: 'no such file',
  noPermission: 'permission denied',
  packInvalidJson: (file, reason) => `${file}: not valid JSON: ${reason}`,
  packWarning: 'warning',
  packError: 'error',
  packSummary: 'check a rule pack (lint) or run the examples packs carry (test)',
  packUsage: 'zhijian pack lint|test <pack.json...> [--plugin <plugin>]',
  packDescription:
    'lint: static checks of a pack — schema, compile errors, a phrase one rule requires and another forbids, duplicate or\n' +
    'shadowed phrases, rules that can never cost points, maxFindings above the category cap, regexes that do not compile\n' +
    'or can backtrack catastrophically, standard scripts that trip a forbidden or red-line rule, empty phrase lists,\n' +
    'manual items without guidance. Every problem carries its JSON pointer.\n' +
    'test: runs each rule\'s examples (fires / passes) and reports every failing example.',
  packExitCodes: [
    ['0', 'lint found no error (warnings allowed); test: every example passed'],
    ['1', 'test: some example failed'],
    ['2', 'usage error, unreadable file, lint errors or an invalid pack'],
  ],
  packExamples: ['zhijian pack lint rule-packs/*.json', 'zhijian pack test rule-packs/ecommerce-chat.zh.json'],
  packAction: 'say lint or test',
  missingPacks: 'name at least one pack file',
  lintFileSummary: (file, errors, warnings, allowed) =>
    `${file}: ${errors} error(s), ${warnings} warning(s)${allowed > 0 ? ` (${allowed} more acknowledged by the pack with a reason)` : ''}`,
  lintSummary: (files, errors, warnings) => `${files} pack(s) checked: ${errors} error(s), ${warnings} warning(s)`,
  exampleFailed: (ruleId, index, expect, what, problem) => `example #${index}${what} of ${ruleId} (expected to ${expect === 'fires' ? 'fire' : 'pass'}) failed: ${problem}`,
  packTestFileSummary: (file, passed, failed, rules) => `${file}: examples of ${rules} rule(s), ${passed} passed, ${failed} failed`,
  packTestSummary: (passed, failed) => `examples: ${passed} passed, ${failed} failed`,
  pluginOptions: [['--plugin <path|package>', 'load a plugin that provides rule types (repeatable; or list it under "plugins" in zhijian.config.json)']],
  configInvalid: (file, reason) => `${file}: invalid configuration: ${reason}`,
  pluginUnloadable: (spec, reason) => `plugin ${spec} could not be loaded: ${reason}`,
  pluginInvalid: (spec, reason) => `plugin ${spec} is not valid: ${reason}`,
  formatUnknown: (file) => `${file}: cannot tell the input format (expected CSV, JSONL or JSON).`,
  notUtf8: (file) => `${file}: not UTF-8 (Excel may have saved it as GBK: choose "CSV UTF-8"); undecodable bytes show as �.`,
  nothingRead: 'No conversation could be read.',
  problemsSummary: (n) => `${n} input problem${n === 1 ? '' : 's'} (see above).`,
  strictFailed: '--strict was given and the input has problems.',
  failUnder: (n, threshold) => `${n} conversation${n === 1 ? '' : 's'} scored below ${threshold}.`,
  internalError: 'Internal error (a bug in zhijian; please report it with what follows):',
  stdinName: '<stdin>',

  // ---- progress (stderr, TTY only) ----
  progress: (n, rate) => `scored ${n} conversations (${rate}/s)…`,

  // ---- table output ----
  conversationLabel: 'Conversation',
  agentLabel: 'agent',
  scoreLabel: 'score',
  gradeLabel: 'grade',
  vetoedMark: 'VETOED',
  tagsLabel: 'tags',
  notesLabel: 'note: ',
  noFindings: 'no findings',
  pendingMark: 'pending',
  vetoMark: 'veto',
  manualMark: 'manual',
  messageShort: '#',
  summary: (n, average, grades) => `${n} conversation${n === 1 ? '' : 's'}, average score ${average}; ${grades}`,
  summaryNone: '0 conversations.',
  gradeCount: (grade, n) => `${grade} ${n}`,
  listSeparator: ', ',
  vetoedCount: (n) => `${n} vetoed`,

  // ---- inspector (zhijian inspect) ----
  inspect: {
    summary: 'review conversations in the terminal: confirm or dismiss findings, add manual items, submit (every decision saved at once)',
    usage: 'zhijian inspect <files...> --pack <pack.json> [--db <path>] [--inspector <name>] [--sample N] [--strategy random|lowest-score|per-agent] [--seed S]',
    description:
      'Reads and scores the whole batch, then opens a full-screen inspector: the queue (sort, filter, search) and the\n' +
      'conversation (evidence highlighted in the messages, findings, evidence and suggested wording beside them).\n' +
      'Automatic findings are a proposal: the inspector confirms (a) or dismisses (x) each, adds manual items (m: wrong\n' +
      'answer, off-topic, ...) and submits (s). Every decision is written to the review store (SQLite) as the key is\n' +
      'pressed: quitting, a crash or a killed process loses nothing, and reopening resumes where you were.\n' +
      'Press ? for every key. Needs a terminal; to score without one, use zhijian score.',
    options: [
      ['--pack, -p <file>', 'the rule pack (JSON), required; its content is stored with the reviews, so they can always be re-scored'],
      ['--db <path>', 'the review store (default .zhijian/reviews.db, relative to the current folder)'],
      ['--inspector <name>', "the inspector's name (default $ZHIJIAN_INSPECTOR, else the system user name)"],
      ['--sample <N>', 'inspect N conversations (N per agent with per-agent; default all)'],
      ['--strategy <name>', 'random (default, seeded by --seed: the same sample every time), lowest-score (the N lowest automatic scores), per-agent (N at random per agent)'],
      ['--seed <S>', 'seed of the random sample (default 0)'],
      ['--tz <zone>', 'IANA time zone for timestamps without an offset, and for display (default Asia/Shanghai)'],
    ],
    exitCodes: [
      ['0', 'quit normally (every decision is saved)'],
      ['2', 'usage error, invalid pack, unreadable file, no conversation read, unusable review store, or not run in a terminal'],
    ],
    examples: [
      'zhijian inspect examples/chats.csv --pack rule-packs/ecommerce-chat.zh.json',
      'zhijian inspect june.csv -p pack.json --sample 50 --strategy lowest-score --inspector lee',
      'zhijian inspect june.csv -p pack.json --sample 5 --strategy per-agent --seed 2025-06',
    ],
    noTty: 'zhijian inspect is an interactive terminal program: standard input and output must be a terminal.\nTo score without one, use: zhijian score <files...> --pack <pack.json> (with --format csv|json|jsonl).',
    noStdin: 'The inspector reads conversations from files, not from standard input "-" (the keyboard uses it).',
    nothingToInspect: 'No conversation to inspect.',
    duplicate: (file, id) => `${file}: conversation ${id} appears again; only the first one is kept.`,
    storeUnusable: (path, reason) => `Cannot open the review store ${path}: ${reason}`,
    bye: (decisions, submitted, path) => `Saved ${decisions} decision(s) and submitted ${submitted} conversation(s) in this session. Review store: ${path}`,
    title: 'zhijian QA',
    colon: ': ',
    commentsCount: (n, last) => `comments (${n}): ${last}`,
    queueTitle: 'queue',
    count: (shown, total) => `${shown}/${total} conversations`,
    sortLabel: 'sort',
    sorts: { input: 'input order', 'score-asc': 'auto score, lowest first', 'score-desc': 'auto score, highest first', 'findings-desc': 'most findings first', agent: 'agent', status: 'status' },
    filterLabel: 'filter',
    none: 'none',
    searchLabel: 'search',
    inspectorLabel: 'inspector',
    strategies: { random: 'random', 'lowest-score': 'lowest score', 'per-agent': 'per agent' },
    sampleLabel: (n, strategy, seed) => `sample ${n} (${strategy}, seed ${seed})`,
    columns: { id: 'id', agent: 'agent', score: 'auto', grade: 'grade', findings: 'finds', status: 'status', reviewer: 'reviewer', final: 'final' },
    statuses: { new: 'new', 'in-progress': 'in progress', reviewed: 'reviewed' },
    dimensions: { grade: 'grade', status: 'status', rule: 'rule', agent: 'agent' },
    queueEmpty: 'No conversation matches (F clears filters and search)',
    filterTitle: 'Filter: Enter selects (again to remove) · Esc closes',
    searchPrompt: 'search conversation id or text',
    searchHint: 'Enter keeps it · Esc clears it',
    filterSet: 'filtered',
    filterCleared: 'filters and search cleared',
    sorted: (sort) => `sorted by ${sort}`,
    filterEmpty: 'no conversation matches',
    submitted: (id, score, grade, pending, version) =>
      `Submitted ${id}: ${score} ${grade}${pending > 0 ? ` (${pending} unconfirmed review finding(s) not counted)` : ''}${version > 1 ? `, version ${version}` : ''}`,
    conversationLabel: 'conversation',
    agentLabel: 'agent',
    sourceLabel: 'from',
    scoreLine: (score, grade) => `score ${score} ${grade}`,
    autoScore: (score, grade) => ` (auto ${score} ${grade})`,
    counts: { confirmed: 'confirmed', dismissed: 'dismissed', pending: 'pending', manual: 'manual', comments: 'comments' },
    vetoed: 'VETO',
    findingStates: { confirmed: 'confirmed', dismissed: 'dismissed', pending: 'pending review', manual: 'manual item', open: 'undecided' },
    roles: { agent: 'agent', customer: 'cust', system: 'sys', bot: 'bot' },
    kinds: { text: '', emoji: '[emoji]', image: '[image]', 'order-card': '[order card]', transfer: '[transfer]', status: '[status]', ring: '[ring]', end: '[end]' },
    findingsTitle: (n) => `Findings (${n})`,
    noFindings: 'No findings. m adds a manual item at the current message.',
    noFindingHere: 'No finding at this message: n / N go to the next / previous one.',
    evidence: 'evidence',
    guidance: 'guidance',
    reason: 'dismissed because',
    comments: 'comments',
    points: (applied, nominal) => `${applied === 0 ? '0' : `-${applied}`} (rule: ${nominal})`,
    vetoRule: 'veto',
    tag: (tag) => `tag ${tag}`,
    pickerTitle: (index) => `Add a manual item · message #${index} · Enter selects · Esc cancels`,
    pickerManual: 'Manual items',
    pickerRules: 'Other rules',
    promptDismiss: 'Reason for dismissing (optional)',
    promptComment: 'Comment',
    promptNote: (rule) => `Note for manual item "${rule}" (optional)`,
    promptHint: 'Enter saves · Esc cancels',
    decisionKinds: { confirm: 'confirm', dismiss: 'dismiss', 'manual-add': 'manual item', 'manual-remove': 'manual item removal', comment: 'comment', undo: 'undo' },
    flash: {
      confirmed: 'Confirmed (saved)',
      dismissed: 'Dismissed (saved)',
      manualAdded: (rule) => `Manual item ${rule} added (saved)`,
      manualRemoved: 'Manual item removed (saved)',
      commented: 'Comment added (saved)',
      undone: (kind) => `Undone: ${kind} (saved)`,
      nothingToUndo: 'Nothing to undo',
      noFinding: 'No finding at this message (n goes to the next)',
      alreadyConfirmed: 'Already confirmed',
      manualCounts: 'A manual item always counts (x removes it)',
      wrapped: 'Wrapped around',
      emptyComment: 'Empty comment: not saved',
      contentChanged: 'This conversation changed since it was last recorded: earlier reviews were of the old content',
      lastConversation: 'This is the last conversation of the queue',
      firstConversation: 'This is the first conversation of the queue',
      conflict: (who, when) => `${who} submitted this conversation after you opened it (${when}). Their submission is now your baseline: check, then press s to submit yours.`,
      stale: 'The review changed elsewhere and was re-scored: check it, then press s again',
      error: (message) => `Error: ${message}`,
    },
    helpTitle: 'Keys (? / q / Esc to close)',
    helpQueue: 'Queue',
    helpReview: 'Conversation',
    helpPicker: 'In a list',
    helpPrompt: 'In a text prompt (other keys type)',
    queueKeys: {
      down: 'next row', up: 'previous row', pageDown: 'next page', pageUp: 'previous page', top: 'first row', bottom: 'last row', open: 'open the conversation',
      search: 'search (conversation id or text, filters as you type)', filter: 'filter (grade, status, agent, rule)', clearFilter: 'clear filters and search',
      sort: 'change the sort order', help: 'keys', quit: 'quit (every decision is saved)',
    },
    reviewKeys: {
      down: 'next message', up: 'previous message', pageDown: 'next page', pageUp: 'previous page', top: 'first message', bottom: 'last message',
      nextFinding: 'next finding', prevFinding: 'previous finding', confirm: 'confirm the finding (a review finding counts once confirmed)',
      dismiss: 'dismiss the finding (optional reason); on a manual item: remove it', manual: 'add a manual item at this message (wrong answer, off-topic, ... or any rule)',
      comment: 'add a comment', submit: 'submit and open the next conversation: final score = auto findings not dismissed + manual items (caps and veto apply)',
      undo: 'undo the last decision', nextConversation: 'next conversation', prevConversation: 'previous conversation', back: 'back to the queue', help: 'keys',
    },
    pickerKeys: { down: 'down', up: 'up', pageDown: 'next page', pageUp: 'previous page', accept: 'choose', cancel: 'cancel' },
    promptKeys: { accept: 'save', cancel: 'cancel', backspace: 'delete a character' },
    footer: {
      down: 'move', open: 'open', search: 'search', filter: 'filter', sort: 'sort', help: 'help', quit: 'quit',
      nextFinding: 'findings', confirm: 'confirm', dismiss: 'dismiss', manual: 'manual', comment: 'comment', submit: 'submit', undo: 'undo',
      nextConversation: 'conversations', back: 'back', accept: 'ok', cancel: 'cancel',
    },
  },

  // ---- reports (zhijian report) ----
  report: {
    summary: 'review reports: submitted reviews by agent, rule, category, inspector or tag',
    usage: 'zhijian report [--db <path>] [--by agent|rule|category|inspector|tag] [--from date] [--to date] [--format table|csv|json]',
    description:
      "Reads the submitted reviews of the review store. Agents, rules, categories and tags count each conversation's latest\n" +
      'submission in the range; inspectors count every submission. A rule\'s precision = confirmed / (confirmed + dismissed):\n' +
      'how often inspectors agreed with it. Dates are submission times; the --to day is included.',
    options: [
      ['--db <path>', 'the review store (default .zhijian/reviews.db)'],
      ['--by <what>', 'agent (default: conversations, average score, pass rate, frequent rules), rule (auto findings, confirmed, dismissed, precision), category, inspector (reviews, average time), tag (complaint classification tags)'],
      ['--from <date>', 'first day (inclusive), YYYY-MM-DD or YYYY-MM-DD HH:mm:ss'],
      ['--to <date>', 'last day (inclusive; with a time, up to that instant)'],
      ['--format, -f <format>', 'table (default), csv (UTF-8 with a BOM: opens in Excel as is), json'],
      ['--pass <score>', 'pass mark (default 60; a vetoed conversation never passes)'],
      ['--tz <zone>', 'time zone of the dates (default Asia/Shanghai)'],
    ],
    examples: ['zhijian report', 'zhijian report --by rule --from 2025-06-01 --to 2025-06-30', 'zhijian report --by agent --format csv > agents.csv'],
    noStore: (path) => `There is no review store at ${path}: review conversations with zhijian inspect first (or name one with --db).`,
    invalidDate: (flag, value) => `Invalid date "${value}" for ${flag} (expected YYYY-MM-DD or YYYY-MM-DD HH:mm:ss).`,
    empty: 'No submitted review in this range.',
    heading: (by, range) => `Review report by ${by}${range}`,
    range: (from, to) => ` (${from} to ${to})`,
    dimensions: { agent: 'agent', rule: 'rule', category: 'category', inspector: 'inspector', tag: 'tag' },
    columns: {
      agent: 'agent', conversations: 'conversations', averageScore: 'avg score', passRate: 'pass rate', vetoed: 'vetoed', topRules: 'frequent rules (confirmed)',
      rule: 'rule', name: 'name', category: 'category', seen: 'auto', confirmed: 'confirmed', dismissed: 'dismissed', pending: 'pending', manual: 'manual',
      precision: 'precision', inspector: 'inspector', reviews: 'reviews', averageTime: 'avg time', totalTime: 'total time', tag: 'tag', share: 'share',
    },
    unknownAgent: '(unknown)',
    noCategory: '(none)',
    tagsLine: (list) => `Complaint tags: ${list}`,
    seconds: (s) => (s < 60 ? `${Math.round(s)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`),
  },

  // ---- evaluation (zhijian eval) ----
  evaluation: {
    summary: 'Evaluate a pack on labelled conversations: precision and recall per rule, and every disagreement',
    usage: 'zhijian eval <file...|-> --labels <labels.json> --pack <pack.json> [--format table|json] [--sweep <rule id>]',
    description:
      'Runs the pack on the conversations the labels file lists and compares with the inspector\'s labels: the same\n' +
      'conversation, rule and message index is a match. Prints per rule TP / FP / FN, precision, recall, F1 and the totals,\n' +
      'then every disagreement with its evidence. Labels: {"<conversation id>": {"findings": [{"ruleId": "...", "messageIndex": N}]}},\n' +
      'optionally "$rules", the rules the labeller judged (default: every automatic rule of the pack). Pending findings of\n' +
      'review rules count as found. Unlabelled conversations are skipped.',
    options: [
      ['--pack, -p <file>', 'rule pack (JSON), required'],
      ['--labels, -l <file>', 'labels (JSON), required'],
      ['--format, -f <format>', 'table (default) or json'],
      ['--sweep <rule id>', "also show the rule's precision and recall over a range of thresholds (its threshold option), to choose one"],
      ['--range <from:to:step>', 'thresholds of --sweep (default 0.05:0.95:0.05)'],
      ['--rules <id,...>', 'compare these rules only (default: the labels\' $rules)'],
      ['--ignore <id,...>', 'leave these rules out (e.g. etiquette.greeting)'],
      ['--disable <id,...>', 'disable these rules before the run (their labels all count as missed): before / after comparisons'],
      ['--tz <zone>', 'IANA time zone for timestamps without an offset (default Asia/Shanghai)'],
    ] as Array<[string, string]>,
    exitCodes: [
      ['0', 'compared'],
      ['2', 'usage error, invalid pack or labels, unreadable file, or no conversation to compare'],
    ] as Array<[string, string]>,
    examples: [
      'zhijian eval examples/chats.csv --labels datasets/examples/labels.json --pack rule-packs/ecommerce-chat.zh.json',
      'zhijian eval data/jd/dev.csv -l datasets/jd-dev/labels.json -p rule-packs/ecommerce-chat.zh.json --ignore etiquette.greeting',
      'zhijian eval data/jd/dev.csv -l datasets/jd-dev/labels.json -p rule-packs/ecommerce-chat.zh.json --sweep etiquette.shirking-similar',
    ],
    missingLabels: 'missing --labels <labels.json>.',
    badRange: (value: string) => `invalid --range "${value}" (from:to:step, 0 <= from <= to <= 1, step > 0).`,
    rangeWithoutSweep: '--range needs --sweep.',
    unknownRule: (id: string) => `the pack has no rule "${id}".`,
    sweepDisabled: (id: string) => `cannot sweep the disabled rule "${id}".`,
    noThreshold: (id: string, type: string) => `rule "${id}" (type ${type}) has no numeric threshold option to sweep.`,
    ruleNotInPack: (id: string) => `note: the pack has no rule "${id}": all its labels count as missed.`,
    labelsNotObject: 'the labels file must be a JSON object: {"<conversation id>": {"findings": [...]}}',
    labelsRules: '"$rules" must be an array of rule ids',
    labelsFindings: 'must be {"findings": [...]}',
    labelsFinding: 'each label must be {"ruleId": string, "messageIndex": non-negative integer}',
    duplicate: (file: string, id: string) => `${file}: conversation ${id} appears again; only the first is compared.`,
    unlabelled: (n: number) => `skipped ${n} unlabelled conversation(s).`,
    missing: (n: number, some: string) => `${n} labelled conversation(s) are not in the input (e.g. ${some}).`,
    nothingToCompare: 'nothing to compare: no conversation of the labels file is in the input.',
    heading: (id: string, version: string, n: number) => `pack ${id}@${version}, ${n} labelled conversation(s)`,
    disabledLine: (list: string) => `disabled: ${list}`,
    colRule: 'rule',
    colLabels: 'labels',
    colFound: 'found',
    colPrecision: 'precision',
    colRecall: 'recall',
    colThreshold: 'threshold',
    totalLabel: 'total',
    sweepHeading: (id: string) => `threshold sweep: ${id}`,
    sweepFootnote: "(* the pack's current threshold)",
    noDisagreements: 'No disagreements.',
    disagreementsHeading: (n: number) => `${n} disagreement(s) (FP: found, not labelled; FN: labelled, not found):`,
    fpMark: 'FP',
    fnMark: 'FN',
    noteLabel: 'note: ',
  },

  // ---- editor (zhijian editor) ----
  editorSummary: 'edit rule packs in the browser, with a live preview on sample conversations',
  editorUsage: 'zhijian editor [--packs <folder>] [--samples <folder>] [--port <port>]',
  editorDescription:
    'Starts a local server on 127.0.0.1; open the printed URL to edit rule packs: JSON Schema completion and checks,\n' +
    'an outline, a problems list, and a live preview of the sample conversations scored with the pack being edited\n' +
    '(compared with the saved version). A pack is validated before it is saved and an invalid one is never written;\n' +
    'writes are atomic, the previous version is kept in <folder>/.zhijian/history/, and a file changed on disk since\n' +
    'it was opened is not overwritten.',
  editorOptions: [
    ['--packs <folder>', 'the packs folder (default rule-packs); only its .json files are read and written'],
    ['--samples <folder>', 'sample conversations (default examples): its CSV / JSONL / JSON files'],
    ['--port <port>', 'port (default 5178; 0 picks a free one)'],
  ],
  editorExamples: ['zhijian editor', 'zhijian editor --packs my-packs --samples data/chats --port 8080'],
  editorInvalidPort: (value) => `invalid port "${value}" (an integer from 0 to 65535).`,
  editorPacksMissing: (dir) => `the packs folder ${dir} does not exist (choose one with --packs).`,
  editorPortInUse: (port) => `port ${port} is in use (choose another with --port, or --port 0 for any free one).`,
  editorPortDenied: (port) => `no permission to listen on port ${port}.`,
  editorListening: (url) => `Rule editor running at ${url}`,
  editorPacksDir: (dir) => `packs: ${dir}`,
  editorSamplesDir: (dir) => `samples: ${dir}`,
  editorNoSamples: (dir) => `the samples folder ${dir} does not exist: the preview starts empty (drop a CSV / JSONL file on the page).`,
  editorNotBuilt: 'The editor page is not built (apps/editor/dist is missing): run pnpm build first.',
  editorStop: 'Press Ctrl+C to stop.',
};
