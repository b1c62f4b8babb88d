// The build strategies of the cursus in the repository, read from its own `core/base/builder_templates.py`:
// each handler registers itself with `@register_strategy(axis="…", name="…")` (`registry/strategy_registry.py`
// `register_strategy()`), and a step builds only when its `sagemaker_step_type` (for `Processing`, its
// `step_assembly`) names one (`resolve_strategy()` raises `NoBuilderError` otherwise: Base, Lambda, unknown).
import type { BuildStrategies } from '../../../model/entries/registry';

export const STRATEGIES_MODULE = /(?:^|\/)cursus\/core\/base\/builder_templates\.py$/;
const REGISTER = /@register_strategy\(\s*axis\s*=\s*["']([A-Za-z_]+)["']\s*,\s*name\s*=\s*["'](\w+)["']/g;

/** Null when the module registers none (a cursus before its strategy registry: routing is not read). */
export function buildStrategies(file: string, text: string): BuildStrategies | null {
  const byAxis = new Map<string, string[]>();
  for (const m of text.matchAll(REGISTER)) {
    const [, axis = '', name = ''] = m;
    byAxis.set(axis, [...(byAxis.get(axis) ?? []), name]);
  }
  if (byAxis.size === 0) return null;
  const of = (axis: string): string[] => byAxis.get(axis) ?? [];
  return { file, stepTypes: of('sagemaker_step_type'), stepAssemblies: of('step_assembly') };
}
