// Reads omnibase_infra's `registry/artifact_registry.yaml` (loaded by registry/loader.py:14): the
// artifacts it tracks, each with its `path` and the `source_triggers[].pattern` globs the impact
// analyzer matches changed files against with `fnmatch` (handler_impact_analysis.py:209), where `*` also crosses `/`: a
// glob
// matches nothing when the directory before its first wildcard does not exist.
import type { Diagnostic } from '../../../types';
import { parseYamlDocs } from '../../../yaml/yamlLit';
import { diag } from './codes';
import { at, str, type StrAt } from './contractDoc';

export interface TrackedArtifact {
  id: string | null;
  title: string | null;
  path: StrAt | null;
  triggers: StrAt[];
}
export interface ArtifactDoc {
  artifacts: TrackedArtifact[];
}

export function readArtifacts(file: string, text: string): { doc: ArtifactDoc; local: Diagnostic[] } {
  const docs = parseYamlDocs(text);
  const local = docs.flatMap((d) => d.errors.map((e) => diag(file, e.range, 'RL030', e.message)));
  const list = at(docs.find((d) => d.value !== null)?.value ?? null, 'artifacts');
  const artifacts = (list?.kind === 'list' ? list.items : []).map((a): TrackedArtifact => {
    const triggers = at(a, 'source_triggers');
    return {
      id: str(at(a, 'artifact_id'))?.value ?? null,
      title: str(at(a, 'title'))?.value ?? null,
      path: str(at(a, 'path')),
      triggers: (triggers?.kind === 'list' ? triggers.items : []).flatMap((t) => {
        const p = str(at(t, 'pattern'));
        return p ? [p] : [];
      }),
    };
  });
  return { doc: { artifacts }, local };
}

/** The directory every file a glob matches lies in (the part before its first wildcard), or null when it has none. */
export function literalDir(pattern: string): string | null {
  const first = pattern.search(/[*?[]/);
  if (first < 0) return null;
  const cut = pattern.lastIndexOf('/', first);
  return cut <= 0 ? null : pattern.slice(0, cut);
}
