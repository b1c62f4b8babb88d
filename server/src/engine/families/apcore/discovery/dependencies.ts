// Stage 6 of the discovery pipeline (apcore-python `registry/dependencies.py` `resolve_dependencies`
// and `_enforce_version_constraint`): resolves each `dependencies[].module_id` of a meta file in the
// file's context. Unknown: RL022 — an error when required (apcore raises DependencyNotFoundError and
// discovery of the whole root fails), a warning when optional (skipped). A `version` hint the
// dependency's version does not match (apcore's matches_version_hint): RL027 — an error when required
// (DependencyVersionMismatchError), a warning when optional (skipped). Resolved dependencies are edges.
// A module id only a binding file registers never resolves: loaded after discover(), the binding's id is
// unknown to it (RL022's outcome); loaded before, discover() counts it as known (apcore-python 0.19.0
// `registry/registry.py:553`) but it is outside the batch, so `resolve_dependencies` gives the dependent an
// in-degree Kahn's sort never releases and raises ModuleLoadError (`registry/dependencies.py:99-149`; an
// optional dependency too: only unknown ids are skipped); apcore-typescript 0.25.0 (`registry/registry.ts:644`)
// raises CircularDependencyError naming the blocked modules (`registry/dependencies.ts:38-119`). RL072 is
// an error on a required dependency (it fails in either order), a warning on an optional one. The project's own
// apcore-python, when it is older than 0.19.0, judges otherwise (../pythonRelease.ts): it knows no registered id,
// so the dependency fails as an unknown one in either order; a required one raises ModuleLoadError rather than
// DependencyNotFoundError; a `version` constraint is not enforced at all (no RL027).
// A module discover() skips before the sort (its class does not resolve or validate; apcore-typescript also drops an
// invalid id there, apcore-python only after) is outside the graph: a dependency on it is an unknown id (RL022), and
// its own dependencies are never read (stages.ts), so it is in no cycle.
import type { Diagnostic, Location } from '../../../types';
import { diag } from '../codes';
import type { DepEnv, Edge, MetaDep, MetaDoc } from '../../../model/discovery/types';
import type { StepEntry } from '../../../model/entries/source';
import { readVersionHint } from './versionHint';
import { BUILT_IN_APCORE } from '../framework';
import { apcorePython, MIRRORED, type ApcorePython } from '../pythonRelease';

/** What each SDK raises when a binding's id is known to discover() but outside its batch. */
const STALLS = '(ModuleLoadError; apcore-typescript: CircularDependencyError)';

export function resolveDeps(
  doc: MetaDoc,
  env: DepEnv,
): { edges: Edge[]; diagnostics: Diagnostic[]; unresolved: boolean } {
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  let unresolved = false;
  // Only a file with dependencies reads the project's version (and so is judged again when it changes).
  const sdk = doc.deps.length === 0 ? MIRRORED : apcorePython(env.framework(BUILT_IN_APCORE));
  for (const dep of doc.deps) {
    const { entry, version, satisfied } = resolveDep(dep, env);
    const bound = entry ? null : env.bound(dep.moduleId);
    if (bound) {
      diagnostics.push(
        diag(
          doc.file,
          dep.range,
          'RL072',
          `'${dep.moduleId}' is registered only by the binding file ${bound.file}, which apcore's discover() ` +
            'never loads, so discover() cannot resolve this dependency',
          {
            severity: dep.optional ? 'warning' : 'error',
            // When and how discover() fails is the binding's related line: the message stays one short sentence.
            related: [{ ...bound, message: boundOutcome(dep, sdk) }],
          },
        ),
      );
      continue;
    }
    if (entry && env.skipped(entry)) {
      unresolved = true;
      diagnostics.push(skippedDep(doc, dep, entry, sdk));
      continue;
    }
    if (!entry) {
      unresolved = true;
      const near = env.suggest(dep.moduleId);
      const kind = dep.optional ? 'optional' : 'required';
      const effect = dep.optional
        ? 'apcore skips it with a warning'
        : `apcore's discover() raises ${sdk.notFound}, so discovery of the whole root fails`;
      diagnostics.push(
        diag(
          doc.file,
          dep.range,
          'RL022',
          `Unknown ${kind} dependency '${dep.moduleId}' in context '${env.context}': ` +
            `${effect}${near.length ? `. Did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ''}`,
          {
            severity: dep.optional ? 'warning' : 'error',
            fixes: near.map((n, i) => ({
              title: `Change to '${n}'`,
              preferred: i === 0,
              edits: [{ file: doc.file, edits: [{ range: dep.inner, newText: n }] }],
            })),
          },
        ),
      );
      continue;
    }
    if (!edges.some((e) => e.to === entry.name))
      edges.push({ to: entry.name, range: dep.range, optional: dep.optional });
    // apcore-python before 0.19.0 does not read the constraint (../pythonRelease.ts).
    if (satisfied !== false || !dep.version || !version || !sdk.checksVersions) continue;
    const effect = dep.optional
      ? 'apcore skips this optional dependency with a warning'
      : "apcore's discover() raises DependencyVersionMismatchError, so discovery of the whole root fails";
    diagnostics.push(
      diag(
        doc.file,
        dep.version.range,
        'RL027',
        `'${dep.moduleId}' has version ${version.value}` +
          `${version.declared ? '' : ' (the default: it declares none)'}, which does not satisfy ` +
          `'${dep.version.value}'; ${effect}`,
        {
          severity: dep.optional ? 'warning' : 'error',
          related: version.at ? [{ ...version.at, message: `version of '${dep.moduleId}'` }] : [],
        },
      ),
    );
  }
  // Kept at its length (a pushed list keeps V8's spare room; a large org keeps 27,000 of these: ~1 MB).
  return { edges: edges.length === 0 ? edges : edges.slice(), diagnostics, unresolved };
}

/**
 * RL022 on a dependency whose module discover() skips before the sort: outside the graph, the id is unknown to
 * `resolve_dependencies` (apcore-python `registry/registry.py:553`, apcore-typescript `registry/registry.ts:644`).
 */
function skippedDep(doc: MetaDoc, dep: MetaDep, entry: StepEntry, sdk: ApcorePython): Diagnostic {
  const effect = dep.optional
    ? 'apcore skips the dependency with a warning'
    : `apcore's discover() raises ${sdk.notFound}, so discovery of the whole root fails`;
  return diag(
    doc.file,
    dep.range,
    'RL022',
    `${dep.optional ? 'Optional' : 'Required'} dependency '${dep.moduleId}' is a module discovery skips ` +
      `(see its own diagnostics), so it is not in the dependency graph: ${effect}`,
    {
      severity: dep.optional ? 'warning' : 'error',
      related: [{ file: entry.file, range: entry.keyRange, message: `module '${dep.moduleId}', skipped by discovery` }],
    },
  );
}

/**
 * When and how discover() fails on a dependency only a binding registers, by the project's apcore-python: the
 * binding's related line (the message stays one short sentence).
 */
function boundOutcome(dep: MetaDep, sdk: ApcorePython): string {
  const notFound = dep.optional ? 'the dependency is skipped' : sdk.notFound;
  // apcore-typescript stalls when the binding is loaded first: docs/diagnostics.md says it (200 characters at most).
  const of = `binding of '${dep.moduleId}'`;
  if (!sdk.countsRegistered) return `${of}: ${sdk.label} knows no id a binding registers: in either order, ${notFound}`;
  return `${of}: loaded after discover(), ${notFound}; loaded before, the dependency sort stalls ${STALLS}`;
}

/** A module's version when neither its code nor its companion declares one. */
export const DEFAULT_VERSION = '1.0.0';

/** How one dependency resolves: the entry, its version, and whether the range is satisfied (null without a range). */
export function resolveDep(
  dep: MetaDep,
  env: Pick<DepEnv, 'resolve' | 'versionOf'>,
): {
  entry: StepEntry | null;
  version: { value: string; declared: boolean; at: Location | null } | null;
  satisfied: boolean | null;
} {
  const entry = env.resolve(dep.moduleId);
  if (!entry) return { entry: null, version: null, satisfied: null };
  const version = env.versionOf(entry);
  const hint = dep.version ? readVersionHint(dep.version.value) : null;
  return { entry, version, satisfied: hint && 'matches' in hint ? hint.matches(version.value) : null };
}
