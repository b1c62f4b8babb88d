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
// an error on a required dependency (it fails in either order), a warning on an optional one.
import type { Diagnostic } from '../../../types';
import { diag } from '../codes';
import type { MetaDoc } from '../../../steps/pipeline/types';
import { resolveDep, type DepEnv, type Edge } from '../../../steps/pipeline/dependencies';

export function resolveDeps(
  doc: MetaDoc,
  env: DepEnv,
): { edges: Edge[]; diagnostics: Diagnostic[]; unresolved: boolean } {
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  let unresolved = false;
  for (const dep of doc.deps) {
    const { entry, version, satisfied } = resolveDep(dep, env);
    const bound = entry ? null : env.bound(dep.moduleId);
    if (bound) {
      const before =
        "loaded before, discover() counts it as known but it is not in discover()'s batch, so the dependency " +
        'sort stalls and discovery of the whole root fails (apcore-python: ModuleLoadError "blocked by ' +
        'unresolved required dependencies"; apcore-typescript: CircularDependencyError)';
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
            related: [
              {
                ...bound,
                message: `binding of '${dep.moduleId}': loaded after discover() (or not at all), ${
                  dep.optional
                    ? 'this optional dependency is skipped with a warning'
                    : 'discover() raises DependencyNotFoundError'
                }; ${before}`,
              },
            ],
          },
        ),
      );
      continue;
    }
    if (!entry) {
      unresolved = true;
      const near = env.suggest(dep.moduleId);
      const kind = dep.optional ? 'optional' : 'required';
      const effect = dep.optional
        ? 'apcore skips it with a warning'
        : "apcore's discover() raises DependencyNotFoundError, so discovery of the whole root fails";
      diagnostics.push(
        diag(
          doc.file,
          dep.range,
          'RL022',
          `Unknown ${kind} dependency '${dep.moduleId}': no entry of that name in context '${env.context}'; ` +
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
    if (satisfied !== false || !dep.version || !version) continue;
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
