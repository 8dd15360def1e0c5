/**
 * Monaco's web workers, bundled by Vite from npm (`?worker`): the JSON language worker for `json`,
 * the generic editor worker for the rest. Nothing is loaded from a CDN. Import before monaco is used.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};
