/**
 * Packs: generated packs are schema-valid and compile; whatever the compiler accepts is
 * schema-valid (checked with an independent ajv instance on the generated schema); a JSON round
 * trip of a pack changes no result.
 */
import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { mutatedArb, propertyParams, propertyTimeout } from '@zhijian/test-utils';
import { PackError, compilePack, createAjv, lintPack, type PackDef } from '../../src/index.js';
import { conversations, generatedPackArb, packSchema, scenarioArb, score } from './support.js';

const validate = createAjv().compile(packSchema);

function schemaErrors(pack: unknown): string {
  return validate(pack) ? '' : JSON.stringify(validate.errors?.slice(0, 5), null, 1);
}

describe('properties: packs', () => {
  it.prop([generatedPackArb()], propertyParams())(
    'packs: every generated pack is schema-valid and compiles',
    (pack) => {
      expect(schemaErrors(pack)).toBe('');
      const compiled = compilePack(pack);
      expect(compiled.rules).toHaveLength(pack.rules.length);
      // lint runs every static check on it without throwing
      expect(lintPack(pack).compiled).toBeDefined();
    },
    propertyTimeout(),
  );

  it.prop([mutatedArb(generatedPackArb())], propertyParams())(
    'packs: every pack the compiler accepts is schema-valid (and a rejected one is a PackError)',
    ({ mutated }) => {
      let accepted = false;
      try {
        compilePack(mutated);
        accepted = true;
      } catch (e) {
        // A bad pack is reported as located problems, never as a crash inside the compiler.
        expect(e).toBeInstanceOf(PackError);
      }
      if (accepted) expect(schemaErrors(mutated)).toBe('');
    },
    propertyTimeout(),
  );

  it.prop([scenarioArb(), fc.array(conversations(), { maxLength: 2 })], propertyParams())(
    'packs: a JSON round trip of a pack changes no result',
    ({ pack: pc, conv }, more) => {
      const a = compilePack(pc.def);
      const b = compilePack(JSON.parse(JSON.stringify(pc.def)) as PackDef);
      expect(b.ref).toEqual(a.ref);
      for (const c of [conv, ...more]) expect(score(b, c)).toEqual(score(a, c));
    },
    propertyTimeout(),
  );
});
