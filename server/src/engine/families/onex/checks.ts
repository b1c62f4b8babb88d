// The ONEX family's cross-file checks (docs/onex.md): per artifact of a registry, every version resolved against the
// directories on disk — path missing (RL042), work in progress (RL045), metadata missing or disagreeing
// with the entry (RL041), entrypoint missing (RL042), not in the `.onextree` (RL043); per metadata
// file, what makes the loaders mark it invalid (RL041, not under `.wip`), unrendered placeholders, and
// a version directory no registry lists (RL044).
import type { Diagnostic, RelatedInfo } from '../../types';
import { diag } from './codes';
import { ZERO_RANGE } from '../../text/ranges';
import { dirOf } from '../../util/paths';
import { metadataFileOf, normalizeVersion, treeArtifactOf } from './kinds';
import { treeKey, type OnexQueries, type ResolvedVersion } from './queries';
import { addTreeNodeFix, metadataStubFix, registerVersionFix } from './fixes';

/** One artifact of a registry (key: `artifactKey(file, index)`): each of its versions against the disk, its metadata and the tree. */
export function checkArtifact(q: OnexQueries, key: string): Diagnostic[] {
  const file = key.slice(0, key.lastIndexOf('#'));
  return q.resolvedArtifactQ(key).flatMap((v) => checkVersion(q, file, v));
}

function checkVersion(q: OnexQueries, file: string, r: ResolvedVersion): Diagnostic[] {
  const { artifact, version } = r;
  const label = `${artifact.name} ${version.version.value}`;
  const here: RelatedInfo = { file, range: version.version.range, message: `registry entry ${label}` };
  if (!version.path) return [];
  if (!r.dir) {
    return [diag(file, version.path.range, 'RL042', `The version directory of ${label} does not exist (tried ${r.tried.map((t) => `'${t}'`).join(', ') || 'nothing'}); the loaders report its metadata missing`)];
  }
  const out: Diagnostic[] = [];
  if (r.wip) {
    out.push(diag(file, version.version.range, 'RL045', `${label} is work in progress ('${r.dir}/.wip'): the loaders accept it without metadata and leave it out of 'latest'`, {
      related: [{ file: `${r.dir}/.wip`, range: ZERO_RANGE, message: 'the .wip marker' }],
    }));
  } else if (version.metadataFile && r.metadataPath && !r.metadataExists) {
    out.push(diag(file, version.metadataFile.range, 'RL041', `'${r.metadataPath}' does not exist and the directory has no .wip marker: the loaders mark ${label} invalid (MISSING_METADATA)`, {
      fixes: [metadataStubFix(r)],
    }));
  }
  const meta = r.metadataPath && r.metadataExists ? q.metadata(r.metadataPath) : null;
  if (meta && r.metadataPath) {
    if (meta.name && meta.name.value !== artifact.name) {
      out.push(diag(r.metadataPath, meta.name.range, 'RL041', `The metadata names '${meta.name.value}', but the registry lists this directory as '${artifact.name}'`, { severity: 'warning', related: [here] }));
    }
    const mv = meta.version ? normalizeVersion(meta.version.value) : null;
    if (meta.version && version.norm && mv !== version.norm) {
      out.push(diag(r.metadataPath, meta.version.range, 'RL041', `The metadata says version ${meta.version.value}, but the registry entry is ${version.version.value}`, { severity: 'warning', related: [here] }));
    }
  }
  out.push(...treeProblems(q, file, r));
  return out;
}

/** A registered directory and its metadata file must be in the tree describing them. */
function treeProblems(q: OnexQueries, file: string, r: ResolvedVersion): Diagnostic[] {
  const dir = r.dir;
  const t = dir ? q.treeFor(dir) : null;
  if (!dir || !t || !r.version.path) return [];
  const rel = t.base === '' ? dir : dir.slice(t.base.length + 1);
  const metaFile = r.version.metadataFile;
  const metaListed = r.wip || !metaFile || !r.metadataExists || q.treeHasQ(treeKey(t.file, `${rel}/${metaFile.value}`));
  // The common case reads only whether the two paths are listed, so an edit elsewhere in the tree re-checks nothing here.
  if (q.treeHasQ(treeKey(t.file, rel)) && metaListed) return [];
  const tree = q.tree(t.file);
  if (!tree) return [];
  const where = (p: string): RelatedInfo => {
    let at = p;
    while (at !== '' && !tree.nodes.has(at)) at = dirOf(at);
    return { file: t.file, range: tree.nodes.get(at)?.nameRange ?? ZERO_RANGE, message: `'${t.file}' describes '${t.base || '.'}'; closest listed: '${at || tree.rootName || '.'}'` };
  };
  if (!tree.nodes.has(rel)) {
    return [diag(file, r.version.path.range, 'RL043', `'${dir}' is not in '${t.file}'`, { related: [where(rel)], fixes: addTreeNodeFix(tree, rel, true) })];
  }
  if (!r.wip && metaFile && r.metadataExists && !tree.nodes.has(`${rel}/${metaFile.value}`)) {
    return [diag(file, metaFile.range, 'RL043', `'${dir}/${metaFile.value}' is not in '${t.file}'`, { related: [where(`${rel}/${metaFile.value}`)], fixes: addTreeNodeFix(tree, `${rel}/${metaFile.value}`, false) })];
  }
  return [];
}

export function checkMetadata(q: OnexQueries, file: string): Diagnostic[] {
  const meta = q.metadata(file);
  const m = metadataFileOf(file);
  if (!meta || !m) return [];
  const out: Diagnostic[] = [];
  if (!q.isWip(m.dir)) for (const p of meta.invalid) out.push(diag(file, p.range, 'RL041', p.message));
  out.push(...entrypointProblems(q, file));
  const [first, ...rest] = meta.placeholders;
  if (first) {
    out.push(diag(file, first.range, 'RL041', `Unrendered template placeholders: ${meta.placeholders.map((p) => `${p.key || 'value'} ${p.text}`).join(', ')}`, {
      severity: 'warning',
      related: rest.map((p) => ({ file, range: p.range, message: `${p.key} ${p.text}` })),
    }));
  }
  if (!q.isRegistered(m.dir)) {
    const registries = q.registries();
    const named = meta.name && meta.name.value !== m.name ? `; its metadata names '${meta.name.value}'` : '';
    out.push(diag(file, ZERO_RANGE, 'RL044', `'${m.dir}' holds ${m.list === 'nodes' ? 'a node' : 'an artifact'} version that ${registries.length ? 'no registry lists' : 'no registry.yaml lists (none found)'}${named}`, {
      severity: 'warning',
      fixes: registries.length ? registerVersionFix(q, registries[0] as string, m) : [],
    }));
    if (meta.name && meta.name.value !== m.name) {
      out.push(diag(file, meta.name.range, 'RL041', `The metadata names '${meta.name.value}', but its directory is '${m.name}'`, { severity: 'warning' }));
    }
  }
  return out;
}

/** A metadata file's entrypoint must be a file, whether a registry lists its version or not (an unrendered placeholder aside). */
function entrypointProblems(q: OnexQueries, file: string): Diagnostic[] {
  const ep = q.metadata(file)?.entrypoint;
  if (!ep || /\{[A-Z][A-Z0-9_]*\}/.test(ep.target)) return [];
  const candidates = q.entrypointQ(file);
  if (candidates.some((c) => q.files.exists(c))) return [];
  return [diag(file, ep.range, 'RL042', `The entrypoint '${ep.target}' is not a file (looked for ${candidates.map((c) => `'${c}'`).join(', ')}); nothing checks it, so it is silently useless`, { severity: 'warning' })];
}

/**
 * A `.onextree` the repository's registry loader discovers artifacts from (omnibase `development`,
 * `RegistryEngine._discover_artifacts_from_onextree_model`, registry_engine.py:249): every version
 * directory it lists with its metadata file must be on disk, or the loader keeps the artifact and marks
 * it invalid (`MISSING_METADATA`, registry_engine.py:418).
 */
export function checkTree(q: OnexQueries, file: string): Diagnostic[] {
  const tree = q.tree(file);
  const info = q.treesQ('').find((t) => t.file === file);
  if (!tree || !info || !q.treeLoader()) return [];
  const out: Diagnostic[] = [];
  for (const node of tree.nodes.values()) {
    const a = node.path === '' ? null : treeArtifactOf(node.path);
    const metaNode = a ? tree.nodes.get(`${node.path}/${a.metadataFile}`) : undefined;
    if (!a || !metaNode) continue;
    const dir = info.base === '' ? node.path : `${info.base}/${node.path}`;
    const label = `${a.name} ${a.version}`;
    if (!q.dirExists(dir)) {
      out.push(diag(file, node.nameRange, 'RL042', `'${file}' lists ${label} at '${dir}', which does not exist: the registry loader discovers artifacts from this tree, so it reports '${a.metadataFile}' missing and marks ${label} invalid (MISSING_METADATA)`));
    } else if (!q.isWip(dir) && !q.files.exists(`${dir}/${a.metadataFile}`)) {
      out.push(diag(file, metaNode.nameRange, 'RL041', `'${file}' lists '${dir}/${a.metadataFile}', which does not exist and the directory has no .wip marker: the registry loader marks ${label} invalid (MISSING_METADATA)`));
    }
  }
  return out;
}
