// Reads one node contract (`contract.yaml`) or handler contract (`handler_contract.yaml`) on its own,
// as `yaml.safe_load` does (the loaders read them so: discovery.py:394, linter_contract.py:583): the
// root mapping, and what the checks and editor features look up in it — its name, node_type, the class
// references in their three forms and the topics it publishes and subscribes.
import type { Diagnostic, Range } from '../../../types';
import { dictEntry, keyRange, keyText, type Lit } from '../../../literal';
import { parseYamlDocs } from '../../../yaml/yamlLit';
import { diag } from './codes';

export interface StrAt {
  value: string;
  range: Range;
}

/** Where a class is named: `{name, module}` (a mapping), `module.Class` (dotted) or `module:Class` (colon). */
export type RefForm = 'mapping' | 'dotted' | 'colon';

export interface ClassRef {
  /** The key path that holds it, e.g. `input_model`, `handler_routing.handlers[0].handler`. */
  field: string;
  form: RefForm;
  module: string;
  cls: string;
  /** The whole value; the module's and the class's own places (the same for the string forms). */
  range: Range;
  moduleRange: Range;
  clsRange: Range;
}

export interface Topic {
  topic: string;
  dir: 'publish' | 'subscribe';
  range: Range;
  /** Where it is listed: under `event_bus` (what auto-wiring reads), at the top level, or under `events`. */
  under: 'event_bus' | 'top' | 'events';
}

export interface ContractDoc {
  root: Lit | null;
  /** More than one YAML document: `yaml.safe_load` fails on the file. */
  multiDoc: Range | null;
  /** Whether `yaml.safe_load` reads it: one document, no syntax error, no custom tag. */
  loads: boolean;
  /**
   * A syntax error (RL030): every reader skips or fails the file before its content counts (ValidatorRuntimeProfiles
   * returns nothing, validator_runtime_profiles.py:292-295; auto-wiring skips it, discovery.py:394), so nothing that
   * needs its content is reported — a partial reading would judge a node by what it does not say.
   */
  broken: boolean;
  name: StrAt | null;
  nodeType: StrAt | null;
  refs: ClassRef[];
  topics: Topic[];
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function str(lit: Lit | null | undefined): StrAt | null {
  return lit?.kind === 'str' ? { value: lit.value, range: lit.range } : null;
}

/** PyYAML's (YAML 1.1) booleans among plain scalars, where YAML 1.2 reads `yes`, `on`, `no`, `off` as strings. */
const PYYAML_BOOL = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** The boolean `yaml.safe_load` reads from a node (null: not a boolean there). */
export function pyyamlBool(lit: Lit | null | undefined): boolean | null {
  if (lit?.kind === 'bool') return lit.value;
  const plain = lit?.kind === 'str' && lit.inner.start.character === lit.range.start.character;
  return plain && PYYAML_BOOL.test(lit.value) ? /^(?:yes|on)$/i.test(lit.value) : null;
}

/** The value of a key path (`a.b`) in a mapping. */
export function at(root: Lit | null, path: string): Lit | null {
  let n: Lit | null = root;
  for (const k of path.split('.')) n = dictEntry(n, k)?.value ?? null;
  return n;
}

/** Top-level keys with their ranges. */
export function topKeys(root: Lit | null): { key: string; range: Range }[] {
  if (root?.kind !== 'dict') return [];
  return root.entries.flatMap((e) => {
    const k = keyText(e);
    return k === undefined ? [] : [{ key: k, range: keyRange(e) }];
  });
}

export function readContract(file: string, text: string): { doc: ContractDoc; local: Diagnostic[] } {
  const docs = parseYamlDocs(text);
  const local: Diagnostic[] = [];
  for (const d of docs) for (const e of d.errors) local.push(diag(file, e.range, 'RL030', e.message));
  const content = docs.filter((d) => d.value !== null);
  const root = content[0]?.value ?? null;
  const multiDoc = content.length > 1 ? (content[1]?.marker ?? START) : null;
  const loads = !multiDoc && docs.every((d) => d.errors.length === 0 && d.tagWarnings.length === 0);
  const name = str(at(root, 'name'));
  const nodeType = str(at(root, 'node_type'));
  const broken = docs.some((d) => d.errors.length > 0);
  const doc = { root, multiDoc, loads, broken, name, nodeType, refs: refsOf(root), topics: topicsOf(root) };
  return { doc, local };
}

/** A `{name, module}` mapping, or a `module.Class` / `module:Class` string. */
export function refOf(field: string, lit: Lit | null, colon: boolean): ClassRef | null {
  if (!lit) return null;
  if (lit.kind === 'dict') {
    const name = str(at(lit, 'name')) ?? str(at(lit, 'class'));
    const module = str(at(lit, 'module'));
    if (!name || !module) return null;
    return {
      field,
      form: 'mapping',
      module: module.value,
      cls: name.value,
      range: lit.range,
      moduleRange: module.range,
      clsRange: name.range,
    };
  }
  if (lit.kind !== 'str') return null;
  const sep = colon ? lit.value.lastIndexOf(':') : lit.value.lastIndexOf('.');
  if (sep <= 0) return null;
  return {
    field,
    form: colon ? 'colon' : 'dotted',
    module: lit.value.slice(0, sep).trim(),
    cls: lit.value.slice(sep + 1).trim(),
    range: lit.range,
    moduleRange: lit.range,
    clsRange: lit.range,
  };
}

function refsOf(root: Lit | null): ClassRef[] {
  const out: ClassRef[] = [];
  const add = (r: ClassRef | null): void => {
    if (r) out.push(r);
  };
  for (const f of ['input_model', 'output_model']) add(refOf(f, at(root, f), false));
  const dh = at(root, 'handler_routing.default_handler');
  add(refOf('handler_routing.default_handler', dh, dh?.kind === 'str' && dh.value.includes(':')));
  const handlers = at(root, 'handler_routing.handlers');
  if (handlers?.kind === 'list') {
    handlers.items.forEach((h, i) => {
      add(refOf(`handler_routing.handlers[${i}].handler`, at(h, 'handler'), false));
      add(refOf(`handler_routing.handlers[${i}].event_model`, at(h, 'event_model'), false));
    });
  }
  // The legacy `handler: {module, class}` (discovery.py:603).
  add(refOf('handler', at(root, 'handler'), false));
  return out;
}

/**
 * Topics at the top level, under `event_bus`, or `events.emits`/`events.subscribes` (compliance scan, handler.py:547).
 */
function topicsOf(root: Lit | null): Topic[] {
  const out: Topic[] = [];
  const list = (lit: Lit | null): Lit[] | null => (lit?.kind === 'list' ? lit.items : null);
  for (const [dir, key, alt] of [
    ['publish', 'publish_topics', 'events.emits'],
    ['subscribe', 'subscribe_topics', 'events.subscribes'],
  ] as const) {
    const found = (
      [
        ['top', list(at(root, key))],
        ['event_bus', list(at(root, `event_bus.${key}`))],
        ['events', list(at(root, alt))],
      ] as const
    ).find(([, items]) => items !== null);
    const [under, items] = found ?? ['top', []];
    for (const t of items ?? []) if (t.kind === 'str') out.push({ topic: t.value, dir, range: t.range, under });
  }
  return out;
}
