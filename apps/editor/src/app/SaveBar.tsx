/** Top bar: pack picker, save state, save button; save outcomes (refused, conflict, failed) below it. */
import type { PackEntry, ServerProblem } from '../api/client';
import type { Strings } from '../i18n';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; at: Date; backup?: string }
  | { status: 'refused'; problems: ServerProblem[] }
  | { status: 'conflict' }
  | { status: 'failed'; message: string };

interface Props {
  t: Strings;
  packs: PackEntry[];
  current: string | undefined;
  dirty: boolean;
  state: SaveState;
  onSwitch(name: string): void;
  onSave(): void;
  onReload(): void;
  onDismiss(): void;
  onReveal(target: { pointer: string; code: string }): void;
}

export function SaveBar({ t, packs, current, dirty, state, onSwitch, onSave, onReload, onDismiss, onReveal }: Props) {
  const status =
    state.status === 'saving' ? t.saving : dirty ? t.unsaved : state.status === 'saved' ? t.savedAt(state.at.toLocaleTimeString()) : current ? t.saved : '';
  return (
    <>
      <header className="topbar">
        <span className="brand">{t.appTitle}</span>
        <label className="pack-picker">
          {t.pack}
          <select value={current ?? ''} onChange={(e) => onSwitch(e.target.value)} data-testid="pack-select">
            {packs.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <span className={`save-status${dirty ? ' dirty' : ''}`} data-testid="save-status">
          {dirty ? '● ' : ''}
          {status}
        </span>
        <button type="button" className="primary" onClick={onSave} disabled={!current || state.status === 'saving'} title={t.saveShortcut} data-testid="save">
          {t.save}
        </button>
      </header>
      {state.status === 'saved' && state.backup && !dirty && <div className="notice ok">{t.backupKept(state.backup)}</div>}
      {state.status === 'refused' && (
        <div className="notice error" role="alert" data-testid="save-refused">
          <div>{t.saveRefused(state.problems.filter((p) => p.severity === 'error').length)}</div>
          <ul>
            {state.problems.slice(0, 5).map((p, i) => (
              <li key={i}>
                <button type="button" className="link" onClick={() => onReveal(p)}>
                  {p.pointer || '/'}
                </button>{' '}
                {p.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={onDismiss}>
            {t.dismiss}
          </button>
        </div>
      )}
      {state.status === 'conflict' && (
        <div className="notice error" role="alert" data-testid="save-conflict">
          <strong>{t.saveConflictTitle}</strong>
          <div>{t.saveConflict(current ?? '')}</div>
          <div className="actions">
            <button type="button" onClick={onReload} data-testid="reload">
              {t.reloadFromDisk}
            </button>
            <button type="button" onClick={onDismiss}>
              {t.keepEditing}
            </button>
          </div>
        </div>
      )}
      {state.status === 'failed' && (
        <div className="notice error" role="alert">
          {t.saveFailed(state.message)}{' '}
          <button type="button" onClick={onDismiss}>
            {t.dismiss}
          </button>
        </div>
      )}
    </>
  );
}
