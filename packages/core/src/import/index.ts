export { CsvConversationReader } from './csv.js';
export { JsonlConversationReader } from './jsonl.js';
export { parseJsonConversations } from './json.js';
export { importConversations, createConversationReader } from './import.js';
export { detectFormat } from './detect.js';
export { getConversationValidator } from './json-convert.js';
export { importMessages, renderImportMessage } from './messages.js';
export type { ImportMessageCode } from './messages.js';
export type { ImportProblem, ImportOptions, ImportFormat, ImportLang, ImportResult, ConversationReader } from './types.js';
