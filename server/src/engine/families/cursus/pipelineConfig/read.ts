// Reads one pipeline config JSON as the compile path's loader reads it (`steps/configs/utils.py`
// `load_configs`, lines 269-300): `metadata.config_types` maps each step name to a config class, and
// each step's values are `configuration.shared` overridden by `configuration.specific[<step>]`. A JSON
// without a `metadata.config_types` object is no config to that loader (it returns the file's
// `shared`/`specific` as they are) and gets no diagnostics: a project's `pipeline_config/` also holds
// other documents (`execute_doc.json`).
import type { Range } from '../../../types';
import type { Lit } from '../../../literal';
import { lastValue, readJson } from '../json';
import { parseYamlLit } from '../../../yaml/yamlLit';

/** A key written in the file, with its value. */
export interface KeyedValue {
  name: string;
  keyRange: Range;
  value: Lit;
}

/** A `config_types` entry: a step name and the class it names. */
export interface TypeEntry {
  step: string;
  keyRange: Range;
  /** The class name (null when the value is no string). */
  cls: string | null;
  value: Lit;
}

export interface SpecificEntry extends KeyedValue {
  /** The entry's fields, in order (a repeated key's last value, as `json.loads` keeps it). */
  fields: KeyedValue[];
}

export interface ConfigDoc {
  types: TypeEntry[];
  /** `configuration.shared`, the fields every step starts from. */
  shared: KeyedValue[];
  specific: SpecificEntry[];
}

/** `lenient`: read a text being typed (not yet JSON) as far as the YAML reader gets, for completion. */
export function readConfig(text: string, lenient = false): ConfigDoc | null {
  const root = lenient ? parseYamlLit(text).value : readJson(text).root;
  if (root?.kind !== 'dict') return null;
  const metadata = lastValue(root, 'metadata');
  const types = metadata?.kind === 'dict' ? lastValue(metadata, 'config_types') : undefined;
  if (types?.kind !== 'dict') return null;
  const configuration = lastValue(root, 'configuration');
  const section = (name: string): Lit | undefined =>
    configuration?.kind === 'dict' ? lastValue(configuration, name) : undefined;
  return {
    types: keyed(types).map((e) => ({
      step: e.name,
      keyRange: e.keyRange,
      cls: e.value.kind === 'str' ? e.value.value : null,
      value: e.value,
    })),
    shared: keyed(section('shared')),
    specific: keyed(section('specific')).map((e) => ({ ...e, fields: keyed(e.value) })),
  };
}

/** The string-keyed entries of an object, the last of a repeated key only (Python's dict keeps it). */
export function keyed(d: Lit | undefined): KeyedValue[] {
  if (d?.kind !== 'dict') return [];
  const out = new Map<string, KeyedValue>();
  for (const e of d.entries) {
    if (e.key.kind !== 'str') continue;
    out.set(e.key.value, { name: e.key.value, keyRange: e.key.range, value: e.value });
  }
  return [...out.values()];
}
