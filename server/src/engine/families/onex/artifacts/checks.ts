// The ONEX family's cross-file checks (docs/onex.md), each as severe as its consequence for the registry
// loader the repository holds (queries.ts `loader()`): per artifact of a registry the loader reads, every
// version resolved as it resolves it — path missing (RL042), work in progress (RL045), metadata missing
// (RL041); per `.onextree` the loader reads, every artifact it lists (RL042, RL041); per metadata file the
// loader reads, what makes it mark the version invalid (RL041, not under `.wip`). Facts no loader acts on
// are information: metadata disagreeing with the entry or its directory, placeholders, entrypoints (RL041,
// RL042), the `.onextree` missing a registered directory (RL043), a version directory never loaded (RL044).
import type { Diagnostic, RelatedInfo } from '../../../types';
import { diag } from './codes';
import { ZERO_RANGE } from '../../../text/ranges';
import { dirOf } from '../../../util/paths';
import { metadataFileOf, normalizeVersion } from './kinds';
import { treeKey, type OnexQueries, type ResolvedVersion } from './queries';
import { addTreeNodeFix, metadataStubFix, registerVersionFix } from './fixes';

/**
 * One artifact of a registry (key: `artifactKey(file, index)`): each of its versions against the disk, its metadata and
 * the tree.
 */
export function checkArtifact(q: OnexQueries, key: string): Diagnostic[] {
  // omnibase development's loader never opens registry.yaml (it discovers artifacts from the tree,
  // registry_engine.py:280).
  if (q.loader() === 'tree') return [];
  const file = key.slice(0, key.lastIndexOf('#'));
  return q.resolvedArtifactQ(key).flatMap((v) => checkVersion(q, file, v));
}

function checkVersion(q: OnexQueries, file: string, r: ResolvedVersion): Diagnostic[] {
  const { artifact, version } = r;
  const label = `${artifact.name} ${version.version.value}`;
  const here: RelatedInfo = { file, range: version.version.range, message: `registry entry ${label}` };
  if (!version.path) return [];
  if (!r.dir) return [missingDir(q, file, r, label)];
  const out: Diagnostic[] = [];
  if (r.wip) {
    out.push(
      diag(
        file,
        version.version.range,
        'RL045',
        `${label} is work in progress ('${r.dir}/.wip'): ` +
          "the loaders accept it without metadata and leave it out of 'latest'",
        {
          related: [{ file: `${r.dir}/.wip`, range: ZERO_RANGE, message: 'the .wip marker' }],
        },
      ),
    );
  } else if (version.metadataFile && r.metadataPath && !r.metadataExists) {
    out.push(
      diag(
        file,
        version.metadataFile.range,
        'RL041',
        `'${r.metadataPath}' does not exist and the directory has no .wip marker: ` +
          `the loaders mark ${label} invalid (MISSING_METADATA)`,
        {
          fixes: [metadataStubFix(r)],
        },
      ),
    );
  }
  const meta = r.metadataPath && r.metadataExists ? q.metadata(r.metadataPath) : null;
  if (meta && r.metadataPath) {
    if (meta.name && meta.name.value !== artifact.name) {
      out.push(
        diag(
          r.metadataPath,
          meta.name.range,
          'RL041',
          `The metadata names '${meta.name.value}', but the ` +
            `registry lists this directory as '${artifact.name}' (no loader compares ` +
            `them)`,
          { severity: 'information', related: [here] },
        ),
      );
    }
    const mv = meta.version ? normalizeVersion(meta.version.value) : null;
    if (meta.version && version.norm && mv !== version.norm) {
      out.push(
        diag(
          r.metadataPath,
          meta.version.range,
          'RL041',
          `The metadata says version ` +
            `${meta.version.value}, but the registry entry is ${version.version.value} (no loader compares ` +
            `them)`,
          { severity: 'information', related: [here] },
        ),
      );
    }
  }
  out.push(...treeProblems(q, file, r));
  return out;
}

/**
 * A registry version whose directory the loader does not find. omnibase main's loader joins `path` under its
 * root_directory, the registry directory's parent (registry_engine.py:122, :406), reports the metadata missing
 * and keeps the artifact marked invalid (:473-487, :421-430); the fix rewrites a root-relative path for it.
 */
function missingDir(q: OnexQueries, file: string, r: ResolvedVersion, label: string): Diagnostic {
  const path = r.version.path as NonNullable<typeof r.version.path>;
  const meta = r.version.metadataFile?.value ?? 'its metadata';
  if (q.loader() !== 'registry') {
    return diag(
      file,
      path.range,
      'RL042',
      `The version directory of ${label} does not exist (tried ` +
        `${r.tried.map((t) => `'${t}'`).join(', ') || 'nothing'}); the loaders report its metadata missing`,
    );
  }
  const root = dirOf(dirOf(file));
  const named = r.named !== null ? `; the path names '${r.named}' from the repository root` : '';
  const rel = r.named !== null && root !== '' && r.named.startsWith(`${root}/`) ? r.named.slice(root.length + 1) : null;
  return diag(
    file,
    path.range,
    'RL042',
    `'${r.tried[0] ?? path.value}' does not exist, so the registry loader reports '${meta}' missing and marks ` +
      `${label} invalid (MISSING_METADATA)`,
    {
      related: [
        {
          file,
          range: path.range,
          message:
            `the registry loader joins 'path' under its root_directory '${root || '.'}' ` +
            `(the registry directory's parent)${named}`,
        },
      ],
      fixes: rel
        ? [
            {
              title: `Make the path relative to '${root}': ` + `${rel}`,
              edits: [{ file, edits: [{ range: path.inner, newText: rel }] }],
              preferred: true,
            },
          ]
        : [],
    },
  );
}

/**
 * A registered directory and its metadata file should be in the tree describing them; no loader compares them
 * (information).
 */
function treeProblems(q: OnexQueries, file: string, r: ResolvedVersion): Diagnostic[] {
  const dir = r.dir;
  const t = dir ? q.treeFor(dir) : null;
  if (!dir || !t || !r.version.path) return [];
  const rel = t.base === '' ? dir : dir.slice(t.base.length + 1);
  const metaFile = r.version.metadataFile;
  const metaListed = r.wip || !metaFile || !r.metadataExists || q.treeHasQ(treeKey(t.file, `${rel}/${metaFile.value}`));
  // The common case reads only whether the two paths are listed, so an edit elsewhere in the tree re-checks nothing
  // here.
  if (q.treeHasQ(treeKey(t.file, rel)) && metaListed) return [];
  const tree = q.tree(t.file);
  if (!tree) return [];
  const where = (p: string): RelatedInfo => {
    let at = p;
    while (at !== '' && !tree.nodes.has(at)) at = dirOf(at);
    return {
      file: t.file,
      range: tree.nodes.get(at)?.nameRange ?? ZERO_RANGE,
      message: `'${t.file}' describes '${t.base || '.'}'; closest listed: '${at || tree.rootName || '.'}'`,
    };
  };
  if (!tree.nodes.has(rel)) {
    return [
      diag(file, r.version.path.range, 'RL043', `'${dir}' is not in ` + `'${t.file}'${NO_TREE_CHECK}`, {
        related: [where(rel)],
        fixes: addTreeNodeFix(tree, rel, true),
      }),
    ];
  }
  if (!r.wip && metaFile && r.metadataExists && !tree.nodes.has(`${rel}/${metaFile.value}`)) {
    return [
      diag(file, metaFile.range, 'RL043', `'${dir}/${metaFile.value}' is not in ` + `'${t.file}'${NO_TREE_CHECK}`, {
        related: [where(`${rel}/${metaFile.value}`)],
        fixes: addTreeNodeFix(tree, `${rel}/${metaFile.value}`, false),
      }),
    ];
  }
  return [];
}

const NO_TREE_CHECK = ' (no loader compares the registry with the tree)';

export function checkMetadata(q: OnexQueries, file: string): Diagnostic[] {
  const meta = q.metadata(file);
  const m = metadataFileOf(file);
  if (!meta || !m) return [];
  const out: Diagnostic[] = [];
  // The loader marks the version invalid only where it reads this file (registry_engine.py:456-532 on main, :404-469 on
  // development).
  if (!q.isWip(m.dir) && q.loaderReads(m.dir)) {
    for (const p of meta.invalid) out.push(diag(file, p.range, 'RL041', p.message));
  }
  out.push(...entrypointProblems(q, file));
  const [first, ...rest] = meta.placeholders;
  if (first) {
    out.push(
      diag(
        file,
        first.range,
        'RL041',
        `Unrendered template placeholders: ` +
          `${meta.placeholders.map((p) => `${p.key || 'value'} ${p.text}`).join(', ')} (the loaders only require the ` +
          `keys to be there)`,
        {
          severity: 'information',
          related: rest.map((p) => ({ file, range: p.range, message: `${p.key} ${p.text}` })),
        },
      ),
    );
  }
  if (!q.isListed(m.dir)) {
    out.push(unlisted(q, file, meta.name && meta.name.value !== m.name ? meta.name.value : null, m));
    if (meta.name && meta.name.value !== m.name) {
      out.push(
        diag(
          file,
          meta.name.range,
          'RL041',
          `The metadata names '${meta.name.value}', but its directory ` + `is '${m.name}' (no loader compares them)`,
          { severity: 'information' },
        ),
      );
    }
  }
  return out;
}

/** RL044 (information): a version directory with its metadata that the repository's loader never loads. */
type VersionDir = NonNullable<ReturnType<typeof metadataFileOf>>;

function unlisted(q: OnexQueries, file: string, otherName: string | null, m: VersionDir): Diagnostic {
  const what = `'${m.dir}' holds ${m.list === 'nodes' ? 'a node' : 'an artifact'} version`;
  const named = otherName ? `; its metadata names '${otherName}'` : '';
  if (q.loader() === 'tree') {
    return diag(
      file,
      ZERO_RANGE,
      'RL044',
      `${what} that the registry loader never loads: it discovers artifacts ` +
        `from the .onextree, and no tree it reads lists this directory${named}`,
    );
  }
  const registries = q.registries();
  return diag(
    file,
    ZERO_RANGE,
    'RL044',
    `${what} that ` + `${registries.length ? 'no registry lists' : 'no registry.yaml lists (none found)'}${named}`,
    {
      fixes: registries.length ? registerVersionFix(q, registries[0] as string, m) : [],
    },
  );
}

/**
 * A metadata file's entrypoint must be a file, whether a registry lists its version or not (an unrendered placeholder
 * aside).
 */
function entrypointProblems(q: OnexQueries, file: string): Diagnostic[] {
  const ep = q.metadata(file)?.entrypoint;
  if (!ep || /\{[A-Z][A-Z0-9_]*\}/.test(ep.target)) return [];
  const candidates = q.entrypointQ(file);
  if (candidates.some((c) => q.files.exists(c))) return [];
  return [
    diag(
      file,
      ep.range,
      'RL042',
      `The entrypoint '${ep.target}' is not a file (looked for ` +
        `${candidates.map((c) => `'${c}'`).join(', ')}); no loader resolves it`,
      { severity: 'information' },
    ),
  ];
}

/** The root_directory RegistryAdapter defaults to (`Path.cwd() / "src" / "omnibase"`), and the tree it reads. */
const ADAPTER_ROOT = 'src/omnibase';
const ADAPTER_TREE = 'src/.onextree';

/**
 * A `.onextree` the repository's registry loader discovers artifacts from (omnibase `development`,
 * `RegistryEngine._discover_artifacts_from_onextree_model`, registry_engine.py:249-311), in the run that reads it
 * (treeRun.ts): every artifact it lists must be on disk where the loader looks, or the loader keeps it and marks it
 * invalid (`MISSING_METADATA`, :418-431). A tree no run finds any of its artifacts in gets one error on its name when a
 * real caller reads it — RegistryAdapter's default run, from the repository root — and none otherwise.
 */
export function checkTree(q: OnexQueries, file: string): Diagnostic[] {
  const run = q.treeRunQ(file);
  const tree = q.tree(file);
  if (!run || !tree || run.listed.length === 0) return [];
  if (run.base === null) {
    // Only a caller that runs the loader on this tree makes it a finding: none but RegistryAdapter's default does.
    if (file !== ADAPTER_TREE) return [];
    const name = tree.rootName ?? '';
    const folder = dirOf(file);
    const under =
      name === '..' ? `'${folder}/<type>/<name>/<version>'` : `'${ADAPTER_ROOT}/${name}/<type>/<name>/<version>'`;
    const first = run.listed[0] as (typeof run.listed)[number];
    return [
      diag(
        file,
        tree.nodes.get('')?.nameRange ?? ZERO_RANGE,
        'RL042',
        `RegistryAdapter run from the repository root reads '${file}': without a root_path it gives the registry ` +
          `loader the root_directory '<cwd>/${ADAPTER_ROOT}' (as do the integration registry contexts of omnibase's ` +
          `tests/conftest.py and src/omnibase/conftest.py), whose parent's tree the loader reads, resolving each ` +
          `artifact it lists to ${under}, dropping the directories the tree nests above the type: none of the ` +
          `${run.listed.length} is there (e.g. ${first.name} ${first.version}), so it marks every one invalid ` +
          '(MISSING_METADATA)',
        {
          related: run.listed
            .slice(0, 20)
            .map((a) => ({ file, range: a.node.nameRange, message: `${a.list} ${a.name} ` + `${a.version}` })),
        },
      ),
    ];
  }
  const out: Diagnostic[] = [];
  for (const a of run.listed) {
    const dir = a.dir as string;
    const label = `${a.name} ${a.version}`;
    if (!q.dirExists(dir) && !q.isWip(dir) && !q.files.exists(`${dir}/${a.metadataFile}`)) {
      out.push(
        diag(
          file,
          a.node.nameRange,
          'RL042',
          `'${file}' lists ${label} at '${dir}', which does not exist: ` +
            `the registry loader discovers artifacts from this tree, so it reports '${a.metadataFile}' missing and ` +
            `marks ${label} invalid (MISSING_METADATA)`,
        ),
      );
    } else if (!q.isWip(dir) && !q.files.exists(`${dir}/${a.metadataFile}`)) {
      out.push(
        diag(
          file,
          a.metaNode.nameRange,
          'RL041',
          `'${file}' lists '${dir}/${a.metadataFile}', which does ` +
            `not exist and the directory has no .wip marker: the registry loader marks ${label} invalid ` +
            `(MISSING_METADATA)`,
        ),
      );
    }
  }
  return out;
}
