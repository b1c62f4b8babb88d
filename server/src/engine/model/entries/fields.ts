// Checks of one step entry against the field table of SPEC §1.3: required fields (RL008), value
// types (RL008), names (RL009, RL012), sagemaker_step_type (RL010) and near-miss keys (RL016).
import type { Diagnostic, Range, Settings } from '../../types';
import { STEP_SETTINGS } from '../settings';
import type { Lit } from '../../literal';
import { diag } from '../codes';
import { closest, editDistance } from '../../util/editDistance';
import type { StepEntry } from './entry';
import { fieldValue, forEachFieldValue, type FieldValue } from './dictFields';

export type FieldType = 'str' | 'int' | 'list[str]';

export const STEP_FIELDS: Record<string, { type: FieldType; doc: string }> = {
  config_class: { type: 'str', doc: "Name of the step's config class (ends with `Config`)." },
  builder_step_name: { type: 'str', doc: 'Class name of the step builder (ends with `StepBuilder`).' },
  spec_type: { type: 'str', doc: 'Specification type, usually the step name.' },
  sagemaker_step_type: { type: 'str', doc: 'SageMaker step type (`Processing`, `Training`, …).' },
  description: { type: 'str', doc: 'What the step does.' },
  framework: { type: 'str', doc: 'Framework, used by the `framework_match` strategy.' },
  job_types: { type: 'list[str]', doc: 'Job types the step supports.' },
  priority: { type: 'int', doc: 'Resolution priority (default 100); lower wins in `priority_based`.' },
  environment_tags: { type: 'list[str]', doc: 'Environments the step targets (`environment_match`).' },
  compatibility_tags: { type: 'list[str]', doc: 'Compatibility tags.' },
  framework_version: { type: 'str', doc: 'Framework version.' },
  conflict_resolution_strategy: {
    type: 'str',
    doc: 'One of `workspace_priority`, `framework_match`, `environment_match`, `priority_based`.',
  },
};
/**
 * STEP_FIELDS by name: a field name read from a file is a fresh string, found faster in a Map (and never an Object
 * property such as `constructor`).
 */
const FIELD_SPECS = new Map(Object.entries(STEP_FIELDS));
/** The spec of a known step field; undefined for free metadata. */
export function fieldSpec(name: string): { type: FieldType; doc: string } | undefined {
  return FIELD_SPECS.get(name);
}
export const STRATEGIES = ['workspace_priority', 'framework_match', 'environment_match', 'priority_based'];
export const REQUIRED_FIELDS = ['sagemaker_step_type', 'description'];
export const REQUIRED_CORE_FIELDS = ['config_class', 'builder_step_name', 'spec_type'];
const REQUIRED_OF_CORE = [...REQUIRED_FIELDS, ...REQUIRED_CORE_FIELDS];
/** Steps of these types keep their classes outside the component directories (no RL005/RL006). */
export const EXEMPT_STEP_TYPES = new Set(['Base', 'Utility']);

const VALID_NAME = /^[\w-]+$/;
const PASCAL = /^[A-Z][A-Za-z0-9]*$/;

export function checkEntryFields(e: StepEntry, isCore: boolean, settings: Settings): Diagnostic[] {
  const out = checkStepName(e);
  if (e.value.kind !== 'dict') {
    out.push(
      diag(
        e.file,
        e.value.range,
        'RL008',
        `The definition of '${e.name}' must be a dict of fields, not ${describe(e.value)}`,
        { severity: 'error' },
      ),
    );
    return out;
  }
  const missing: string[] = [];
  for (const f of isCore ? REQUIRED_OF_CORE : REQUIRED_FIELDS) {
    const v = fieldValue(e.fields, f);
    if (!v || (v.kind === 'str' && v.value.trim() === '') || v.kind === 'none') missing.push(f);
  }
  if (missing.length > 0) {
    out.push(
      diag(
        e.file,
        e.keyRange,
        'RL008',
        `Step '${e.name}' is missing required field${missing.length > 1 ? 's' : ''} ` +
          `${missing.map((m) => `'${m}'`).join(', ')}`,
      ),
    );
  }
  forEachFieldValue(e.fields, (key, value) => {
    const spec = fieldSpec(key);
    if (!spec) {
      const near = nearField(key);
      if (near) {
        out.push(
          diag(
            e.file,
            (e.fields.get(key) as FieldValue).keyRange,
            'RL016',
            `Unknown field '${key}'. Did you mean '${near}'?`,
            {
              // renaming onto a field the entry has already would duplicate the key
              fixes: e.fields.has(near)
                ? []
                : [
                    {
                      title: `Rename to '${near}'`,
                      preferred: true,
                      edits: [{ file: e.file, edits: [{ range: innerOfKey(e, key), newText: near }] }],
                    },
                  ],
            },
          ),
        );
      }
      return;
    }
    if (value.kind === 'none') return;
    if (!hasType(value, spec.type)) {
      out.push(
        diag(
          e.file,
          value.range,
          'RL008',
          `Field '${key}' of '${e.name}' must be ${spec.type}, not ${describe(value)}`,
          { severity: 'error' },
        ),
      );
      return;
    }
    if (value.kind !== 'str') return;
    const v = value.value;
    if (key === 'sagemaker_step_type') out.push(...checkStepType(e.file, value, settings));
    if (key === 'config_class' && v !== '' && !v.endsWith('Config') && !isAbstract(e, settings)) {
      out.push(diag(e.file, value.range, 'RL012', `Config class '${v}' does not end with 'Config'`));
    }
    if (key === 'builder_step_name' && v !== '' && !v.endsWith('StepBuilder') && !isAbstract(e, settings)) {
      out.push(diag(e.file, value.range, 'RL012', `Builder class '${v}' does not end with 'StepBuilder'`));
    }
    if (key === 'conflict_resolution_strategy' && !STRATEGIES.includes(v)) {
      out.push(
        diag(
          e.file,
          value.range,
          'RL008',
          `Unknown conflict_resolution_strategy '${v}' (one of ${STRATEGIES.join(', ')})`,
          { severity: 'error' },
        ),
      );
    }
  });
  return out;
}

/** RL009/RL012 on a step name. */
export function checkStepName(e: StepEntry): Diagnostic[] {
  if (!VALID_NAME.test(e.name))
    return [diag(e.file, e.keyRange, 'RL009', `Invalid step name '${e.name}': use only letters, digits, '_' and '-'`)];
  return PASCAL.test(e.name) ? [] : [diag(e.file, e.keyRange, 'RL012', `Step name '${e.name}' is not PascalCase`)];
}

/** RL010 on a `sagemaker_step_type` value outside the configured list. */
export function checkStepType(file: string, sv: Extract<Lit, { kind: 'str' }>, settings: Settings): Diagnostic[] {
  const v = sv.value;
  const known = STEP_SETTINGS.of(settings).sagemakerStepTypes;
  if (v === '' || known.includes(v)) return [];
  const near = closest(v, known, 3);
  return [
    diag(
      file,
      sv.range,
      'RL010',
      `Unknown sagemaker_step_type '${v}'` +
        `${near.length ? `. Did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ''}`,
      {
        // The known list is long: it goes to a related line, the message stays one line in the Problems panel.
        related: [{ file, range: sv.range, message: `known: ${known.join(', ')}` }],
        fixes: near.map((n, i) => ({
          title: `Change to '${n}'`,
          preferred: i === 0,
          edits: [{ file, edits: [{ range: sv.inner, newText: n }] }],
        })),
      },
    ),
  ];
}

/** Rows cursus treats as abstract (the `abstractSteps` setting): they name base classes on purpose. */
export function isAbstract(e: StepEntry, settings: Settings): boolean {
  return STEP_SETTINGS.of(settings).abstractSteps.includes(e.name);
}

/**
 * No builder or config class to find: abstract rows, and steps of the `Base`/`Utility` types (their classes live
 * elsewhere).
 */
export function isComponentExempt(e: StepEntry, settings: Settings): boolean {
  const t = fieldValue(e.fields, 'sagemaker_step_type');
  return isAbstract(e, settings) || (t?.kind === 'str' && EXEMPT_STEP_TYPES.has(t.value));
}

function nearField(key: string): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const known of Object.keys(STEP_FIELDS)) {
    const d = editDistance(key.toLowerCase(), known, 2);
    if (d < bestD) {
      best = known;
      bestD = d;
    }
  }
  return best;
}

function hasType(v: Lit, t: FieldType): boolean {
  if (t === 'str') return v.kind === 'str';
  if (t === 'int') return v.kind === 'num' && v.int;
  return v.kind === 'list' && v.items.every((i) => i.kind === 'str');
}

function describe(v: Lit): string {
  switch (v.kind) {
    case 'str':
      return `a string ("${v.value.length > 30 ? `${v.value.slice(0, 27)}...` : v.value}")`;
    case 'num':
      return `a number (${v.value})`;
    case 'bool':
      return `a bool (${v.value ? 'True' : 'False'})`;
    case 'list':
      return 'a list';
    case 'dict':
      return 'a dict';
    case 'none':
      return 'None';
    case 'other':
      return `an expression (${v.text})`;
  }
}

function innerOfKey(e: StepEntry, key: string): Range {
  const dict = e.value.kind === 'dict' ? e.value : null;
  const k = dict?.entries.find((d) => d.key.kind === 'str' && d.key.value === key)?.key;
  return k && k.kind === 'str' ? k.inner : (e.fields.get(key)?.keyRange as Range);
}
