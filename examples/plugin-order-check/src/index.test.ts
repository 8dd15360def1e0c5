import { describe, expect, it } from 'vitest';
import { compilePack, lintPack, pluginProblems, registryWithPlugins, runPackExamples } from '@zhijian/core';
import pkg from '../package.json' with { type: 'json' };
import pack from '../pack.json' with { type: 'json' };
import plugin, { version } from './index.js';

describe('@zhijian/plugin-order-check', () => {
  it('is a valid plugin named and versioned like its package', () => {
    expect(pluginProblems(plugin)).toEqual([]);
    expect(plugin.name).toBe(pkg.name);
    expect(version).toBe(pkg.version);
    expect(plugin.ruleTypes.map((t) => t.meta.id)).toEqual(['order-confirmed-before-refund']);
  });

  it('adds its type to the built-in registry, and declaring it twice is an error', () => {
    expect(registryWithPlugins([plugin]).originOf('order-confirmed-before-refund')).toBe('@zhijian/plugin-order-check');
    expect(() => registryWithPlugins([plugin, plugin])).toThrow(/already provided by @zhijian\/plugin-order-check/);
  });

  it('pack.json declares the plugin, lints clean and its examples pass', () => {
    const registry = registryWithPlugins([plugin]);
    expect(pack.plugins).toEqual([plugin.name]);
    expect(lintPack(pack, { registry }).problems).toEqual([]);
    const outcomes = runPackExamples(compilePack(pack, { registry }));
    expect(outcomes.filter((x) => !x.passed)).toEqual([]);
    expect(outcomes).toHaveLength(4);
  });
});
