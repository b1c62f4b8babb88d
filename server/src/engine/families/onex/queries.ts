// The ONEX family's tracked queries over the engine's inputs: each registry's versions resolved to
// directories on disk (SPEC §1.7: root-relative, else relative to the registry directory's parent),
// `.wip` markers, metadata files, the `.onextree` describing each directory, and the set of registered
// version directories. One group per engine (keyed by its database), so checks and editor features
// share the same memoised answers.
import { perDatabase, QueryGroup, type Query } from '../../db/database';
import type { FileQueries } from '../../analysis/files';
import { sameJson, sameList } from '../../util/equality';
import { dirOf, isUnder, joinRel } from '../../util/paths';
import { FAMILY, type OnexFacts } from './facts';
import { onexFiles } from './reader';
import type { OnexArtifact, OnexVersion, RegistryDoc } from './registryDoc';
import type { MetadataDoc } from './metadataDoc';
import { treeBase, type OnexTree } from './onextree';
import { entrypointFiles } from './kinds';
import { byBucket } from '../../util/buckets';

export interface ResolvedVersion {
  artifact: OnexArtifact;
  version: OnexVersion;
  /** The version directory as found (null when neither reading of `path` exists). */
  dir: string | null;
  /** The readings of `path` that were tried, in order. */
  tried: string[];
  wip: boolean;
  /** `dir/metadata_file` (null without a directory or a metadata_file). */
  metadataPath: string | null;
  metadataExists: boolean;
}

export interface ResolvedRegistry { file: string; versions: ResolvedVersion[] }

export interface TreeInfo { file: string; base: string }

const NONE = '';
/** Buckets of artifacts read by the registry-wide answers (1,000 artifacts: ~16 per bucket). */
const ARTIFACT_BUCKETS = 64;

/** The key of one path of a `.onextree` (relative to the directory it describes). */
export function treeKey(file: string, rel: string): string { return `${file}\0${rel}`; }

/** The key of one artifact of a registry (its index in the file). */
export function artifactKey(file: string, index: number): string { return `${file}#${index}`; }
const group = perDatabase<OnexQueries>();

export function onexQueries(files: FileQueries): OnexQueries {
  return group(files.db, () => new OnexQueries(files.db, files));
}

export class OnexQueries extends QueryGroup<FileQueries> {
  get files(): FileQueries { return this.deps; }

  facts(path: string): OnexFacts | null { return this.deps.appliedBy(onexFiles, path)?.facts ?? null; }
  registry(path: string): RegistryDoc | null { const f = this.facts(path); return f?.kind === 'registry' ? f.doc : null; }
  metadata(path: string): MetadataDoc | null { const f = this.facts(path); return f?.kind === 'metadata' ? f.doc : null; }
  tree(path: string): OnexTree | null { const f = this.facts(path); return f?.kind === 'tree' ? f.tree : null; }
  registries(): string[] { return this.deps.filesOf(FAMILY, 'registry'); }
  /** Whether the repository's registry loader discovers artifacts from the `.onextree` (reader.ts `readsOnextree`). */
  treeLoader(): boolean { return this.deps.filesOf(FAMILY, 'loader').some((f) => { const x = this.facts(f); return x?.kind === 'loader' && x.readsTree; }); }
  metadataFiles(): string[] { return this.deps.filesOf(FAMILY, 'metadata'); }

  /** A directory exists when the host reported it or a fed file lies in it. */
  dirExists(dir: string): boolean { return this.deps.dirExists(dir); }
  isWip(dir: string): boolean { return this.deps.exists(`${dir}/.wip`); }

  /** One artifact of a registry (key: `artifactKey(file, index)`): the same object while its list item is unchanged (registryDoc.ts). */
  readonly artifactQ: Query<OnexArtifact | null> = this.db.query('onexArtifact', (key) => {
    const at = key.lastIndexOf('#');
    return this.registry(key.slice(0, at))?.artifacts[Number(key.slice(at + 1))] ?? null;
  });

  /**
   * The versions of one artifact (key: `artifactKey(file, index)`) resolved against the disk: each
   * artifact is a query of its own, so that a `.wip` or a directory appearing re-resolves only the
   * artifact it belongs to.
   */
  readonly resolvedArtifactQ: Query<ResolvedVersion[]> = this.db.query('onexResolvedArtifact', (key) => {
    const file = key.slice(0, key.lastIndexOf('#'));
    const artifact = this.artifactQ(key);
    if (!artifact) return [];
    const base = dirOf(dirOf(file));
    return artifact.versions.map((version) => {
      const rel = version.path?.value.replace(/\/+$/, '');
      const tried = rel ? [...new Set([joinRel('', rel), joinRel(base, rel)].filter((p): p is string => p !== null && p !== ''))] : [];
      const meta = version.metadataFile?.value;
      const found = (d: string): boolean => this.dirExists(d) || this.deps.exists(`${d}/.wip`) || (!!meta && this.deps.exists(`${d}/${meta}`));
      const dir = tried.find(found) ?? null;
      const metadataPath = dir && meta ? joinRel(dir, meta) : null;
      return {
        artifact, version, dir, tried,
        wip: dir !== null && this.isWip(dir),
        metadataPath, metadataExists: metadataPath !== null && this.deps.exists(metadataPath),
      };
    });
  });

  /** Every version of a registry resolved (unchanged while every artifact's resolution is). */
  readonly resolvedQ: Query<ResolvedRegistry | null> = this.db.query('onexResolved', (file) => {
    const doc = this.registry(file);
    if (!doc) return null;
    return { file, versions: doc.artifacts.flatMap((_, i) => this.resolvedArtifactQ(artifactKey(file, i))) };
  }, (a, b) => a === b || (!!a && !!b && a.file === b.file && a.versions.length === b.versions.length && a.versions.every((v, i) => v === b.versions[i])));

  /** The files one artifact's versions refer to (key: `artifactKey`): each metadata file (their entrypoints: `entrypointQ`). */
  readonly wantedQ: Query<string[]> = this.db.query('onexWanted', (key) => this.resolvedArtifactQ(key).flatMap((v) => (v.dir && v.metadataPath ? [v.metadataPath] : [])), sameList);

  /** The version directories one artifact registers (key: `artifactKey`): unchanged by a `.wip` or a metadata file coming or going. */
  private readonly registeredDirsQ: Query<string[]> = this.db.query('onexRegisteredDirs', (key) =>
    this.resolvedArtifactQ(key).flatMap((v) => (v.dir ? [v.dir] : [])), sameList);

  /**
   * Every artifact's key by bucket (a hash of the key). The registry-wide answers read one query per
   * bucket, so that a `.wip` or a metadata file coming or going is checked through its bucket's
   * artifacts only, not through every artifact of the registry (the cost of an edit would grow with it).
   */
  private readonly artifactBuckets = this.db.index('onexArtifactBuckets', () => byBucket(this.artifactKeys(), ARTIFACT_BUCKETS), sameList);
  /** One bucket's artifacts' answers to `read`, concatenated in bucket order. */
  private bucketed(read: (key: string) => readonly string[], b: number): string[] {
    return (this.artifactBuckets.get(String(b)) ?? []).flatMap(read);
  }
  private readonly registeredBucketQ = this.db.query('onexRegisteredBucket', (b) => this.bucketed(this.registeredDirsQ, Number(b)), sameList);
  private readonly wantedBucketQ = this.db.query('onexWantedBucket', (b) => this.bucketed(this.wantedQ, Number(b)), sameList);

  /** The registered version directories: an index, so that one coming or going reaches the metadata units of that directory only. */
  private readonly registeredIndex = this.db.index<true>('onexRegistered', () => {
    const out = new Map<string, true>();
    for (let b = 0; b < ARTIFACT_BUCKETS; b++) for (const dir of this.registeredBucketQ(String(b))) out.set(dir, true);
    return out;
  });
  /** Whether a registry lists a version in this directory. */
  isRegistered(dir: string): boolean { return this.registeredIndex.get(dir) === true; }

  /** The files one metadata file's entrypoint may be (checked whether that version is registered or not). */
  readonly entrypointQ: Query<string[]> = this.db.query('onexEntrypoint', (file) => {
    const ep = this.metadata(file)?.entrypoint;
    return ep ? entrypointFiles(dirOf(file), ep.target, ep.form) : [];
  }, sameList);

  /** The files every artifact's versions refer to (`wantedQ`), bucket by bucket, and every metadata file's entrypoint; the caller sorts them. */
  wantedFiles(): string[] {
    const out: string[] = [];
    for (let b = 0; b < ARTIFACT_BUCKETS; b++) for (const f of this.wantedBucketQ(String(b))) out.push(f);
    for (const m of this.metadataFiles()) for (const f of this.entrypointQ(m)) out.push(f);
    return out;
  }

  /** The keys of every artifact of every registry (`artifactKey`), in registry and list order. */
  artifactKeys(): string[] {
    return this.registries().flatMap((file) => (this.registry(file)?.artifacts ?? []).map((_, i) => artifactKey(file, i)));
  }

  /** Every `.onextree` with the directory it describes. */
  readonly treesQ: Query<TreeInfo[]> = this.db.query('onexTrees', () => this.deps.filesOf(FAMILY, 'tree').flatMap((file) => {
    const tree = this.tree(file);
    return tree ? [{ file, base: treeBase(tree, (d) => this.dirExists(d)) }] : [];
  }), sameJson);

  /** Whether a tree lists a path (key: `treeKey(tree file, path relative to its base)`): unchanged by edits of the tree elsewhere. */
  readonly treeHasQ: Query<boolean> = this.db.query('onexTreeHas', (key) => {
    const at = key.indexOf('\0');
    return this.tree(key.slice(0, at))?.nodes.has(key.slice(at + 1)) ?? false;
  });

  /** The tree describing a path most closely: the deepest base that holds it, then the tree file nearest that base. */
  treeFor(path: string): TreeInfo | null {
    let best: TreeInfo | null = null;
    const closer = (a: TreeInfo, b: TreeInfo): boolean => a.base.length > b.base.length || (a.base.length === b.base.length && a.file.length > b.file.length);
    for (const t of this.treesQ(NONE)) if (isUnder(path, t.base) && (!best || closer(t, best))) best = t;
    return best;
  }

  /** Every artifact of every registry, by name. */
  readonly artifactsQ: Query<Map<string, { file: string; artifact: OnexArtifact }[]>> = this.db.query('onexArtifacts', () => {
    const out = new Map<string, { file: string; artifact: OnexArtifact }[]>();
    for (const file of this.registries()) {
      for (const artifact of this.registry(file)?.artifacts ?? []) {
        const list = out.get(artifact.name) ?? [];
        list.push({ file, artifact });
        out.set(artifact.name, list);
      }
    }
    return out;
  });

  /** Version directories the host reported (for completion of `path`). */
  versionDirs(): string[] { return [...this.deps.directoriesInput.get(NONE)]; }
}
