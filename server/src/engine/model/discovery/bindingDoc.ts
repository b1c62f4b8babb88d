// What the step model keeps of a binding file (`*.binding.yaml`): its items, as the member that reads
// binding files gives them (member.ts `StepFacts.bindings`), which checks their targets.
import type { Diagnostic, Range } from '../../types';

export interface BindingItem {
  moduleId: { value: string; range: Range } | null;
  /** `target` as written: `module.path:callable` (the characters inside the quotes in `inner`). */
  target: { value: string; range: Range; inner: Range } | null;
  /** `schema_ref`, relative to the binding file's directory. */
  schemaRef: { value: string; range: Range } | null;
}

export interface BindingDoc {
  file: string;
  items: BindingItem[];
  /** What every release of the loader reports. */
  diagnostics: Diagnostic[];
  /** What only the releases that implement the binding spec v1.0 report: the family decides when they are shown. */
  specDiagnostics: Diagnostic[];
}
