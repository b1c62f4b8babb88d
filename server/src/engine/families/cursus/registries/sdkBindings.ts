// The steps the cursus in the repository binds to an SDK step class, read from its own
// `step_catalog/sdk_bindings.py` (`SDK_STEP_CLASS_THUNKS`, 2.9.32 lines 57-62): `_synthesize_builder()`
// builds a step whose interface says `registry.requires: secure_ai_sandbox_workflow_python_sdk` only
// when the step is a key there (`step_catalog/builder_discovery.py:313-326`, else None: no builder).
import type { PyFacts } from '../../../python/facts';
import type { SdkBindings } from '../../../model/entries/registry';

/** Null when the module assigns no dict literal to `SDK_STEP_CLASS_THUNKS` (nothing is judged then). */
export function sdkBindings(file: string, facts: PyFacts): SdkBindings | null {
  const v = facts.assignments.get('SDK_STEP_CLASS_THUNKS')?.value;
  if (v?.kind !== 'dict') return null;
  return { file, steps: v.entries.flatMap((e) => (e.key.kind === 'str' ? [e.key.value] : [])) };
}
