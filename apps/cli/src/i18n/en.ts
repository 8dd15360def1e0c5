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
