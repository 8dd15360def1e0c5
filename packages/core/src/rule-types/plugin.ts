/**
 * The extension API: a plugin is a separate npm package whose module exports
 * `definePlugin({ name, ruleTypes })`. Plugins are loaded only from what the user names (code, a
 * `--plugin` flag, zhijian.config.json), never by a pack: a pack may only DECLARE the plugins it
 * needs (`plugins`), so that an unknown rule type can be explained.
 */
import type { AnyRuleType } from './define.js';
import { RuleTypeRegistry } from './registry.js';
import { defaultRegistry } from './index.js';

export interface ZhijianPlugin {
  /** The npm package name, as a pack's `plugins` list would name it. */
  name: string;
  version?: string;
  ruleTypes: AnyRuleType[];
}

export function definePlugin(plugin: ZhijianPlugin): ZhijianPlugin {
  return plugin;
}

/** Checks the shape of something that claims to be a plugin; returns the problems in plain words. */
export function pluginProblems(candidate: unknown): string[] {
  const p = candidate as Partial<ZhijianPlugin> | undefined;
  if (!p || typeof p !== 'object') return ['the module exports no plugin (expected `export default definePlugin({...})`)'];
  const problems: string[] = [];
  if (typeof p.name !== 'string' || p.name.length === 0) problems.push('the plugin has no `name`');
  if (!Array.isArray(p.ruleTypes)) return [...problems, 'the plugin has no `ruleTypes` array'];
  p.ruleTypes.forEach((t, i) => {
    const meta = (t as Partial<AnyRuleType> | undefined)?.meta;
    if (!meta || typeof meta.id !== 'string') problems.push(`ruleTypes[${i}] has no meta.id`);
    else {
      if (typeof meta.optionsSchema !== 'object') problems.push(`rule type "${meta.id}" has no optionsSchema`);
      if (!meta.description?.zh || !meta.description?.en) problems.push(`rule type "${meta.id}" needs description.zh and description.en`);
      if (typeof meta.messages !== 'object') problems.push(`rule type "${meta.id}" has no messages`);
      if (typeof (t as AnyRuleType).create !== 'function') problems.push(`rule type "${meta.id}" has no create()`);
    }
  });
  return problems;
}

/** The built-in registry plus the plugins' rule types; a clashing id is an error naming both. */
export function registryWithPlugins(plugins: readonly ZhijianPlugin[], base: RuleTypeRegistry = defaultRegistry): RuleTypeRegistry {
  let registry = base;
  for (const plugin of plugins) {
    for (const t of plugin.ruleTypes) {
      if (registry.has(t.meta.id)) {
        throw new Error(`plugin ${plugin.name}: rule type "${t.meta.id}" is already provided by ${registry.originOf(t.meta.id)}`);
      }
    }
    registry = registry.with(plugin.ruleTypes, plugin.name);
  }
  return registry;
}
