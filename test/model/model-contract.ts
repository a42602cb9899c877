import { describe, expect, it } from 'vitest';
import { RealtimeConfigError, type JsonObject } from '../../src/model/index.js';

/** What every model class offers; the shared contract tests drive it through this. */
interface ModelLike {
  toJson(): object;
  equals(other: unknown): boolean;
  readonly hashCode: number;
  copyWith(patch: Record<string, unknown>): ModelLike;
}

interface ModelClassLike {
  readonly name: string;
  fromJson(json: unknown): ModelLike;
}

export interface ContractCase {
  /** Wire JSON setting every field of the class. */
  readonly full: JsonObject;
  /** A camelCase field to change with copyWith, its new value, and the wire key and value it writes. */
  readonly change: readonly [field: string, value: unknown, wire: string, wireValue: unknown];
  /** An optional camelCase field that `null` clears, and its wire key. */
  readonly clear?: readonly [field: string, wire: string];
  /** A field with a wrong type, and the path the error must name. */
  readonly wrongType: readonly [json: JsonObject, path: string];
}

/**
 * The contract every model class shares: round trip,
 * unknown keys, equality, hash code, copyWith keep/clear, frozen instances,
 * and structural errors that name the field.
 */
export function describeModelContract(Class: ModelClassLike, testCase: ContractCase): void {
  describe(`${Class.name} contract`, () => {
    const model = () => Class.fromJson(testCase.full);

    it('round-trips wire JSON, unknown keys included', () => {
      const withUnknown = { ...testCase.full, x_future: { nested: [1, null] } };
      expect(Class.fromJson(withUnknown).toJson()).toStrictEqual(withUnknown);
    });

    it('names its class in toString(), independent of minified constructor names', () => {
      expect(String(model()).startsWith(`${Class.name}(`)).toBe(true);
    });

    it('is frozen', () => {
      expect(Object.isFrozen(model())).toBe(true);
    });

    it('inherits fromJson, reading at a path staying internal', () => {
      expect(Object.hasOwn(Class, 'fromJson')).toBe(false);
      expect('readAt' in Class).toBe(false);
    });

    it('equals a copy read from its own JSON, with the same hash code', () => {
      const a = model();
      const b = Class.fromJson(a.toJson());
      expect(a.equals(b)).toBe(true);
      expect(a.hashCode).toBe(b.hashCode);
      expect(Number.isInteger(a.hashCode)).toBe(true);
    });

    it('copyWith replaces the given field, keeps the rest and differs from the original', () => {
      const [field, value, wire, wireValue] = testCase.change;
      const original = model();
      const changed = original.copyWith({ [field]: value });
      expect((changed.toJson() as Record<string, unknown>)[wire]).toStrictEqual(wireValue);
      expect({ ...changed.toJson(), [wire]: undefined }).toStrictEqual({ ...original.toJson(), [wire]: undefined });
      expect(changed.equals(original)).toBe(false);
      expect(original.copyWith({ [field]: undefined })).toBe(original);
    });

    if (testCase.clear !== undefined) {
      const [field, wire] = testCase.clear;
      it(`copyWith({ ${field}: null }) makes it unspecified`, () => {
        const cleared = model().copyWith({ [field]: null });
        expect(Object.hasOwn(cleared.toJson(), wire)).toBe(false);
      });
    }

    it('names the field of a structural error', () => {
      const [json, path] = testCase.wrongType;
      expect(() => Class.fromJson(json)).toThrow(RealtimeConfigError);
      expect(() => Class.fromJson(json)).toThrow(expect.objectContaining({ path }));
    });

    it('refuses a non-object with RealtimeConfigError', () => {
      for (const bad of [null, 42, 'text', [testCase.full]]) {
        expect(() => Class.fromJson(bad)).toThrow(RealtimeConfigError);
      }
    });
  });
}
