// The fields of a registry entry or a metadata document read in place from its dict literal. A Map
// of field objects per entry duplicated every dict of a large org (37,000 maps and 250,000 field
// objects kept for the whole session); this view keeps only the dict and answers in Map's terms: the
// last of duplicated keys wins, in the place of the first, as Python's dict and YAML keep them.
import type { Range } from '../../types';
import { keyRange, keyText, type DictEntry, type Lit } from '../../literal';

export interface FieldValue {
  keyRange: Range;
  value: Lit;
}

/** What readers of an entry's fields use: lookups and iteration in key order (a Map is one too). */
export interface FieldMap extends Iterable<[string, FieldValue]> {
  get(key: string): FieldValue | undefined;
  has(key: string): boolean;
}

/** Dicts of more keys than this are iterated through a Map built for the purpose. */
const SMALL = 16;

export class DictFields implements FieldMap {
  constructor(readonly entries: readonly DictEntry[]) {}

  get(key: string): FieldValue | undefined {
    const e = this.last(key, this.entries.length - 1);
    return e && { keyRange: keyRange(e), value: e.value };
  }

  /** `get(key)?.value` without the field object and its key range. */
  valueOf(key: string): Lit | undefined {
    return this.last(key, this.entries.length - 1)?.value;
  }

  has(key: string): boolean {
    return this.last(key, this.entries.length - 1) !== undefined;
  }

  *[Symbol.iterator](): IterableIterator<[string, FieldValue]> {
    const fields: [string, FieldValue][] = [];
    this.eachKey((k, e) => {
      fields.push([k, { keyRange: keyRange(e), value: e.value }]);
    });
    yield* fields;
  }

  /**
   * What iterating gives, as (key, value) calls without a tuple, a field object or a key range per
   * key: the checks read every field of every entry of a load (27,000 entries on a large org, ~36 MB
   * of such garbage).
   */
  forEachValue(visit: (key: string, value: Lit) => void): void {
    this.eachKey((k, e) => visit(k, e.value));
  }

  /**
   * Each string key once, where it first appears, with its last entry (a key written again keeps its first place and
   * takes its last value).
   */
  private eachKey(visit: (key: string, last: DictEntry) => void): void {
    const entries = this.entries;
    if (entries.length > SMALL) {
      const map = new Map<string, DictEntry>();
      for (const e of entries) {
        const k = keyText(e);
        if (k !== undefined) map.set(k, e);
      }
      map.forEach((e, k) => visit(k, e));
      return;
    }
    for (let i = 0; i < entries.length; i++) {
      const k = keyText(entries[i] as DictEntry);
      if (k === undefined || this.last(k, i - 1)) continue;
      visit(k, this.last(k, entries.length - 1) as DictEntry);
    }
  }

  /** The last entry at or before `from` with this string key. */
  private last(key: string, from: number): DictEntry | undefined {
    for (let i = from; i >= 0; i--) {
      const e = this.entries[i] as DictEntry;
      if (keyText(e) === key) return e;
    }
    return undefined;
  }
}

const NONE = new DictFields([]);

/** The value of a field (`fields.get(key)?.value`), without a field object where the fields are a dict's. */
export function fieldValue(fields: FieldMap, key: string): Lit | undefined {
  return fields instanceof DictFields ? fields.valueOf(key) : fields.get(key)?.value;
}

/** Each field's key and value in iteration order (see DictFields.forEachValue). */
export function forEachFieldValue(fields: FieldMap, visit: (key: string, value: Lit) => void): void {
  if (fields instanceof DictFields) fields.forEachValue(visit);
  else for (const [key, f] of fields) visit(key, f.value);
}

/** The fields of a dict literal (none for any other value). */
export function dictFields(lit: Lit | null | undefined): FieldMap {
  return lit?.kind === 'dict' && lit.entries.length > 0 ? new DictFields(lit.entries) : NONE;
}
