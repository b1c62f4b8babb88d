// The ONEX family's tracked queries over the engine's inputs: each registry's versions resolved to
// directories on disk (SPEC §1.7: root-relative, else relative to the registry directory's parent),
// `.wip` markers, metadata files, the `.onextree` describing each directory, and the set of registered
// version directories. One group per engine (keyed by its database), so checks and editor features
// share the same memoised answers.
import { perDatabase, QueryGroup, type Query } from '../../../db/database';
import type { FileQueries } from '../../../analysis/files';
import { sameJson, sameList } from '../../../util/equality';
import { dirOf, isUnder, joinRel } from '../../../util/paths';
import { FAMILY, type OnexFacts } from './facts';
import { onexFiles } from './reader';
import type { OnexArtifact, OnexVersion, RegistryDoc } from './registryDoc';
import type { MetadataDoc } from './metadataDoc';
import { treeBase, type OnexTree } from './onextree';
import { entrypointFiles, normalizeVersion } from './kinds';
import { treeRun, type TreeRun } from './treeRun';
import { byBucket } from '../../../util/buckets';

export interface ResolvedVersion {
  artifact: OnexArtifact;
  version: OnexVersion;
  /** The version directory the registry loader reads (null when its reading of `path` is no directory). */
  dir: string | null;
  /**
   * The directory the entry names, read as the loader reads it or from the root (what the editor opens; null when
   * neither exists).
   */
  named: string | null;
  /** The readings of `path` that were tried, in order. */
  tried: string[];
  wip: boolean;
  /** `dir/metadata_file` (null without a directory or a metadata_file). */
  metadataPath: string | null;
  metadataExists: boolean;
}

export interface ResolvedRegistry {
  file: string;
  versions: ResolvedVersion[];
}

export interface TreeInfo {
  file: string;
  base: string;
}

/**
 * The registry loader the repository holds: `registry` reads registry.yaml (omnibase main), `tree` the `.onextree`
 * (development).
 */
export type LoaderKind = 'registry' | 'tree' | 'none';

const NONE = '';
/** Buckets of artifacts read by the registry-wide answers (1,000 artifacts: ~16 per bucket). */
const ARTIFACT_BUCKETS = 64;

/** The key of one path of a `.onextree` (relative to the directory it describes). */
export function treeKey(file: string, rel: string): string {
  return `${file}\0${rel}`;
}

/** The key of one artifact of a registry (its index in the file). */
export function artifactKey(file: string, index: number): string {
  return `${file}#${index}`;
}
const group = perDatabase<OnexQueries>();

export function onexQueries(files: FileQueries): OnexQueries {
  return group(files.db, () => new OnexQueries(files.db, files));
}

export class OnexQueries extends QueryGroup<FileQueries> {
  get files(): FileQueries {
    return this.deps;
  }

  facts(path: string): OnexFacts | null {
    return this.deps.appliedBy(onexFiles, path)?.facts ?? null;
  }
  registry(path: string): RegistryDoc | null {
    const f = this.facts(path);
    return f?.kind === 'registry' ? f.doc : null;
  }
  metadata(path: string): MetadataDoc | null {
    const f = this.facts(path);
    return f?.kind === 'metadata' ? f.doc : null;
  }
  tree(path: string): OnexTree | null {
    const f = this.facts(path);
    return f?.kind === 'tree' ? f.tree : null;
  }
  registries(): string[] {
    return this.deps.filesOf(FAMILY, 'registry');
  }
  /** Which registry loader the repository holds (reader.ts `readsOnextree`; docs/onex.md "Which loader"). */
  loader(): LoaderKind {
    const found = this.deps
      .filesOf(FAMILY, 'loader')
      .map((f) => this.facts(f))
      .filter((x) => x?.kind === 'loader');
    return found.length === 0 ? 'none' : found.some((x) => x?.kind === 'loader' && x.readsTree) ? 'tree' : 'registry';
  }
  metadataFiles(): string[] {
    return this.deps.filesOf(FAMILY, 'metadata');
  }

  /** A directory exists when the host reported it or a fed file lies in it. */
  dirExists(dir: string): boolean {
    return this.deps.dirExists(dir);
  }
  isWip(dir: string): boolean {
    return this.deps.exists(`${dir}/.wip`);
  }

  /**
   * One artifact of a registry (key: `artifactKey(file, index)`): the same object while its list item is unchanged
   * (registryDoc.ts).
   */
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
    const loader = this.loader();
    return artifact.versions.map((version) => {
      const rel = version.path?.value.replace(/(?<!\/)\/+$/, '');
      // omnibase main's loader joins `path` under its root_directory, the registry directory's parent
      // (registry_engine.py:122,406);
      // without a loader in the repository, the root-relative reading of the real registries comes first
      // (docs/onex.md).
      const [fromBase, fromRoot] = [joinRel(base, rel ?? ''), joinRel('', rel ?? '')];
      const readings = loader === 'registry' ? [fromBase, fromRoot] : [fromRoot, fromBase];
      const tried = rel ? [...new Set(readings.filter((p): p is string => p !== null && p !== ''))] : [];
      const meta = version.metadataFile?.value;
      const found = (d: string): boolean =>
        this.dirExists(d) || this.deps.exists(`${d}/.wip`) || (!!meta && this.deps.exists(`${d}/${meta}`));
      const named = tried.find(found) ?? null;
      const dir = loader === 'registry' ? (tried[0] !== undefined && found(tried[0]) ? tried[0] : null) : named;
      const metadataPath = dir && meta ? joinRel(dir, meta) : null;
      return {
        artifact,
        version,
        dir,
        named,
        tried,
        wip: dir !== null && this.isWip(dir),
        metadataPath,
        metadataExists: metadataPath !== null && this.deps.exists(metadataPath),
      };
    });
  });

  /**
   * Every version of a registry resolved, or of a tree the loader reads (unchanged while every artifact's resolution
   * is).
   */
  readonly resolvedQ: Query<ResolvedRegistry | null> = this.db.query(
    'onexResolved',
    (file) => {
      const doc = this.registry(file);
      if (!doc) return this.treeResolvedQ(file);
      return { file, versions: doc.artifacts.flatMap((_, i) => this.resolvedArtifactQ(artifactKey(file, i))) };
    },
    (a, b) =>
      a === b ||
      (!!a &&
        !!b &&
        a.file === b.file &&
        a.versions.length === b.versions.length &&
        a.versions.every((v, i) => v === b.versions[i])),
  );

  /**
   * The files one artifact's versions refer to (key: `artifactKey`): each metadata file (their entrypoints:
   * `entrypointQ`).
   */
  readonly wantedQ: Query<string[]> = this.db.query(
    'onexWanted',
    (key) => this.resolvedArtifactQ(key).flatMap((v) => (v.dir && v.metadataPath ? [v.metadataPath] : [])),
    sameList,
  );

  /**
   * The version directories one artifact registers (key: `artifactKey`): unchanged by a `.wip` or a metadata file
   * coming or going.
   */
  private readonly registeredDirsQ: Query<string[]> = this.db.query(
    'onexRegisteredDirs',
    (key) =>
      this.resolvedArtifactQ(key).flatMap((v) => (v.named ? [`${v.dir === v.named ? 'r' : 'n'}${v.named}`] : [])),
    sameList,
  );

  /**
   * Every artifact's key by bucket (a hash of the key). The registry-wide answers read one query per
   * bucket, so that a `.wip` or a metadata file coming or going is checked through its bucket's
   * artifacts only, not through every artifact of the registry (the cost of an edit would grow with it).
   */
  private readonly artifactBuckets = this.db.index(
    'onexArtifactBuckets',
    () => byBucket(this.artifactKeys(), ARTIFACT_BUCKETS),
    sameList,
  );
  /** One bucket's artifacts' answers to `read`, concatenated in bucket order. */
  private bucketed(read: (key: string) => readonly string[], b: number): string[] {
    return (this.artifactBuckets.get(String(b)) ?? []).flatMap(read);
  }
  private readonly registeredBucketQ = this.db.query(
    'onexRegisteredBucket',
    (b) => this.bucketed(this.registeredDirsQ, Number(b)),
    sameList,
  );
  private readonly wantedBucketQ = this.db.query(
    'onexWantedBucket',
    (b) => this.bucketed(this.wantedQ, Number(b)),
    sameList,
  );

  /**
   * The registered version directories: an index, so that one coming or going reaches the metadata units of that
   * directory only.
   */
  /**
   * The registered version directories, each `read` when the loader reads it there, else `named` (the entry names it,
   * the loader looks elsewhere).
   */
  private readonly registeredIndex = this.db.index<'read' | 'named'>('onexRegistered', () => {
    const out = new Map<string, 'read' | 'named'>();
    for (let b = 0; b < ARTIFACT_BUCKETS; b++) {
      for (const d of this.registeredBucketQ(String(b))) {
        if (out.get(d.slice(1)) !== 'read') out.set(d.slice(1), d[0] === 'r' ? 'read' : 'named');
      }
    }
    return out;
  });
  /** Whether a registry lists a version in this directory. */
  isRegistered(dir: string): boolean {
    return this.registeredIndex.get(dir) !== undefined;
  }

  /** The files one metadata file's entrypoint may be (checked whether that version is registered or not). */
  readonly entrypointQ: Query<string[]> = this.db.query(
    'onexEntrypoint',
    (file) => {
      const ep = this.metadata(file)?.entrypoint;
      return ep ? entrypointFiles(dirOf(file), ep.target, ep.form) : [];
    },
    sameList,
  );

  /**
   * The files every artifact's versions refer to (`wantedQ`), bucket by bucket, and every metadata file's entrypoint;
   * the caller sorts them.
   */
  wantedFiles(): string[] {
    const out: string[] = [];
    for (let b = 0; b < ARTIFACT_BUCKETS; b++) for (const f of this.wantedBucketQ(String(b))) out.push(f);
    for (const m of this.metadataFiles()) for (const f of this.entrypointQ(m)) out.push(f);
    return out;
  }

  /** The keys of every artifact of every registry (`artifactKey`), in registry and list order. */
  artifactKeys(): string[] {
    return this.registries().flatMap((file) =>
      (this.registry(file)?.artifacts ?? []).map((_, i) => artifactKey(file, i)),
    );
  }

  /** Every `.onextree` with the directory it describes. */
  readonly treesQ: Query<TreeInfo[]> = this.db.query(
    'onexTrees',
    () =>
      this.deps.filesOf(FAMILY, 'tree').flatMap((file) => {
        const tree = this.tree(file);
        return tree ? [{ file, base: treeBase(tree, (d) => this.dirExists(d)) }] : [];
      }),
    sameJson,
  );

  /**
   * Whether a tree lists a path (key: `treeKey(tree file, path relative to its base)`): unchanged by edits of the tree
   * elsewhere.
   */
  readonly treeHasQ: Query<boolean> = this.db.query('onexTreeHas', (key) => {
    const at = key.indexOf('\0');
    return this.tree(key.slice(0, at))?.nodes.has(key.slice(at + 1)) ?? false;
  });

  /** The tree describing a path most closely: the deepest base that holds it, then the tree file nearest that base. */
  treeFor(path: string): TreeInfo | null {
    let best: TreeInfo | null = null;
    const closer = (a: TreeInfo, b: TreeInfo): boolean =>
      a.base.length > b.base.length || (a.base.length === b.base.length && a.file.length > b.file.length);
    for (const t of this.treesQ(NONE)) if (isUnder(path, t.base) && (!best || closer(t, best))) best = t;
    return best;
  }

  /**
   * The run of omnibase development's loader that reads this `.onextree` (treeRun.ts): where each artifact it
   * lists is looked for. Only where the repository's loader reads trees (`loader() === 'tree'`).
   */
  readonly treeRunQ: Query<TreeRun | null> = this.db.query('onexTreeRun', (file) => {
    const tree = this.tree(file);
    if (!tree || this.loader() !== 'tree') return null;
    const known = [...this.versionDirs(), ...this.metadataFiles().map(dirOf)];
    return treeRun(tree, known, (d) => this.dirExists(d) || this.deps.exists(`${d}/.wip`));
  });

  /**
   * The trees a run of the loader finds artifacts in (`treeRunQ`'s base): the sources of `list` and Explain where the
   * loader reads trees.
   */
  treeSources(): string[] {
    return this.deps.filesOf(FAMILY, 'tree').filter((f) => this.treeRunQ(f)?.base != null);
  }

  /** Where the artifacts come from for `list` and Explain: the trees the loader reads, else the registries. */
  sources(): string[] {
    return this.loader() === 'tree' ? this.treeSources() : this.registries();
  }

  /** The artifacts of a source: a registry's items, or a tree's listed versions grouped by type and name. */
  artifactsOf(file: string): OnexArtifact[] {
    return this.registry(file)?.artifacts ?? this.treeArtifactsQ(file);
  }

  private readonly treeArtifactsQ: Query<OnexArtifact[]> = this.db.query('onexTreeArtifacts', (file) => {
    const run = this.treeRunQ(file);
    const tree = this.tree(file);
    if (!run || !tree) return [];
    const out = new Map<string, OnexArtifact>();
    for (const a of run.listed) {
      const r = a.node.nameRange;
      const at = (value: string, range = r) => ({ value, range, inner: range });
      const key = `${a.list}/${a.name}`;
      const nameRange = tree.nodes.get(dirOf(a.node.path))?.nameRange ?? r;
      const art = out.get(key) ?? { list: a.list, name: a.name, nameRange, range: r, versions: [] };
      art.versions.push({
        version: at(a.version),
        norm: normalizeVersion(a.version),
        path: at(a.dir ?? a.node.path),
        metadataFile: at(a.metadataFile, a.metaNode.nameRange),
        status: null,
        range: r,
      });
      out.set(key, art);
    }
    return [...out.values()];
  });

  private readonly treeResolvedQ: Query<ResolvedRegistry | null> = this.db.query('onexTreeResolved', (file) => {
    const run = this.treeRunQ(file);
    if (!run || run.base === null) return null;
    const dirs = new Map(run.listed.map((a) => [`${a.list}/${a.name}/${a.version}`, a.dir]));
    return {
      file,
      versions: this.treeArtifactsQ(file).flatMap((artifact) =>
        artifact.versions.map((version) => {
          const want = dirs.get(`${artifact.list}/${artifact.name}/${version.version.value}`) ?? null;
          const wip = want !== null && this.isWip(want);
          const meta = version.metadataFile?.value;
          const there = want !== null && (this.dirExists(want) || wip || this.deps.exists(`${want}/${meta}`));
          const dir = there ? want : null;
          const metadataPath = dir ? `${dir}/${meta}` : null;
          const metadataExists = metadataPath !== null && this.deps.exists(metadataPath);
          return { artifact, version, dir, named: dir, tried: want ? [want] : [], wip, metadataPath, metadataExists };
        }),
      ),
    };
  });

  /** The version directories whose metadata the tree loader reads: those the trees it reads list, on disk. */
  private readonly treeReadIndex = this.db.index<true>('onexTreeRead', () => {
    const out = new Map<string, true>();
    for (const f of this.treeSources()) {
      for (const v of this.resolvedQ(f)?.versions ?? []) if (v.dir) out.set(v.dir, true);
    }
    return out;
  });

  /**
   * Whether the repository's registry loader reads the metadata of this version directory (`none`: no loader to say, so
   * yes).
   */
  loaderReads(dir: string): boolean {
    const loader = this.loader();
    if (loader === 'none') return true;
    return loader === 'tree' ? this.treeReadIndex.get(dir) === true : this.registeredIndex.get(dir) === 'read';
  }

  /**
   * Whether the loader finds this version directory at all: listed by a tree it reads, or named by a registry entry.
   */
  isListed(dir: string): boolean {
    return this.loader() === 'tree' ? this.treeReadIndex.get(dir) === true : this.isRegistered(dir);
  }

  /** Every artifact of every source (`sources()`), by name. */
  readonly artifactsQ: Query<Map<string, { file: string; artifact: OnexArtifact }[]>> = this.db.query(
    'onexArtifacts',
    () => {
      const out = new Map<string, { file: string; artifact: OnexArtifact }[]>();
      for (const file of this.sources()) {
        for (const artifact of this.artifactsOf(file)) {
          const list = out.get(artifact.name) ?? [];
          list.push({ file, artifact });
          out.set(artifact.name, list);
        }
      }
      return out;
    },
  );

  /** Version directories the host reported (for completion of `path`). */
  versionDirs(): string[] {
    return [...this.deps.directoriesInput.get(NONE)];
  }
}
