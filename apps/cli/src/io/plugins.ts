/**
 * Loads the plugins the USER names: `--plugin <path|package>` (repeatable) and the `plugins` list of
 * zhijian.config.json in the working directory. A pack never loads code.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultRegistry, pluginProblems, registryWithPlugins, type RuleTypeRegistry, type ZhijianPlugin } from '@zhijian/core';
import { UserError } from '../commands/command.js';
import type { Strings } from '../i18n/index.js';

export const CONFIG_FILE = 'zhijian.config.json';

export const pluginOption = { plugin: { type: 'string', multiple: true } } as const;

/** Plugin specifiers from the config file (relative paths resolved against it) and the flags. */
export function pluginSpecs(flags: unknown, cwd: string, t: Strings): Array<{ spec: string; base: string }> {
  const out: Array<{ spec: string; base: string }> = [];
  const config = join(cwd, CONFIG_FILE);
  if (existsSync(config)) {
    let parsed: { plugins?: unknown };
    try {
      parsed = JSON.parse(readFileSync(config, 'utf8')) as { plugins?: unknown };
    } catch (err) {
      throw new UserError(t.configInvalid(config, (err as Error).message));
    }
    if (parsed.plugins !== undefined) {
      if (!Array.isArray(parsed.plugins) || !parsed.plugins.every((p) => typeof p === 'string')) {
        throw new UserError(t.configInvalid(config, '"plugins" must be an array of strings'));
      }
      for (const spec of parsed.plugins as string[]) out.push({ spec, base: cwd });
    }
  }
  const list = Array.isArray(flags) ? flags : typeof flags === 'string' ? [flags] : [];
  for (const spec of list) if (typeof spec === 'string') out.push({ spec, base: cwd });
  return out;
}

function resolveSpec(spec: string, base: string): string {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const path = resolve(base, spec);
    if (existsSync(path) && statSync(path).isDirectory()) {
      // A package folder: follow its package.json like an import of the package would.
      const require = createRequire(join(path, 'package.json'));
      const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { name: string };
      try {
        return require.resolve(pkg.name);
      } catch {
        return require.resolve(path);
      }
    }
    return path;
  }
  return createRequire(join(base, 'package.json')).resolve(spec);
}

export async function loadRegistry(flags: unknown, cwd: string, t: Strings): Promise<RuleTypeRegistry> {
  const specs = pluginSpecs(flags, cwd, t);
  if (specs.length === 0) return defaultRegistry;
  const plugins: ZhijianPlugin[] = [];
  for (const { spec, base } of specs) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(resolveSpec(spec, base)).href)) as Record<string, unknown>;
    } catch (err) {
      throw new UserError(t.pluginUnloadable(spec, (err as Error).message.split('\n')[0] ?? ''));
    }
    const candidate = mod.default ?? mod.plugin;
    const problems = pluginProblems(candidate);
    if (problems.length > 0) throw new UserError(t.pluginInvalid(spec, problems.join('; ')));
    plugins.push(candidate as ZhijianPlugin);
  }
  try {
    return registryWithPlugins(plugins);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}
