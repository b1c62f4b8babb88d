// What the cursor is on in an ONEX file: the key path of the YAML node under it (for schema hover and
// completion), whether it is on a key or a value, and in a registry the artifact and version around it.
import type { Position, Range } from '../../../types';
import type { Lit } from '../../../literal';
import { contains } from '../../../text/ranges';
import type { OnexArtifact, OnexVersion, RegistryDoc } from './registryDoc';

export interface NodeAt {
  segments: string[];
  onKey: boolean;
  range: Range;
  lit: Lit | null;
}

/** The deepest key or value under the cursor, with its path from the root. */
export function nodeAt(root: Lit | null, pos: Position): NodeAt | null {
  if (!root) return null;
  const segments: string[] = [];
  let n: Lit = root;
  for (let depth = 0; depth < 64; depth++) {
    if (n.kind === 'dict') {
      const e = n.entries.find((x) => contains(x.key.range, pos) || contains(x.value.range, pos));
      if (!e || e.key.kind !== 'str')
        return segments.length ? { segments, onKey: false, range: n.range, lit: n } : null;
      segments.push(e.key.value);
      if (contains(e.key.range, pos)) return { segments, onKey: true, range: e.key.range, lit: null };
      n = e.value;
    } else if (n.kind === 'list') {
      const i = n.items.findIndex((x) => contains(x.range, pos));
      if (i < 0) return { segments, onKey: false, range: n.range, lit: n };
      segments.push(String(i));
      n = n.items[i] as Lit;
    } else {
      return { segments, onKey: false, range: n.range, lit: n };
    }
  }
  return null;
}

export interface RegistryTarget {
  artifact: OnexArtifact;
  version: OnexVersion | null;
  field: string | null;
}

/** The artifact (and version, and version field) whose item holds the cursor. */
export function registryTarget(doc: RegistryDoc, pos: Position): RegistryTarget | null {
  const artifact = doc.artifacts.find((a) => contains(a.range, pos));
  if (!artifact) return null;
  const version = artifact.versions.find((v) => contains(v.range, pos)) ?? null;
  if (!version) return { artifact, version: null, field: contains(artifact.nameRange, pos) ? 'name' : null };
  const fields: [string, Range | undefined][] = [
    ['version', version.version.range],
    ['path', version.path?.range],
    ['metadata_file', version.metadataFile?.range],
    ['status', version.status?.range],
  ];
  return { artifact, version, field: fields.find(([, r]) => r && contains(r, pos))?.[0] ?? null };
}
