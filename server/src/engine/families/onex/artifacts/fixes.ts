// Quick fixes of the ONEX checks, as text edits in the style of the real files: add a missing node
// to a `.onextree`, register a version directory in `registry.yaml`, create a metadata stub from the
// registry entry. (`artifact_summary` counts are fixed where they are found, in registryDoc.ts.)
import type { Fix, Range } from '../../../types';
import { METADATA_FILE, normalizeVersion, type ArtifactList } from './kinds';
import type { OnexTree } from './onextree';
import type { OnexQueries, ResolvedVersion } from './queries';

const pad = (n: number): string => ' '.repeat(Math.max(0, n));
const endOf = (r: Range): Range => ({ start: r.end, end: r.end });

/** Adds `rel` (and the directories leading to it) under the deepest node of the tree that lists children. */
export function addTreeNodeFix(tree: OnexTree, rel: string, isDir: boolean): Fix[] {
  const segments = rel.split('/');
  for (let keep = segments.length - 1; keep >= 0; keep--) {
    const parent = tree.nodes.get(segments.slice(0, keep).join('/'));
    if (!parent) continue;
    if (parent.noChildren || !parent.insertAfter) return [];
    const missing = segments.slice(keep);
    const dash = parent.childIndent - 2;
    const lines: string[] = [];
    missing.forEach((name, i) => {
      const [d, k] = [dash + 2 * i, dash + 2 * i + 2];
      const last = i === missing.length - 1;
      lines.push(`${pad(d)}- name: ${name}`, `${pad(k)}type: ${last && !isDir ? 'file' : 'directory'}`);
      if (!last) lines.push(`${pad(k)}children:`);
      else if (isDir) lines.push(`${pad(k)}children: []`);
    });
    return [
      {
        title: `Add '${rel}' to ${tree.file}`,
        edits: [{ file: tree.file, edits: [{ range: endOf(parent.insertAfter), newText: `\n${lines.join('\n')}` }] }],
      },
    ];
  }
  return [];
}

/** A metadata file with the keys the loaders require, from the registry entry. */
export function metadataStubFix(r: ResolvedVersion): Fix {
  const path = r.metadataPath as string;
  const version = r.version.norm ?? r.version.version.value;
  const text = [
    `schema_version: "0.1.0"`,
    `name: "${r.artifact.name}"`,
    `version: "${version}"`,
    `description: ""`,
    `lifecycle: "draft"`,
    '',
  ].join('\n');
  return {
    title: `Create ${path} for ${r.artifact.name} ${r.version.version.value}`,
    edits: [],
    createFiles: [{ file: path, text }],
  };
}

/** Registers an unregistered version directory: a new version of its artifact, or a new item of its list. */
export function registerVersionFix(
  q: OnexQueries,
  registry: string,
  m: { dir: string; list: ArtifactList; name: string; version: string },
): Fix[] {
  const doc = q.registry(registry);
  if (!doc) return [];
  const versionLines = (dash: number): string[] => [
    `${pad(dash)}- version: "${m.version}"`,
    `${pad(dash + 2)}path: "${m.dir}"`,
    `${pad(dash + 2)}metadata_file: "${METADATA_FILE[m.list]}"`,
    `${pad(dash + 2)}status: "active"`,
  ];
  const title = `Register ${m.name} ${normalizeVersion(m.version) ?? m.version} in ${registry}`;
  const same = doc.artifacts.filter((a) => a.list === m.list);
  const existing = same.find((a) => a.name === m.name);
  const lastVersion = existing?.versions[existing.versions.length - 1];
  if (existing && lastVersion) {
    return [
      {
        title,
        edits: [
          {
            file: registry,
            edits: [
              {
                range: endOf(lastVersion.range),
                newText: `\n${versionLines(lastVersion.range.start.character - 2).join('\n')}`,
              },
            ],
          },
        ],
      },
    ];
  }
  const lastItem = same[same.length - 1];
  if (existing || !lastItem) return [];
  const k = lastItem.range.start.character;
  const item = [`${pad(k - 2)}- name: "${m.name}"`, `${pad(k)}versions:`, ...versionLines(k + 2)];
  return [
    { title, edits: [{ file: registry, edits: [{ range: endOf(lastItem.range), newText: `\n${item.join('\n')}` }] }] },
  ];
}
