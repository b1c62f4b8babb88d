// Reads one `*.step.yaml` interface into the step it defines (SPEC §1.8), mirroring cursus's
// `build_registry_from_interfaces()`: name = `step_type`, `config_class` / `builder_step_name` from
// the `registry:` block or by convention, `spec_type` = the name. Also what the cross-file checks need
// (its script, the names in `compatible_sources`) and every diagnostic of the file alone: syntax
// (RL030), duplicate keys (RL001), schema (RL020, RL016), the registry row (RL008, RL010, RL012 name),
// the file name cursus looks the step up by (RL012) and contract ↔ spec (RL019).
import type { Diagnostic, Range, Settings } from '../../../types';
import { dictEntry, strLit, toPlain, type Lit } from '../../../literal';
import { bareObject } from '../../../util/configData';
import { diag } from './codes';
import { conventionalFileName } from '../../../util/naming';
import { outsideErrorZones, parseYamlLit, type YamlFacts } from '../../../yaml/yamlLit';
import {
  addSyntaxErrors,
  duplicateKeys,
  emptySource,
  type FieldValue,
  type NameRef,
  type RegistrySource,
  type StepEntry,
} from '../../../model/entries/source';
import { checkStepName, checkStepType } from '../../../model/entries/fields';
import { nearMissKeys, schemaDiagnostics } from './schema';
import { INTERFACE_SUFFIX } from './roles';
import { contractSpecMismatches } from './alignment';
import { SDK_DELEGATION_TYPES } from '../framework';

type Str = Extract<Lit, { kind: 'str' }>;

/** A name in a `compatible_sources` list: the consumer's dependency it feeds. */
export interface SourceRef extends NameRef {
  dependency: string;
}

/** What the cross-file checks and features need of an interface besides its registry entry. */
export interface InterfaceDoc {
  file: string;
  wsDir: string | null;
  root: Lit | null;
  /** The step it defines (the `step_type` value). */
  step: string | null;
  /** `contract.entry_point` when it names a script the step needs (null when the real tool needs none). */
  script: { value: string; range: Range; inner: Range } | null;
  sources: SourceRef[];
}

export function readInterface(
  file: string,
  wsDir: string | null,
  text: string,
  settings: Settings,
): { source: RegistrySource; doc: InterfaceDoc } {
  const facts = parseYamlLit(text, { pyyaml: true });
  const read = readFacts(file, wsDir, facts, settings);
  // A node that is only wrong because of a syntax error next to it (a line blanked while typing) is not reported.
  read.source.diagnostics = outsideErrorZones(read.source.diagnostics, facts.errorZones);
  return read;
}

function readFacts(
  file: string,
  wsDir: string | null,
  facts: YamlFacts,
  settings: Settings,
): { source: RegistrySource; doc: InterfaceDoc } {
  // cursus's loader writes each interface over the table in sorted file order: the last file wins a name.
  const source: RegistrySource = { ...emptySource(file, wsDir ? 'workspace' : 'core'), overwrites: true };
  addSyntaxErrors(source, facts.errors);
  const root = facts.value;
  const doc: InterfaceDoc = { file, wsDir, root, step: null, script: null, sources: [] };
  if (root?.kind !== 'dict') return { source, doc };
  const d = source.diagnostics;
  d.push(...duplicateKeys(file, root, 'PyYAML'), ...schemaDiagnostics(file, root), ...nearMissKeys(file, root));
  doc.sources = compatibleSources(file, root);
  source.depRefs = doc.sources;
  const alignment = contractSpecMismatches(file, root);
  d.push(...alignment.diagnostics);
  const stepLit = dictEntry(root, 'step_type')?.value;
  if (stepLit?.kind !== 'str' || stepLit.value === '') return { source, doc };
  const entry = toEntry(file, wsDir, root, stepLit);
  doc.step = entry.name;
  doc.script = scriptOf(root, entry);
  if (dictEntry(dictEntry(root, 'contract')?.value, 'entry_point')?.value.kind === 'none') entry.scriptless = true;
  if ([...alignment.refusals.values()].some((r) => r !== null)) entry.refusals = alignment.refusals;
  source.entries.push(entry);
  d.push(...checkStepName(entry), ...registryRow(file, root, entry, settings), ...fileName(file, stepLit));
  return { source, doc };
}

function toEntry(file: string, wsDir: string | null, root: Lit, stepLit: Str): StepEntry {
  const name = stepLit.value;
  const registry = dictEntry(root, 'registry');
  const fields = new Map<string, FieldValue>();
  if (registry?.value.kind === 'dict') {
    for (const f of registry.value.entries)
      if (f.key.kind === 'str') fields.set(f.key.value, { keyRange: f.key.range, value: f.value });
  }
  const derived = (v: string): FieldValue => ({
    keyRange: stepLit.range,
    value: strLit(v, stepLit.range, stepLit.inner),
  });
  if (!nonEmpty(fields.get('config_class'))) fields.set('config_class', derived(`${name}Config`));
  if (!nonEmpty(fields.get('builder_step_name'))) fields.set('builder_step_name', derived(`${name}StepBuilder`));
  fields.set('spec_type', derived(name));
  return {
    legacy: legacyRow(name, fields),
    name,
    file,
    layer: wsDir ? 'local' : 'core',
    wsDir,
    variable: 'step_type',
    keyRange: stepLit.range,
    keyInner: stepLit.inner,
    range: root.range,
    value: registry?.value.kind === 'dict' ? registry.value : { kind: 'dict', entries: [], range: stepLit.range },
    fields,
    synthesized: true,
  };
}

/**
 * The step's row as cursus's legacy table holds it: `build_registry_from_interfaces()` keeps five fields of the
 * `registry:` block, `description` defaulting to "" (registry/interface_registry_loader.py 102-130); the hybrid
 * manager's `from_legacy_format()` then `to_legacy_format()` add `job_types: []` and drop unset fields, strings
 * stripped (registry/hybrid/utils.py 67-136, models.py 57-79).
 */
function legacyRow(name: string, fields: ReadonlyMap<string, FieldValue>): Record<string, unknown> {
  const plain = (k: string): unknown => {
    const f = fields.get(k);
    const v = f ? toPlain(f.value) : null;
    return typeof v === 'string' ? v.trim() : v;
  };
  const description = plain('description');
  const row: [string, unknown][] = [
    ['config_class', plain('config_class')],
    ['builder_step_name', plain('builder_step_name')],
    ['spec_type', name.trim()],
    ['sagemaker_step_type', plain('sagemaker_step_type')],
    ['description', pythonTruthy(description) ? description : ''],
    ['job_types', []],
  ];
  const out = bareObject<unknown>();
  for (const [k, v] of row) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/** Python's truth of a plain value (`registry_block.get("description") or ""`). */
function pythonTruthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v !== null && typeof v === 'object') return Object.keys(v).length > 0;
  return Boolean(v);
}

function nonEmpty(f: FieldValue | undefined): boolean {
  return f?.value.kind === 'str' && f.value.value !== '';
}

/** RL008 without `registry.sagemaker_step_type` (the loader raises for the whole table); RL010 on an unknown one. */
function registryRow(file: string, root: Lit, e: StepEntry, settings: Settings): Diagnostic[] {
  const t = e.fields.get('sagemaker_step_type')?.value;
  if (t?.kind === 'str' && t.value !== '') return checkStepType(file, t, settings);
  if (t && t.kind !== 'str' && t.kind !== 'none') return [];
  const registry = dictEntry(root, 'registry');
  const at = registry?.key.range ?? e.keyRange;
  return [
    diag(
      file,
      at,
      'RL008',
      `Interface of '${e.name}' has no registry.sagemaker_step_type: cursus's build_registry_from_interfaces() ` +
        'raises ValueError, so no step of the registry can be loaded',
    ),
  ];
}

/** The contract's script, unless the real tool needs none (null entry point, SDK delegation). */
function scriptOf(root: Lit, e: StepEntry): InterfaceDoc['script'] {
  const ep = dictEntry(dictEntry(root, 'contract')?.value, 'entry_point')?.value;
  if (ep?.kind !== 'str' || ep.value === '') return null;
  const type = e.fields.get('sagemaker_step_type')?.value;
  if (type?.kind === 'str' && SDK_DELEGATION_TYPES.has(type.value)) return null;
  const assembly =
    dictEntry(dictEntry(root, 'patterns')?.value, 'step_assembly')?.value ??
    dictEntry(dictEntry(root, 'registry')?.value, 'step_assembly')?.value;
  if (assembly?.kind === 'str' && assembly.value === 'delegation') return null;
  return { value: ep.value, range: ep.range, inner: ep.inner };
}

/** Every `compatible_sources` name, in the base spec and in each job-type variant's. */
function compatibleSources(file: string, root: Lit): SourceRef[] {
  const out: SourceRef[] = [];
  const fromSpec = (spec: Lit | undefined): void => {
    const deps = dictEntry(spec, 'dependencies')?.value;
    if (deps?.kind !== 'dict') return;
    for (const dep of deps.entries) {
      if (dep.key.kind !== 'str') continue;
      const list = dictEntry(dep.value, 'compatible_sources')?.value;
      if (list?.kind !== 'list') continue;
      for (const item of list.items) {
        if (item.kind === 'str' && item.value !== '')
          out.push({ name: item.value, file, range: item.range, inner: item.inner, dependency: dep.key.value });
      }
    }
  };
  fromSpec(dictEntry(root, 'spec')?.value);
  const variants = dictEntry(root, 'variants')?.value;
  if (variants?.kind === 'dict') for (const v of variants.entries) fromSpec(dictEntry(v.value, 'spec')?.value);
  return out;
}

/** cursus's `_canonical_key()`: lower-case, letters and digits only. */
export function canonicalKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Whether cursus's `_resolve_interface_path(step)` finds the interface file `file` (by its conventional name, else its
 * canonical key).
 */
export function foundByLookup(file: string, step: string): boolean {
  return lookupFinds(step)(file);
}

/** `foundByLookup(file, step)` for one step and many files (the step's spellings computed once). */
export function lookupFinds(step: string): (file: string) => boolean {
  const conventional = conventionalFileName(step);
  const canonical = canonicalKey(step);
  return (file) => {
    const stem = file.slice(file.lastIndexOf('/') + 1).slice(0, -INTERFACE_SUFFIX.length);
    return stem === conventional || canonicalKey(stem) === canonical;
  };
}

/**
 * RL012 when cursus's `_resolve_interface_path()` cannot find this file by the step's name (checks.ts rewords it when
 * it finds another file).
 */
function fileName(file: string, stepLit: Str): Diagnostic[] {
  if (foundByLookup(file, stepLit.value)) return [];
  const base = file.slice(file.lastIndexOf('/') + 1);
  return [
    diag(
      file,
      stepLit.range,
      'RL012',
      `cursus looks the interface of '${stepLit.value}' up as ` +
        `${conventionalFileName(stepLit.value)}${INTERFACE_SUFFIX}, not ${base}: ` +
        `load_interface('${stepLit.value}') fails and no builder is synthesized`,
      {
        related: [
          {
            file,
            range: stepLit.range,
            message: 'cursus also accepts a file named like the step ignoring case and separators',
          },
        ],
      },
    ),
  ];
}
