// Stage 3, second half: what a `<stem>_meta.yaml` describes (SPEC §1.5). Its subject is `<stem>.py`
// beside it (or `.ts`/`.js` for apcore modules); the entry is the module registered for that file
// (its id-map id, else its path id), else the step of the context whose builder_step_name or
// config_class is a class defined in the subject, else the step named by the subject's file name
// (the canonical-name rules of §5).
import type { StepEntry } from '../../../model/entries/source';
import { canonicalName } from '../../../util/canonical';
import { entryKey, subjectFile } from '../../../model/discovery/subject';
import type { Binding } from '../../../model/discovery/types';

export interface BindEnv {
  exists(path: string): boolean;
  /**
   * The engine's own copy of an existing path: a binding keeps it, not the string built to look for it (10,000 subjects
   * on a large org).
   */
  heldPath(path: string): string;
  /**
   * The module scanned from this file: its registered entry (null when its id is a duplicate), with whether the id map
   * named it.
   */
  moduleOf(file: string): { entry: StepEntry | null; mapped: boolean } | null;
  /** Class names defined in a Python file. */
  classNames(file: string): string[];
  /** Steps winning in the context whose builder_step_name or config_class is one of `classes`. */
  stepsUsing(classes: ReadonlySet<string>): StepEntry[];
  /** Step names of the context (for the canonical name of the subject's file name). */
  stepNames(): Iterable<string>;
  winner(name: string): StepEntry | null;
}

export function bindMeta(metaFile: string, env: BindEnv): Binding {
  const found = subjectFile(metaFile, (f) => env.exists(f));
  const subject = found === undefined ? null : env.heldPath(found);
  const none: Binding = { subject, entry: null, name: null, rule: null };
  if (!subject) return none;
  const bound = (e: StepEntry, rule: string): Binding => ({ subject, entry: entryKey(e), name: e.name, rule });
  const mod = env.moduleOf(subject);
  if (mod) return mod.entry ? bound(mod.entry, mod.mapped ? 'id map' : 'module path') : none;
  if (!subject.endsWith('.py')) return none;
  const classes = new Set(env.classNames(subject));
  const using = classes.size > 0 ? env.stepsUsing(classes) : [];
  if (using.length > 0) {
    const byName = canonicalName(
      subject,
      using.map((e) => e.name),
    );
    const pick =
      using.find((e) => e.name === byName) ?? ([...using].sort((a, b) => (a.name < b.name ? -1 : 1))[0] as StepEntry);
    const cls = [...classes].find((c) =>
      [pick.fields.get('builder_step_name'), pick.fields.get('config_class')].some(
        (f) => f?.value.kind === 'str' && f.value.value === c,
      ),
    );
    return bound(pick, `class ${cls ?? ''}`.trim());
  }
  const name = canonicalName(subject, env.stepNames());
  const e = name ? env.winner(name) : null;
  return e ? bound(e, 'file name') : none;
}
