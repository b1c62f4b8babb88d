// The ONEX family's per-file part: which paths are its (facts.ts), how they are listed, and how one
// file is read. The family (index.ts) is this part with its units and features; its queries read a
// file's facts back through this part's reader (`FileQueries.appliedBy`).
import type { FileFamily } from '../../../analysis/files';
import type { Diagnostic } from '../../../types';
import { FAMILY, classifyOnex, type OnexFacts, type OnexRole } from './facts';
import { readRegistry } from './registryDoc';
import { readMetadata } from './metadataDoc';
import { readOnextree } from './onextree';

/**
 * Whether a registry loader engine discovers its artifacts from the `.onextree`: omnibase
 * `development`'s registry_engine.py calls `onextree_model.find_versioned_artifacts()` (line 280) and
 * never opens `registry.yaml`; `main`'s reads `<root>/registry/registry.yaml` (line 122). Comments aside.
 */
export function readsOnextree(text: string): boolean {
  return text.split('\n').some((line) => /\.find_versioned_artifacts\s*\(/.test(line.replace(/#.*/, '')));
}

export const onexFiles: FileFamily<OnexRole, OnexFacts> = {
  name: FAMILY,
  classifier: () => classifyOnex,
  // A `.wip` marker is read by path (`exists`), never listed: unindexed, it comes and goes without touching the path
  // index.
  indexKey: (role) => (role.role === 'wip' ? null : role.role),
  read(path, role, text, _settings, previous) {
    const was = previous?.text === undefined ? undefined : { text: previous.text, facts: previous.facts };
    const wrap = (facts: OnexFacts, local: Diagnostic[]) => ({ facts, local });
    // The registry and the tree are large: an edit is read from the YAML it touched (yaml/splice.ts).
    if (role.role === 'registry') {
      const from = was?.facts.kind === 'registry' ? { text: was.text, docs: was.facts.docs } : undefined;
      const { doc, local, read } = readRegistry(path, text, from);
      return wrap({ kind: 'registry', doc, docs: read.docs }, local);
    }
    if (role.role === 'metadata') {
      const { doc, local } = readMetadata(path, role.list, text);
      return wrap({ kind: 'metadata', doc }, local);
    }
    if (role.role === 'tree') {
      const from = was?.facts.kind === 'tree' && was.facts.yaml ? { text: was.text, facts: was.facts.yaml } : undefined;
      const { tree, local, read } = readOnextree(path, text, from);
      return wrap({ kind: 'tree', tree, yaml: read?.facts }, local);
    }
    if (role.role === 'loader') return wrap({ kind: 'loader', readsTree: readsOnextree(text) }, []);
    return {};
  },
};
