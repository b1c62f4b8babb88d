// A registry entry as every stage sees it: a named definition in one file, with its layer, its place
// and its literal value. Shared by the per-file readers, the field checks and the model.
import type { Range } from '../../types';
import type { Lit } from '../../literal';
import type { FieldMap, FieldValue } from './dictFields';
import { sameData } from '../../util/equality';

export type { FieldValue };

/** `module`: a module found under an extension root (SPEC §1.6), named by its module id. */
export type Layer = 'core' | 'local' | 'override' | 'module';

export interface StepEntry {
  name: string;
  file: string;
  layer: Layer;
  /** Workspace directory for local/override entries, null for core. */
  wsDir: string | null;
  variable: string;
  keyRange: Range;
  /** The key's characters between the quotes, where renames edit. */
  keyInner: Range;
  range: Range;
  value: Lit;
  fields: FieldMap;
  /** The real tool synthesizes this step's builder (an interface step): no builder class has to exist. */
  synthesized?: boolean;
  /** An interface step whose `contract.entry_point` is null: it runs no script of its own (a model, a transform). */
  scriptless?: true;
  /** A syntax error lies inside the entry (it is being typed): its fields are not checked. */
  broken?: true;
  /** Per job type ('' for none), why the real tool refuses to load the step's interface (null: it loads). */
  refusals?: Refusals;
  /** The legacy-format row the real tool derives from this definition, where it is not the fields as written. */
  legacy?: Readonly<Record<string, unknown>>;
}

/** Why the real tool refuses a step's definition: its error, and the place in the file it is about. */
export interface Refusal {
  message: string;
  file: string;
  range: Range;
}

export type Refusals = ReadonlyMap<string, Refusal | null>;

/** The refusal loading the step for a job type meets: its variant's when it declares one, else the base's. */
export function refusalFor(e: StepEntry, jobType: string | null): Refusal | null {
  const r = e.refusals;
  if (!r) return null;
  return r.get(jobType && r.has(jobType) ? jobType : '') ?? null;
}

/** Two parses of one entry are equal when its place, its value and its flags are (`fields` is read from `value`). */
export function sameEntry(a: StepEntry, b: StepEntry): boolean {
  return (
    a === b ||
    (a.name === b.name &&
      a.file === b.file &&
      a.layer === b.layer &&
      a.wsDir === b.wsDir &&
      a.variable === b.variable &&
      a.synthesized === b.synthesized &&
      a.scriptless === b.scriptless &&
      a.broken === b.broken &&
      sameData(a.refusals, b.refusals) &&
      sameData(a.legacy, b.legacy) &&
      sameData(a.keyRange, b.keyRange) &&
      sameData(a.keyInner, b.keyInner) &&
      sameData(a.range, b.range) &&
      sameData(a.value, b.value))
  );
}
