// The checks of one config JSON against the config classes it names, each what the compile path does
// (`steps/configs/utils.py` `load_configs`; severities follow the consequence):
// - RL091: a `config_types` class config discovery does not find: `load_configs` raises (utils.py:349-359).
// - RL092: a `specific` entry no `config_types` entry names: never built, silently (utils.py:283 reads
//   config_types only).
// - RL093: a field the class requires missing from `shared` + `specific`: `load_configs` raises when the entry has no
//   `__model_type__` (utils.py:342); with one, the serializer logs an ERROR and builds the config without the field
//   (`model_construct`, type_aware_config_serializer.py:376-381), which fails where the field is read.
// - RL094: a value pydantic rejects for the field's annotation: logged and built anyway with the wrong value.
// - RL095: an unknown field within two edits of a known one: dropped without a word (serializer lines 362-366),
//   or kept as an extra attribute (`extra="allow"`, core/base/config_base.py:170) that nothing reads.
// - RL096: a `job_type` that contradicts the key's job-type suffix: the step is named after the `job_type`
//   (config_resolver.py:156-158), and two keys meaning one job type collide (ResolutionError).
import type { Diagnostic, Fix, Range } from '../../../types';
import type { RegistryModel } from '../../../model/entries/registry';
import { closest, closestWithin } from '../../../util/editDistance';
import { diag } from './codes';
import { configClass, type TextOf } from '../pipelineConfig/classes';
import { fieldType, typeMismatch } from './fieldTypes';
import type { ConfigDoc, KeyedValue, SpecificEntry } from '../pipelineConfig/read';

const MODEL_TYPE = '__model_type__';
/** The job types a key's last `_` part names (`TabularPreprocessingConfig.job_type`'s values). */
const JOB_TYPES = new Set(['training', 'validation', 'testing', 'calibration']);

/** What the file says on its own (RL092, RL096). */
export function checkStructure(file: string, doc: ConfigDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const typed = new Set(doc.types.map((t) => t.step));
  for (const s of doc.specific) {
    if (typed.has(s.name)) continue;
    const why = 'the loader builds only the steps metadata.config_types names, so this entry is dropped';
    out.push(diag(file, s.keyRange, 'RL092', `'${s.name}' has no metadata.config_types entry: ${why}`));
  }
  const sharedJob = doc.shared.find((f) => f.name === 'job_type');
  for (const t of doc.types) {
    const cut = t.step.lastIndexOf('_');
    const suffix = cut < 0 ? '' : t.step.slice(cut + 1).toLowerCase();
    if (!JOB_TYPES.has(suffix)) continue;
    const job = doc.specific.find((s) => s.name === t.step)?.fields.find((f) => f.name === 'job_type') ?? sharedJob;
    if (job?.value.kind !== 'str' || job.value.value.toLowerCase() === suffix) continue;
    const message =
      `job_type '${job.value.value}' contradicts the key '${t.step}': cursus names the step ` +
      `after job_type, and a key of that job type collides with it`;
    out.push(diag(file, job.value.range, 'RL096', message));
  }
  return out;
}

/** What the file's classes say (RL091, RL093-RL095): only where the tree holds cursus's configs. */
export function checkClasses(file: string, doc: ConfigDoc, model: RegistryModel, textOf: TextOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sharedReported = new Set<string>();
  for (const t of doc.types) {
    if (t.cls === null) continue;
    const cls = configClass(model, t.cls, textOf);
    const specific: SpecificEntry | undefined = doc.specific.find((s) => s.name === t.step);
    if (!cls) {
      const near = closest(
        t.cls,
        model.visibleClasses(null, 'config').map((c) => c.name),
        1,
      );
      const hint = near[0] ? ` Did you mean '${near[0]}'?` : '';
      const message = `Config class '${t.cls}' not found in discovered config_classes: load_configs raises.${hint}`;
      out.push(diag(file, t.value.range, 'RL091', message));
      continue;
    }
    const own = specific?.fields ?? [];
    const given = new Map<string, KeyedValue>(doc.shared.map((f) => [f.name, f]));
    for (const f of own) given.set(f.name, f);
    const missing = [...cls.fields.values()].filter((f) => f.required && !given.has(f.name)).map((f) => f.name);
    // without `__model_type__` the entry is built by `config_class(**data)` (utils.py:342), which raises
    const raises = !own.some((f) => f.name === MODEL_TYPE);
    if (missing.length > 0) {
      const then = raises
        ? 'load_configs raises'
        : 'cursus logs an ERROR and builds the config without them, which fails where they are read';
      const names = missing.map((m) => `'${m}'`).join(', ');
      const message = `${t.cls} requires ${names}, in neither shared nor specific: ${then}`;
      out.push(diag(file, specific?.keyRange ?? t.keyRange, 'RL093', message));
    }
    for (const f of given.values()) {
      const field = cls.fields.get(f.name);
      const type = field ? fieldType(field.annotation) : null;
      const why = type ? typeMismatch(type, f.value) : null;
      const shared = !own.includes(f);
      if (!field || !why || (shared && sharedReported.has(f.name))) continue;
      if (shared) sharedReported.add(f.name);
      const message =
        `${t.cls}.${f.name} is \`${field.annotation}\`: ${why}. ` +
        (raises ? 'load_configs raises' : 'cursus logs an ERROR and builds the config with this value anyway');
      out.push(diag(file, f.value.range, 'RL094', message));
    }
    if (!cls.complete) continue;
    for (const f of own) {
      if (f.name === MODEL_TYPE || f.name.startsWith('_') || cls.fields.has(f.name)) continue;
      const near = closestWithin(f.name, cls.fields.keys(), 2);
      if (near === null) continue;
      const message = `${t.cls} has no field '${f.name}' (did you mean '${near}'?): its value never reaches '${near}'`;
      // renaming it where the entry names the field already would give the entry the same key twice
      const fixes = own.some((o) => o.name === near)
        ? []
        : [replaceWith(file, f.keyRange, near, `Rename to '${near}'`)];
      out.push(diag(file, f.keyRange, 'RL095', message, { fixes }));
    }
  }
  return out;
}

/** A quick fix putting the JSON string `value` where `range` (a string with its quotes) is. */
function replaceWith(file: string, range: Range, value: string, title: string): Fix {
  return { title, edits: [{ file, edits: [{ range, newText: JSON.stringify(value) }] }], preferred: true };
}
