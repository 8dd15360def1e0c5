import type { ImportLang, ImportOptions, ImportProblem } from './types.js';
import { renderImportMessage, type ImportMessageCode } from './messages.js';

export interface ProblemLocation {
  line?: number | undefined;
  pointer?: string | undefined;
  conversationId?: string | undefined;
}

/** Collects problems and renders their messages in one language. */
export class ProblemSink {
  readonly lang: ImportLang;
  readonly source: string | undefined;
  list: ImportProblem[] = [];

  constructor(opts: ImportOptions | undefined) {
    this.lang = opts?.lang === 'en' ? 'en' : 'zh';
    this.source = opts?.source !== undefined && opts.source !== '' ? opts.source : undefined;
  }

  add(code: ImportMessageCode, params: Record<string, string | number>, at: ProblemLocation): ImportProblem {
    const lang = this.lang;
    const where: string[] = [];
    if (this.source !== undefined) where.push(this.source);
    if (at.line !== undefined) where.push(renderImportMessage(lang, 'at.line', { line: at.line }));
    if (at.pointer !== undefined) {
      where.push(at.pointer === '' ? renderImportMessage(lang, 'at.root', {}) : renderImportMessage(lang, 'at.pointer', { pointer: at.pointer }));
    }
    const body = renderImportMessage(lang, code, params);
    const message = where.length > 0 ? where.join(' ') + renderImportMessage(lang, 'at.sep', {}) + body : body;
    const p = { code } as ImportProblem;
    if (at.line !== undefined) p.line = at.line;
    if (at.pointer !== undefined) p.pointer = at.pointer;
    if (at.conversationId !== undefined) p.conversationId = at.conversationId;
    p.params = params;
    p.message = message;
    this.list.push(p);
    return p;
  }

  take(): ImportProblem[] {
    const out = this.list;
    this.list = [];
    return out;
  }
}

/** Escape one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return typeof key === 'number' ? String(key) : key.replace(/~/g, '~0').replace(/\//g, '~1');
}
