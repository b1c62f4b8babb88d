// What the ONEX family keeps per file (the `payload` of the engine's per-file facts): a registry, a
// metadata file, a `.onextree`, or a `.wip` marker (which says nothing but that it exists).
import { ONEXTREE_FILE, REGISTRY_FILE, WIP_FILE, metadataFileOf, type ArtifactList } from './kinds';
import type { RegistryDoc } from './registryDoc';
import type { MetadataDoc } from './metadataDoc';
import type { OnexTree } from './onextree';
import type { YamlDocsFrom, YamlReadFrom } from '../../yaml/splice';

export type OnexRole =
  | { family: 'onex'; role: 'registry' }
  | { family: 'onex'; role: 'metadata'; list: ArtifactList }
  | { family: 'onex'; role: 'tree' }
  | { family: 'onex'; role: 'wip' };

export type OnexFacts =
  | { kind: 'registry'; doc: RegistryDoc; from: YamlDocsFrom }
  | { kind: 'metadata'; doc: MetadataDoc }
  | { kind: 'tree'; tree: OnexTree; from: YamlReadFrom | undefined };

export function classifyOnex(path: string): OnexRole | null {
  if (REGISTRY_FILE.test(path)) return { family: 'onex', role: 'registry' };
  if (ONEXTREE_FILE.test(path)) return { family: 'onex', role: 'tree' };
  if (WIP_FILE.test(path)) return { family: 'onex', role: 'wip' };
  const m = metadataFileOf(path);
  return m ? { family: 'onex', role: 'metadata', list: m.list } : null;
}
