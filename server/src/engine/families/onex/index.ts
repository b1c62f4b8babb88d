// The ONEX family (SPEC §1.7, docs/onex.md): `registry/registry.yaml` files listing versioned
// artifacts, the metadata file in each version directory, `.wip` markers and `.onextree` trees. Its
// units are each artifact of a registry (its versions resolved against the disk) and each metadata file; the host
// reports the version directories it finds, since the engine never sees the disk.
import type { RegistryFamily } from '../family';
import type { Diagnostic } from '../../types';
import { baseName, dirOf } from '../../util/paths';
import { isVersionDirName, REGISTRY_GLOB } from './kinds';
import { classifyOnex, type OnexFacts, type OnexRole } from './facts';
import { readRegistry } from './registryDoc';
import { readMetadata } from './metadataDoc';
import { readOnextree } from './onextree';
import { onexQueries } from './queries';
import { checkArtifact, checkMetadata } from './checks';
import { onexFeatures } from './features';

export const onex: RegistryFamily = {
  name: 'onex',
  classifier: () => classifyOnex,
  registryGlobs: () => [REGISTRY_GLOB],
  // A `.wip` marker is read by path (`exists`), never listed: unindexed, it comes and goes without touching the path index.
  indexKey: (r) => ((r as OnexRole).role === 'wip' ? null : r.role),
  read(path, r, text, _settings, previous) {
    const role = r as OnexRole;
    const wrap = (payload: OnexFacts, local: Diagnostic[]) => ({ payload, local });
    // The registry and the tree are large: an edit is read from the YAML it touched (yaml/splice.ts).
    const was = previous?.payload as OnexFacts | null | undefined;
    if (role.role === 'registry') { const { doc, local, read } = readRegistry(path, text, was?.kind === 'registry' ? was.from : undefined); return wrap({ kind: 'registry', doc, from: read }, local); }
    if (role.role === 'metadata') { const { doc, local } = readMetadata(path, role.list, text); return wrap({ kind: 'metadata', doc }, local); }
    if (role.role === 'tree') { const { tree, local, read } = readOnextree(path, text, was?.kind === 'tree' ? was.from : undefined); return wrap({ kind: 'tree', tree, from: read }, local); }
    return {};
  },
  // One unit per artifact of a registry (a metadata edit or a .wip re-checks its artifact only) and one per metadata file.
  unitKeys(q) {
    const o = onexQueries(q.files);
    return [...o.artifactKeys().map((k) => `reg:${k}`), ...q.files.filesOf('onex:metadata').map((f) => `meta:${f}`)];
  },
  unit(key, q) {
    const o = onexQueries(q.files);
    return key.startsWith('reg:') ? checkArtifact(o, key.slice('reg:'.length)) : checkMetadata(o, key.slice('meta:'.length));
  },
  features: onexFeatures,
  counts(q) {
    const o = onexQueries(q.files);
    const registries = o.registries();
    return { sources: registries.length, entries: registries.reduce((n, f) => n + (o.registry(f)?.artifacts.length ?? 0), 0) };
  },
  /** Version directories (`vX_Y_Z`) and directories under a `src/` (where a `.onextree` may describe `src/<name>`). */
  wantsDirectory: (path) => isVersionDirName(baseName(path)) || baseName(dirOf(path)) === 'src',
  wantedFiles: (q) => onexQueries(q.files).wantedFiles(),
};
