// What the ONEX family keeps per file (its facts in the engine's per-file record): a registry, a
// metadata file, a `.onextree`, a `.wip` marker (which says nothing but that it exists), or the
// registry loader's engine (which says which registry the loader reads).
import {
  ARTIFACT_LISTS,
  LOADER_FILE,
  ONEXTREE_FILE,
  REGISTRY_FILE,
  WIP_FILE,
  metadataFileOf,
  type ArtifactList,
} from './kinds';
import type { RegistryDoc } from './registryDoc';
import type { MetadataDoc } from './metadataDoc';
import type { OnexTree } from './onextree';
import type { YamlDocFacts, YamlFacts } from '../../../yaml/yamlLit';

/** The family's name: its index keys are read back under it. */
export const FAMILY = 'onex';

export type OnexRole =
  | { family: 'onex'; role: 'registry' }
  | { family: 'onex'; role: 'metadata'; list: ArtifactList }
  | { family: 'onex'; role: 'tree' }
  | { family: 'onex'; role: 'wip' }
  | { family: 'onex'; role: 'loader' };

export type OnexFacts =
  /** `docs`, `yaml`: the YAML read, from which the next read of an edit starts (with the text the core keeps). */
  | { kind: 'registry'; doc: RegistryDoc; docs: YamlDocFacts[] }
  | { kind: 'metadata'; doc: MetadataDoc }
  | { kind: 'tree'; tree: OnexTree; yaml: YamlFacts | undefined }
  /**
   * The registry loader node's engine: whether it discovers artifacts from the `.onextree` (omnibase `development`)
   * rather than `registry.yaml` (`main`).
   */
  | { kind: 'loader'; readsTree: boolean };

/** One role object per kind of file, shared by the files of that kind. */
const REGISTRY: OnexRole = Object.freeze({ family: 'onex', role: 'registry' });
const TREE: OnexRole = Object.freeze({ family: 'onex', role: 'tree' });
const WIP: OnexRole = Object.freeze({ family: 'onex', role: 'wip' });
const LOADER: OnexRole = Object.freeze({ family: 'onex', role: 'loader' });
const METADATA = new Map(
  ARTIFACT_LISTS.map((list): [ArtifactList, OnexRole] => [
    list,
    Object.freeze({ family: 'onex', role: 'metadata', list }),
  ]),
);

export function classifyOnex(path: string): OnexRole | null {
  if (REGISTRY_FILE.test(path)) return REGISTRY;
  if (ONEXTREE_FILE.test(path)) return TREE;
  if (WIP_FILE.test(path)) return WIP;
  if (LOADER_FILE.test(path)) return LOADER;
  const m = metadataFileOf(path);
  return m ? (METADATA.get(m.list) ?? null) : null;
}
