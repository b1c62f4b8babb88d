// Deterministic synthetic ONEX organisation (omnibase layout, docs/onex.md, modelled on
// examples/onex-registry): one `registry/registry.yaml` listing versioned artifacts (nodes, CLI tools,
// runtimes), a version directory per version with the type's metadata file and its entrypoint, `.wip`
// markers on some newest versions, and a root `.onextree` describing the package. Planted problems
// give RL001, RL012, RL020, RL040–RL045. Edits: metadata files (a field, the version, the name, and
// their fixes) and `.wip` markers created and deleted; the central file is `registry.yaml`;
// components are edits of the `.onextree` (a version directory dropped, then restored).
import { Rng, hashString } from './rng';
import type { BenchEdit, EditStream, GeneratedSpec, Workload } from './workload';

export interface OnexOrgParams {
  name: string;
  artifacts: number;
  versionsPerArtifact: number;
  seed: number;
}

export const ONEX_ORGS: Record<'onex-small' | 'onex', OnexOrgParams> = {
  'onex-small': { name: 'onex-small', artifacts: 100, versionsPerArtifact: 3, seed: 20_263 },
  onex: { name: 'onex', artifacts: 1_000, versionsPerArtifact: 3, seed: 20_263 },
};

const GENERATOR_VERSION = 1;
const PKG = 'bench_onex';
const SRC = `src/${PKG}`;
type List = 'nodes' | 'cli_tools' | 'runtimes';
const META: Record<List, string> = { nodes: 'node.onex.yaml', cli_tools: 'cli_tool.yaml', runtimes: 'runtime.yaml' };
const ENTRY: Record<List, string> = { nodes: 'node.py', cli_tools: 'cli_main.py', runtimes: 'node_runner.py' };
const WORDS = [
  'stamper',
  'logger',
  'parity',
  'validator',
  'registry',
  'loader',
  'tree',
  'generator',
  'schema',
  'docstring',
  'kafka',
  'event',
  'bus',
  'scenario',
  'runner',
  'manager',
  'template',
  'hash',
  'lint',
  'format',
  'audit',
  'metrics',
  'trace',
  'policy',
  'cache',
  'index',
  'search',
  'sync',
];

export interface VersionModel {
  /** As the registry writes it (`v1_0_0`, or `1.0.0` for a few). */
  version: string;
  dirName: string;
  status: string;
  wip: boolean;
  /** The metadata file is written (a WIP version may have none yet). */
  hasMetadata: boolean;
  metaName: string;
  metaVersion: string;
  description: string;
  schemaVersion: boolean;
  entrypoint: string;
  tagsAsString: boolean;
  /** The directory is on disk, and listed in the `.onextree` (with its metadata file). */
  onDisk: boolean;
  inTree: boolean;
  metaInTree: boolean;
  /** Listed in registry.yaml. */
  registered: boolean;
  /** A second registry entry for a directory another entry lists (RL001): nothing of its own on disk. */
  dup: boolean;
}
export interface ArtifactModel {
  list: List;
  name: string;
  versions: VersionModel[];
}
export interface OnexOrgModel {
  params: OnexOrgParams;
  artifacts: ArtifactModel[];
  seeded: Record<string, number>;
  summaryOff: number;
  stamp: number;
}

const dirOfVersion = (a: ArtifactModel, v: VersionModel): string => `${SRC}/${a.list}/${a.name}/${v.dirName}`;
const metaPathOf = (a: ArtifactModel, v: VersionModel): string => `${dirOfVersion(a, v)}/${META[a.list]}`;

export function buildOnexOrg(p: OnexOrgParams): OnexOrgModel {
  const rng = new Rng(p.seed ^ hashString(p.name));
  const seeded: Record<string, number> = {};
  const plant = (what: string): void => {
    seeded[what] = (seeded[what] ?? 0) + 1;
  };
  const taken = new Set<string>();
  const artifacts: ArtifactModel[] = [];
  const ar = rng.fork(1);
  for (let i = 0; i < p.artifacts; i++) {
    const roll = ar.next();
    const list: List = roll < 0.8 ? 'nodes' : roll < 0.9 ? 'cli_tools' : 'runtimes';
    let name = '';
    while (name === '' || taken.has(name))
      name = `${ar.pick(WORDS)}_${ar.pick(WORDS)}${list === 'nodes' ? '_node' : list === 'cli_tools' ? '_cli' : '_runtime'}${taken.size >= WORDS.length ** 2 / 2 ? `_${i}` : ''}`;
    taken.add(name);
    const versions: VersionModel[] = [];
    let [major, minor] = [1, 0];
    for (let k = 0; k < p.versionsPerArtifact; k++) {
      const v = `${major}.${minor}.0`;
      versions.push({
        version: `v${major}_${minor}_0`,
        dirName: `v${major}_${minor}_0`,
        status: 'active',
        wip: false,
        hasMetadata: true,
        metaName: name,
        metaVersion: v,
        description: `${name.replace(/_/g, ' ')} ${v}`,
        schemaVersion: true,
        entrypoint: ENTRY[list],
        tagsAsString: false,
        onDisk: true,
        inTree: true,
        metaInTree: true,
        registered: true,
        dup: false,
      });
      if (ar.chance(0.3)) {
        major++;
        minor = 0;
      } else minor++;
    }
    artifacts.push({ list, name, versions });
  }
  // ---- planted problems
  const pr = rng.fork(2);
  const few = (share: number): number => Math.max(1, Math.round(p.artifacts * share));
  const newest = (a: ArtifactModel): VersionModel => a.versions[a.versions.length - 1] as VersionModel;
  for (const a of pr.sample(artifacts, few(0.03))) {
    const v = newest(a);
    v.wip = true;
    v.hasMetadata = pr.chance(0.5);
    plant('RL045 .wip in the newest version');
  }
  const ready = (): ArtifactModel[] => artifacts.filter((a) => !newest(a).wip && a.versions.length > 1);
  for (const a of pr.sample(ready(), few(0.002))) {
    a.versions.push({
      ...(a.versions[0] as VersionModel),
      version: (a.versions[0] as VersionModel).metaVersion,
      dup: true,
    });
    plant('RL001 one version listed twice');
  }
  for (const a of pr.sample(ready(), few(0.002))) {
    const v = a.versions[0] as VersionModel;
    v.version = '0.9.0';
    v.metaVersion = '0.9.0';
    plant('RL012 directory vs version');
  }
  for (const a of pr.sample(ready(), few(0.003))) {
    const v = a.versions[1] as VersionModel;
    v.onDisk = false;
    plant('RL042 version directory deleted');
  }
  const intact = (): VersionModel[] =>
    ready()
      .flatMap((a) => a.versions.slice(0, 2))
      .filter((v) => v.onDisk && v.version === v.dirName && v.registered && !v.dup);
  for (const v of pr.sample(intact(), few(0.003))) {
    v.entrypoint = 'src/main.py';
    plant('RL042 entrypoint missing');
  }
  for (const v of pr.sample(intact(), few(0.003))) {
    v.metaName = 'template_node';
    plant('RL041 metadata names another artifact');
  }
  for (const v of pr.sample(intact(), few(0.002))) {
    v.schemaVersion = false;
    plant('RL041 no schema_version');
  }
  for (const v of pr.sample(intact(), few(0.002))) {
    v.tagsAsString = true;
    plant('RL020 tags is a string');
  }
  for (const v of pr.sample(intact(), few(0.003))) {
    v.inTree = false;
    plant('RL043 directory missing from .onextree');
  }
  for (const v of pr.sample(intact(), few(0.002))) {
    if (v.inTree) {
      v.metaInTree = false;
      plant('RL043 metadata file missing from .onextree');
    }
  }
  for (const a of pr.sample(ready(), few(0.003))) {
    const last = newest(a);
    a.versions.push({ ...last, version: 'v9_0_0', dirName: 'v9_0_0', metaVersion: '9.0.0', registered: false });
    plant('RL044 version directory not registered');
  }
  plant('RL040 artifact_summary count off by one');
  return { params: p, artifacts, seeded, summaryOff: 1, stamp: 0 };
}

// ---------------------------------------------------------------- rendering

export function renderRegistry(org: OnexOrgModel): string {
  const count = (l: List): number => org.artifacts.filter((a) => a.list === l).length;
  const lines = [
    '# ONEX Registry Index',
    `# Tracks every versioned artifact of ${PKG} (generated by bench/onexOrg.ts)`,
    '',
    'registry_schema_version: "1.0.0"',
    'registry_version: "1.0.0"',
    `last_updated: "2026-01-15T00:00:${String(org.stamp % 60).padStart(2, '0')}.000000"`,
    'generated_by: "tree_generator_node"',
    '',
    'artifact_summary:',
    `  total_artifacts: ${org.artifacts.length}`,
    `  nodes: ${count('nodes') + org.summaryOff}`,
    `  cli_tools: ${count('cli_tools')}`,
    `  runtimes: ${count('runtimes')}`,
    '  adapters: 0',
    '  contracts: 0',
    '  packages: 0',
  ];
  for (const list of ['nodes', 'cli_tools', 'runtimes'] as List[]) {
    lines.push('', `${list}:`);
    for (const a of org.artifacts.filter((x) => x.list === list)) {
      lines.push(`  - name: "${a.name}"`, '    versions:');
      for (const v of a.versions.filter((x) => x.registered)) {
        lines.push(
          `      - version: "${v.version}"`,
          `        path: "${dirOfVersion(a, v)}"`,
          `        metadata_file: "${META[list]}"`,
          `        status: "${v.status}"`,
        );
      }
    }
  }
  lines.push('', 'adapters: []', 'contracts: []', 'packages: []', '');
  return lines.join('\n');
}

export function renderMetadata(a: ArtifactModel, v: VersionModel): string {
  const lines = ['---', ''];
  if (v.schemaVersion) lines.push('schema_version: "0.1.0"');
  lines.push(
    `name: "${v.metaName}"`,
    `version: "${v.metaVersion}"`,
    `uuid: "00000000-0000-4000-8000-${String(hashString(a.name + v.dirName))
      .padStart(12, '0')
      .slice(-12)}"`,
    'author: "Bench Team"',
    'created_at: "2026-01-15T00:00:00Z"',
    'last_modified_at: "2026-01-15T00:00:00Z"',
    `description: "${v.description}"`,
    'lifecycle: "active"',
  );
  if (a.list === 'nodes') {
    lines.push(
      `state_contract: "state_contract://${a.name}_contract.yaml"`,
      'hash: "<TO_BE_COMPUTED>"',
      'entrypoint:',
      '  type: python',
      `  target: ${v.entrypoint}`,
      `namespace: "${PKG}.nodes.${a.name}"`,
      'meta_type: "tool"',
      'runtime_language_hint: "python>=3.11"',
    );
  } else {
    lines.push(
      `entrypoint: "${v.entrypoint}"`,
      `namespace: "${PKG}.${a.list}.${a.name}"`,
      `meta_type: "${a.list === 'cli_tools' ? 'cli_tool' : 'runtime'}"`,
    );
  }
  lines.push(
    v.tagsAsString ? `tags: ${a.list}` : `tags: ["${a.list}", "bench"]`,
    'dependencies: []',
    'license: "Apache-2.0"',
    '',
  );
  return lines.join('\n');
}

/** The `.onextree` at the root, describing `src/<package>` (its root is named after the package). */
export function renderTree(org: OnexOrgModel): string {
  const out = [`name: ${PKG}`, 'type: directory', 'children:', '- name: __init__.py', '  type: file'];
  const dir = (indent: string, name: string): void => {
    out.push(`${indent}- name: ${name}`, `${indent}  type: directory`, `${indent}  children:`);
  };
  const file = (indent: string, name: string): void => {
    out.push(`${indent}- name: ${name}`, `${indent}  type: file`);
  };
  for (const list of ['cli_tools', 'nodes', 'runtimes'] as List[]) {
    dir('', list);
    for (const a of org.artifacts.filter((x) => x.list === list)) {
      dir('  ', a.name);
      for (const v of a.versions.filter((x) => x.onDisk && x.inTree && !x.dup)) {
        dir('    ', v.dirName);
        if (v.wip) file('      ', '.wip');
        if (v.hasMetadata && v.metaInTree) file('      ', META[list]);
        file('      ', v.entrypoint === 'src/main.py' ? ENTRY[list] : v.entrypoint);
      }
    }
  }
  dir('', 'registry');
  file('  ', 'registry.yaml');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- edits

const KINDS = ['field', 'version', 'name', 'fix', 'wip'] as const;
type Kind = (typeof KINDS)[number];
const WEIGHTS: [Kind, number][] = [
  ['field', 35],
  ['version', 15],
  ['name', 15],
  ['fix', 20],
  ['wip', 15],
];

class OnexEdits implements EditStream {
  private undo: { a: ArtifactModel; v: VersionModel; restore: () => void }[] = [];
  private readonly editable: { a: ArtifactModel; v: VersionModel }[];

  constructor(private readonly org: OnexOrgModel) {
    this.editable = org.artifacts.flatMap((a) =>
      a.versions.filter((v) => v.onDisk && v.hasMetadata && v.registered && !v.dup).map((v) => ({ a, v })),
    );
  }

  next(rng: Rng): BenchEdit {
    let kind = rng.weighted(WEIGHTS, 'field');
    if (kind === 'fix' && this.undo.length === 0) kind = 'name';
    if (kind === 'fix') {
      const u = this.undo.splice(rng.int(0, this.undo.length - 1), 1)[0] as {
        a: ArtifactModel;
        v: VersionModel;
        restore: () => void;
      };
      u.restore();
      return { kind, file: metaPathOf(u.a, u.v), text: renderMetadata(u.a, u.v) };
    }
    const { a, v } = rng.pick(this.editable);
    if (kind === 'wip') {
      v.wip = !v.wip;
      return { kind, file: `${dirOfVersion(a, v)}/.wip`, text: v.wip ? '' : null };
    }
    if (kind === 'field') v.description = `${a.name.replace(/_/g, ' ')} (revised ${rng.int(1, 999)})`;
    else if (kind === 'version') {
      const before = v.metaVersion;
      v.metaVersion = `${rng.int(2, 8)}.${rng.int(0, 9)}.${rng.int(0, 9)}`;
      this.undo.push({
        a,
        v,
        restore: () => {
          v.metaVersion = before;
        },
      });
    } else {
      const before = v.metaName;
      v.metaName = `${a.name}_copy`;
      this.undo.push({
        a,
        v,
        restore: () => {
          v.metaName = before;
        },
      });
    }
    return { kind, file: metaPathOf(a, v), text: renderMetadata(a, v) };
  }
}

// ---------------------------------------------------------------- the workload

export function onexWorkload(p: OnexOrgParams): Workload {
  const org = buildOnexOrg(p);
  const registryPath = `${SRC}/registry/registry.yaml`;
  const versions = org.artifacts.flatMap((a) => a.versions.map((v) => ({ a, v })));
  const written = versions.filter(({ v }) => v.onDisk && !v.dup);
  const generated: GeneratedSpec = {
    generator: GENERATOR_VERSION,
    params: p,
    fingerprint: () =>
      hashString(
        [
          renderRegistry(org),
          renderTree(org).slice(0, 20_000),
          ...written.slice(0, 4).map(({ a, v }) => renderMetadata(a, v)),
        ].join('\0'),
      ).toString(16),
    write(write) {
      write(registryPath, renderRegistry(org));
      write('.onextree', renderTree(org));
      write(`${SRC}/__init__.py`, '');
      for (const { a, v } of written) {
        const dir = dirOfVersion(a, v);
        if (v.hasMetadata) write(metaPathOf(a, v), renderMetadata(a, v));
        if (v.wip) write(`${dir}/.wip`, '');
        write(`${dir}/${ENTRY[a.list]}`, `"""${a.name} ${v.metaVersion}."""\n\n\ndef main():\n    pass\n`);
      }
    },
  };
  // .onextree edits: a version directory dropped from the tree (RL043 appears), then restored.
  const inTree = versions.filter(({ v }) => v.onDisk && v.inTree && v.registered && !v.dup);
  return {
    name: p.name,
    family: 'onex',
    seed: p.seed,
    summary: `ONEX: ${p.artifacts.toLocaleString('en-US')} artifacts × ${p.versionsPerArtifact} versions in one registry.yaml, ${written.length.toLocaleString('en-US')} version directories, one .onextree`,
    entries: versions.length,
    seeded: org.seeded,
    editKinds: KINDS,
    secondaryKinds: ['wip'],
    generated,
    readsReferencedFiles: true,
    staleProbe: () => [
      { file: registryPath, text: renderRegistry(org) },
      ...written
        .filter(({ v }) => v.hasMetadata)
        .slice(0, 25)
        .map(({ a, v }) => ({ file: metaPathOf(a, v), text: renderMetadata(a, v) })),
    ],
    edits: () => new OnexEdits(org),
    centralLabel: "registry.yaml (a version's status and last_updated change: every version is resolved again)",
    centralEdits(rng: Rng, n: number): BenchEdit[] {
      return Array.from({ length: n }, () => {
        const { v } = rng.pick(inTree);
        v.status = v.status === 'active' ? 'deprecated' : 'active';
        org.stamp++;
        return { kind: 'core', file: registryPath, text: renderRegistry(org) };
      });
    },
    componentLabel: 'the .onextree (a version directory dropped, then restored: RL043 appears and goes)',
    componentEdits(rng: Rng): BenchEdit[] {
      return rng.sample(inTree, 10).flatMap(({ v }) => {
        v.inTree = false;
        const dropped = renderTree(org);
        v.inTree = true;
        return [
          { kind: 'component', file: '.onextree', text: dropped },
          { kind: 'component', file: '.onextree', text: renderTree(org) },
        ];
      });
    },
  };
}
