// Stage 8 of the discovery pipeline (seed 003 registration and `merge_module_metadata`): the merged
// view of an entry — code values, overlaid by its companion metadata (YAML wins over code) — which
// hover, Explain and the CLI show; a module's is its SDK's merge (member.ts `registered`). (The
// order entries register in is stage 7's Kahn order.)
import { toPlain } from '../../literal';
import type { PyClass } from '../../python/facts';
import type { StepEntry } from '../entries/source';
import type { MetaDoc } from './types';

/** Fields a module's code may give (class attributes or docstring), in the seed's merge order. */
const MODULE_CODE_FIELDS = ['description', 'name', 'version', 'documentation'];

/**
 * The code's own values of an entry: registry fields, a module class's attributes and docstring, or the fields a
 * TypeScript or JavaScript module's code gives (`code`).
 */
export function codeFields(
  e: StepEntry,
  cls: PyClass | null,
  code: Record<string, unknown> | null = null,
): Record<string, unknown> {
  // A derived row (an interface step) is its fields, convention defaults included.
  if (e.synthesized) return Object.fromEntries([...e.fields].map(([k, f]) => [k, toPlain(f.value)]));
  if (e.layer !== 'module') return e.value.kind === 'dict' ? (toPlain(e.value) as Record<string, unknown>) : {};
  if (code) return { ...code };
  const out: Record<string, unknown> = {};
  if (!cls) return out;
  for (const k of MODULE_CODE_FIELDS) if (cls.strAttrs[k] !== undefined) out[k] = cls.strAttrs[k];
  if (out['description'] === undefined && cls.docstring) out['description'] = cls.docstring.trim();
  return out;
}

/**
 * Meta keys merged over the code (apcore-python `merge_module_metadata`; deprecation is
 * `metadata['x-deprecation']`, registry/registry.py:985-1021); `dependencies` and `entry_point` are structure, not
 * fields.
 */
export const MERGED_KEYS = [
  'description',
  'name',
  'tags',
  'version',
  'annotations',
  'examples',
  'metadata',
  'documentation',
];

/** Code fields overlaid by the meta's (YAML wins), and which keys came from the meta. */
export function mergeFields(
  code: Record<string, unknown>,
  meta: MetaDoc | null,
): { fields: Record<string, unknown>; fromMeta: string[] } {
  const fields = { ...code };
  const fromMeta: string[] = [];
  const plain = meta?.root?.kind === 'dict' ? (toPlain(meta.root) as Record<string, unknown>) : {};
  for (const k of MERGED_KEYS) {
    const v = plain[k];
    if (v === null || v === undefined) continue;
    fields[k] = v;
    fromMeta.push(k);
  }
  return { fields, fromMeta };
}
