/** The rule-type registry: an explicit list (no discovery), the single source of the pack schema. */
import type { AnyRuleType } from './define.js';

export class RuleTypeRegistry {
  private readonly byId = new Map<string, AnyRuleType>();

  constructor(types: readonly AnyRuleType[], readonly origin: ReadonlyMap<string, string> = new Map()) {
    for (const t of types) {
      if (this.byId.has(t.meta.id)) throw new Error(`rule type "${t.meta.id}" is registered twice`);
      this.byId.set(t.meta.id, t);
    }
  }

  get(id: string): AnyRuleType | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  list(): AnyRuleType[] {
    return [...this.byId.values()];
  }

  /** Where a type came from: 'core' or the plugin's name. */
  originOf(id: string): string {
    return this.origin.get(id) ?? 'core';
  }

  /** A new registry with more types (from a plugin); a clash with an existing id is an error. */
  with(types: readonly AnyRuleType[], origin = 'plugin'): RuleTypeRegistry {
    const map = new Map(this.origin);
    for (const t of types) map.set(t.meta.id, origin);
    return new RuleTypeRegistry([...this.list(), ...types], map);
  }
}
