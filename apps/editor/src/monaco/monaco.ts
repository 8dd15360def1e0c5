/**
 * The slice of monaco-editor the rule editor uses, bundled from npm: the editor API, every editor
 * feature (find, suggest, hover, folding…), and the JSON language only. Importing `monaco-editor`
 * whole would also bundle the TypeScript, CSS and HTML languages and their workers (~10 MB unused).
 * Same shape as the package's namespace: `monaco.editor`, `monaco.json.jsonDefaults`, …
 */
import 'monaco-editor/features/register.all';
import './setup-workers';

export * from 'monaco-editor/editor/editor.api';
export * as json from 'monaco-editor/languages/features/json/register';
