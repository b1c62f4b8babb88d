// Turns one registry file (core STEP_NAMES, core YAML, or a workspace registry) into step entries and
// the diagnostics that need only that file: RL001, RL008–RL010, RL012, RL014, RL016, RL030, RL031.
import type { Diagnostic, Range, Settings } from '../../types';
import { eachLitString, keyRange, keyText, type DictEntry, type Lit } from '../../literal';
import { syntaxDiag } from '../../codes';
import { diag } from '../codes';
import type { PyAssignment, PyFacts } from '../../python/facts';
import type { YamlFacts } from '../../yaml/yamlLit';
import { checkEntryFields } from './fields';
import { overlaps } from '../../text/ranges';
import type { Layer, StepEntry } from './entry';
import { dictFields, fieldValue } from './dictFields';

export type { FieldValue, Layer, StepEntry } from './entry';

/** A string-valued reference to a step name (e.g. `WORKSPACE_METADATA.dependencies`). */
export interface NameRef {
  name: string;
  file: string;
  range: Range;
  inner: Range;
}

export interface RegistryVar {
  name: string;
  nameRange: Range;
  range: Range;
  value: Lit;
}

export interface RegistrySource {
  file: string;
  kind: 'core' | 'workspace';
  entries: StepEntry[];
  vars: RegistryVar[];
  /** Workspace id declared by `WORKSPACE_METADATA["developer_id"]`. */
  developerId: { value: string; range: Range } | null;
  metadata: Lit | null;
  depRefs: NameRef[];
  diagnostics: Diagnostic[];
  /** Among core sources, a higher precedence wins a name (default 0; then the first file in path order). */
  precedence?: number;
  /**
   * Written over the table in path order, so that among such sources of one precedence the last file
   * wins a name (cursus's interface loader: `sorted(glob("*.step.yaml"))`, `table[name] = …`).
   */
  overwrites?: boolean;
}

/**
 * Every string a source keeps besides its diagnostics (`FileFamily.stringsOf`): entries' values are its variables'
 * dicts' values, walked with them.
 */
export function sourceStrings(src: RegistrySource, each: (s: string) => string): void {
  for (const e of src.entries) {
    e.name = each(e.name);
    e.variable = each(e.variable);
  }
  for (const v of src.vars) {
    v.name = each(v.name);
    eachLitString(v.value, each);
  }
  if (src.metadata) eachLitString(src.metadata, each);
  if (src.developerId) src.developerId.value = each(src.developerId.value);
  for (const r of src.depRefs) r.name = each(r.name);
}

export function fieldStr(e: StepEntry, field: string): string | null {
  const v = fieldValue(e.fields, field);
  return v?.kind === 'str' ? v.value : null;
}

/** A core source from the literal dict `variable` (cursus's `STEP_NAMES`, or a loader's `_EXTRAS`). */
export function coreSourceFromPython(
  file: string,
  facts: PyFacts,
  settings: Settings,
  variable = 'STEP_NAMES',
): RegistrySource {
  const src = emptySource(file, 'core');
  addSyntaxErrors(src, facts.errors);
  const asg = facts.assignments.get(variable);
  if (asg) readVariable(src, asg.name, asg.nameRange, asg.stmtRange, asg.value, 'core', null, settings);
  return src;
}

export function coreSourceFromYaml(file: string, facts: YamlFacts, settings: Settings): RegistrySource {
  const src = emptySource(file, 'core');
  addSyntaxErrors(src, facts.errors);
  if (facts.value?.kind !== 'dict') return src;
  checkDuplicateKeys(src, facts.value);
  for (const e of facts.value.entries) {
    if (e.key.kind === 'str' && e.key.value === 'step_names')
      readVariable(src, 'step_names', e.key.range, e.range, e.value, 'core', null, settings);
  }
  return src;
}

/** A workspace registry's source; `tool`, the name of the tool whose manager loads it, as RL014 says it. */
export function workspaceSource(
  file: string,
  wsDir: string,
  facts: PyFacts,
  settings: Settings,
  tool: string,
): RegistrySource {
  const src = emptySource(file, 'workspace');
  addSyntaxErrors(src, facts.errors);
  const local = facts.assignments.get('LOCAL_STEPS');
  const legacy = facts.assignments.get('WORKSPACE_STEPS');
  if (legacy) src.diagnostics.push(unreadLegacy(file, legacy, local, tool));
  if (local) readVariable(src, local.name, local.nameRange, local.stmtRange, local.value, 'local', wsDir, settings);
  const overrides = facts.assignments.get('STEP_OVERRIDES');
  if (overrides)
    readVariable(
      src,
      overrides.name,
      overrides.nameRange,
      overrides.stmtRange,
      overrides.value,
      'override',
      wsDir,
      settings,
    );
  const meta = facts.assignments.get('WORKSPACE_METADATA');
  if (meta) readMetadata(src, meta.value);
  return src;
}

/** Step names an RL014 lists before "and N more". */
const LISTED = 5;

/**
 * RL014: cursus's manager reads a workspace registry's LOCAL_STEPS, STEP_OVERRIDES and WORKSPACE_METADATA
 * only (`registry/hybrid/manager.py:235-258` in 2.9.32, `:220-240` in 1.x); no cursus release reads
 * WORKSPACE_STEPS (an archived design's name), so its steps are silently not registered.
 */
function unreadLegacy(file: string, legacy: PyAssignment, local: PyAssignment | undefined, tool: string): Diagnostic {
  const keys = legacy.value.kind === 'dict' ? legacy.value.entries.map((e) => keyText(e)) : [];
  const names = [...new Set(keys.filter((k): k is string => k !== undefined))];
  const one = names.length === 1;
  const more = names.length > LISTED ? ` and ${names.length - LISTED} more` : '';
  const listed =
    names
      .slice(0, LISTED)
      .map((n) => `'${n}'`)
      .join(', ') + more;
  const steps = one ? 'its step' : `its ${names.length} steps`;
  const lost = names.length === 0 ? '' : `: ${steps} ${listed} ${one ? 'is' : 'are'} not registered`;
  const message =
    `${tool} never reads WORKSPACE_STEPS, only LOCAL_STEPS${lost}. ` + `Move ${one ? 'it' : 'them'} into LOCAL_STEPS.`;
  // Without a LOCAL_STEPS, renaming the variable registers its steps; beside one, the two dicts need a person.
  const edits = [{ file, edits: [{ range: legacy.nameRange, newText: 'LOCAL_STEPS' }] }];
  const rename = { title: 'Rename WORKSPACE_STEPS to LOCAL_STEPS', edits };
  const options = local
    ? { related: [{ file, range: local.nameRange, message: 'LOCAL_STEPS is defined here' }] }
    : { fixes: [rename] };
  return diag(file, legacy.nameRange, 'RL014', message, options);
}

export function emptySource(file: string, kind: 'core' | 'workspace'): RegistrySource {
  return { file, kind, entries: [], vars: [], developerId: null, metadata: null, depRefs: [], diagnostics: [] };
}

export function addSyntaxErrors(
  src: RegistrySource,
  errors: { range: Range; message: string; unread?: boolean }[],
): void {
  for (const e of errors) src.diagnostics.push(syntaxDiag(src.file, e));
}

/** Reads one registry variable: its entries, where each name last appears, and their diagnostics. */
function readVariable(
  src: RegistrySource,
  name: string,
  nameRange: Range,
  stmtRange: Range,
  value: Lit,
  layer: Layer,
  wsDir: string | null,
  settings: Settings,
): void {
  if (value.kind !== 'dict') {
    src.diagnostics.push(
      diag(
        src.file,
        stmtRange,
        'RL031',
        `${name} is not a dict literal, so this file contributes no entries (Registry Lens never runs code)`,
      ),
    );
    return;
  }
  src.vars.push({ name, nameRange, range: stmtRange, value });
  checkDuplicateKeys(src, value);
  const broken = src.diagnostics.filter((d) => d.code === 'RL030').map((d) => d.range);
  const lastIndex = new Map<string, number>();
  value.entries.forEach((e, i) => {
    const k = keyText(e);
    if (k !== undefined) lastIndex.set(k, i);
  });
  value.entries.forEach((e, i) => {
    const k = keyText(e);
    if (k === undefined) {
      src.diagnostics.push(
        diag(
          src.file,
          e.key.range,
          'RL009',
          'Step names must be string literals; this key is ' +
            `${e.key.kind === 'other' ? `'${e.key.text}'` : 'not a string'}`,
        ),
      );
      return;
    }
    if (lastIndex.get(k) !== i) return;
    const entry = toEntry(src.file, e, layer, wsDir, name);
    src.entries.push(entry);
    // An entry with a syntax error in it is still defined (other files see it), but its fields are
    // only half typed: checking them would report what the syntax error already says.
    if (broken.some((r) => overlaps(r, e.range))) entry.broken = true;
    else pushAll(src.diagnostics, checkEntryFields(entry, src.kind === 'core', settings));
  });
}

export function toEntry(file: string, e: DictEntry, layer: Layer, wsDir: string | null, variable: string): StepEntry {
  const fields = dictFields(e.value);
  const key = e.key as Extract<Lit, { kind: 'str' }>;
  return {
    name: key.value,
    file,
    layer,
    wsDir,
    variable,
    keyRange: key.range,
    keyInner: key.inner,
    range: e.range,
    value: e.value,
    fields,
  };
}

/** RL001 on every dict literal of the variable: Python keeps the last key silently. */
function checkDuplicateKeys(src: RegistrySource, value: Lit): void {
  pushAll(src.diagnostics, duplicateKeys(src.file, value, 'Python'));
}

/** `to.push(...from)` without spreading (a spread of ~125k items overflows the stack). */
export function pushAll<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}

/** RL001 on the earlier of two equal keys of any dict in `value`; `reader` is who keeps the later one. */
export function duplicateKeys(file: string, value: Lit, reader: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: Lit[] = [value];
  while (stack.length > 0) {
    const v = stack.pop() as Lit;
    if (v.kind === 'list') pushAll(stack, v.items);
    if (v.kind !== 'dict') continue;
    // A small dict (a step's fields) is searched in place: no Map to build for a dozen keys.
    const last = v.entries.length > SMALL_DICT ? new Map<string, DictEntry>() : null;
    for (let i = v.entries.length - 1; i >= 0; i--) {
      const e = v.entries[i] as DictEntry;
      stack.push(e.value);
      const k = keyText(e);
      if (k === undefined) continue;
      const later = last ? last.get(k) : nextWithKey(v.entries, i, k);
      if (later) {
        out.push(
          diag(
            file,
            keyRange(e),
            'RL001',
            `Duplicate key '${k}': ${reader} keeps only the later one, so this definition is silently ignored`,
            {
              related: [{ file, range: keyRange(later), message: `'${k}' is defined again here` }],
            },
          ),
        );
      }
      last?.set(k, e);
    }
  }
  return out;
}

const SMALL_DICT = 16;

/** The first entry after entry `i` with the string key `key`. */
function nextWithKey(entries: readonly DictEntry[], i: number, key: string): DictEntry | undefined {
  for (let j = i + 1; j < entries.length; j++) {
    if (keyText(entries[j] as DictEntry) === key) return entries[j];
  }
  return undefined;
}

function readMetadata(src: RegistrySource, value: Lit): void {
  src.metadata = value;
  if (value.kind !== 'dict') return;
  for (const e of value.entries) {
    if (e.key.kind !== 'str') continue;
    if (e.key.value === 'developer_id' && e.value.kind === 'str')
      src.developerId = { value: e.value.value, range: e.value.range };
    if (e.key.value === 'dependencies' && e.value.kind === 'list') {
      for (const item of e.value.items)
        if (item.kind === 'str')
          src.depRefs.push({ name: item.value, file: src.file, range: item.range, inner: item.inner });
    }
  }
}
