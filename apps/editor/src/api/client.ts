/** The small HTTP API of `zhijian editor` (apps/cli/src/editor-server). Same origin, JSON. */
import type { SampleSource } from '../preview/protocol';

export interface PackEntry {
  name: string;
  size: number;
  mtime: string;
}

export interface PackList {
  packs: PackEntry[];
  /** Folder names as given on the command line, for display. */
  packsDir: string;
  samplesDir: string;
  defaultPack?: string;
}

export interface PackFile {
  name: string;
  text: string;
  /** Opaque version token: sent back in If-Match when saving. */
  token: string;
}

export interface ServerProblem {
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  code: string;
}

export type SaveOutcome =
  | { kind: 'saved'; token: string; backup?: string }
  | { kind: 'conflict'; token?: string }
  | { kind: 'invalid'; problems: ServerProblem[] }
  | { kind: 'failed'; message: string };

export interface SamplesResponse {
  files: SampleSource[];
  skipped: Array<{ name: string; reason: string }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new ApiError(res.status, await errorText(res));
  return (await res.json()) as T;
}

async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: string };
    return body.message ?? `${res.status} ${res.statusText}`;
  } catch {
    return `${res.status} ${res.statusText}`;
  }
}

const packUrl = (name: string): string => `api/packs/${encodeURIComponent(name)}`;

export const api = {
  listPacks: (): Promise<PackList> => getJson<PackList>('api/packs'),

  readPack: (name: string): Promise<PackFile> => getJson<PackFile>(packUrl(name)),

  samples: (): Promise<SamplesResponse> => getJson<SamplesResponse>('api/samples'),

  /** `lang`: the language of the problems the server answers with. */
  async savePack(name: string, text: string, token: string | undefined, lang: 'zh' | 'en' = 'zh'): Promise<SaveOutcome> {
    let res: Response;
    try {
      res = await fetch(`${packUrl(name)}?lang=${lang}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json', ...(token ? { 'If-Match': token } : {}) },
        body: text,
      });
    } catch (e) {
      return { kind: 'failed', message: (e as Error).message };
    }
    const body = (await res.json().catch(() => ({}))) as { token?: string; backup?: string; problems?: ServerProblem[]; message?: string };
    if (res.ok && body.token) return { kind: 'saved', token: body.token, ...(body.backup ? { backup: body.backup } : {}) };
    if (res.status === 409 || res.status === 412) return { kind: 'conflict', ...(body.token ? { token: body.token } : {}) };
    if (res.status === 422) return { kind: 'invalid', problems: body.problems ?? [] };
    return { kind: 'failed', message: body.message ?? `${res.status} ${res.statusText}` };
  },
};
