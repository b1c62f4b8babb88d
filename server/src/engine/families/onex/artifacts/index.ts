// The ONEX family (SPEC §1.7, docs/onex.md): `registry/registry.yaml` files listing versioned
// artifacts, the metadata file in each version directory, `.wip` markers and `.onextree` trees. Its
// units are each artifact of a registry (its versions resolved against the disk) and each metadata file; the host
// reports the version directories it finds, since the engine never sees the disk.
import type { Family } from '../../../analysis/family';
import { baseName, dirOf } from '../../../util/paths';
import { isVersionDirName, REGISTRY_GLOB } from './kinds';
import { FAMILY, type OnexFacts, type OnexRole } from './facts';
import { onexFiles } from './reader';
import { ONEX_CODES } from './codes';
import { ONEX_SETTINGS } from './settings';
import { onexQueries } from './queries';
import { checkArtifact, checkMetadata, checkTree } from './checks';
import { onexFeatures } from './features';

export const onex: Family<OnexRole, OnexFacts> = {
  ...onexFiles,
  codes: ONEX_CODES,
  settings: ONEX_SETTINGS,
  examples: [{ dir: 'onex-registry' }],
  paths: {
    names: ['*.yaml', '.onextree'],
    languages: ['yaml'],
    markers: ['**/registry/registry.yaml', '**/.onextree'],
  },
  registryGlobs: () => [REGISTRY_GLOB],
  // No `parts`: no other family reads its files, so they are a part of their own (the default).
  // One unit per artifact of a registry (a metadata edit or a .wip re-checks its artifact only), one per metadata file
  // and one per `.onextree`.
  unitKeys(q) {
    const o = onexQueries(q.files);
    return [
      ...o.artifactKeys().map((k) => `reg:${k}`),
      ...q.files.filesOf(FAMILY, 'metadata').map((f) => `meta:${f}`),
      ...q.files.filesOf(FAMILY, 'tree').map((f) => `tree:${f}`),
    ];
  },
  unit(key, q) {
    const o = onexQueries(q.files);
    if (key.startsWith('reg:')) return checkArtifact(o, key.slice('reg:'.length));
    return key.startsWith('tree:')
      ? checkTree(o, key.slice('tree:'.length))
      : checkMetadata(o, key.slice('meta:'.length));
  },
  features: onexFeatures,
  counts(q) {
    const o = onexQueries(q.files);
    const sources = o.sources();
    return { sources: sources.length, entries: sources.reduce((n, f) => n + o.artifactsOf(f).length, 0) };
  },
  /** Version directories (`vX_Y_Z`) and directories under a `src/` (where a `.onextree` may describe `src/<name>`). */
  wantsDirectory: (path) => isVersionDirName(baseName(path)) || baseName(dirOf(path)) === 'src',
  wantedFiles: (q) => onexQueries(q.files).wantedFiles(),
};
