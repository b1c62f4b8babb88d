// Reads one `registry/registry.yaml` on its own: the document holding the artifact lists (a stamp
// block may come first), its artifacts with their versions and the ranges of every value, and what
// the file alone shows — schema violations, a second document, `artifact_summary` counts (RL040),
// the same version twice (RL001), a version directory naming another version (RL012).
import type { Diagnostic, Range } from '../../../types';
import { diag } from './codes';
import { dictEntry, type Lit } from '../../../literal';
import { readYamlDocs, type YamlDocsFrom } from '../../../yaml/splice';
import { baseName } from '../../../util/paths';
import { objectMemo } from '../../../util/memo';
import { ARTIFACT_LISTS, isArtifactList, isVersionDirName, normalizeVersion, type ArtifactList } from './kinds';
import { validateOnex } from './schemas';

export interface StrAt {
  value: string;
  range: Range;
  inner: Range;
}

export interface OnexVersion {
  version: StrAt;
  /** `1.0.0` for `v1_0_0` and `1.0.0`; null when neither. */
  norm: string | null;
  path: StrAt | null;
  metadataFile: StrAt | null;
  status: StrAt | null;
  range: Range;
}

export interface OnexArtifact {
  list: ArtifactList;
  name: string;
  nameRange: Range;
  range: Range;
  versions: OnexVersion[];
}

export interface RegistryDoc {
  file: string;
  artifacts: OnexArtifact[];
  /** The registry document's root (null when no document holds an artifact list). */
  root: Lit | null;
}

/** `previous`: the last read of this file, from which an edit is read (the result is the same). */
export function readRegistry(
  file: string,
  text: string,
  previous?: YamlDocsFrom,
): { doc: RegistryDoc; local: Diagnostic[]; read: YamlDocsFrom } {
  const docs = readYamlDocs(text, previous);
  const local: Diagnostic[] = [];
  for (const d of docs) for (const e of d.errors) local.push(diag(file, e.range, 'RL030', e.message));
  const index = docs.findIndex(
    (d) => d.value?.kind === 'dict' && d.value.entries.some((e) => e.key.kind === 'str' && isArtifactList(e.key.value)),
  );
  const chosen = index >= 0 ? docs[index] : docs.length === 1 ? docs[0] : undefined;
  const root = chosen?.value ?? null;
  if (docs.length > 1) {
    const second = docs[1]?.marker ?? docs[1]?.value?.range;
    if (second) {
      local.push(
        diag(
          file,
          second,
          'RL040',
          (
            `The registry has ${docs.length} YAML documents: the ONEX loaders read it with yaml.safe_load, ` +
            'which fails on more than one ("expected a single document"), so nothing loads. ' +
            `${index >= 0 ? `The editor reads document ${index + 1}.` : ''}`
          ).trim(),
        ),
      );
    }
  }
  const artifacts: OnexArtifact[] = [];
  if (root?.kind === 'dict') {
    for (const p of validateOnex('registry', root)) local.push(diag(file, p.range, 'RL040', p.message));
    for (const list of ARTIFACT_LISTS) {
      const items = dictEntry(root, list)?.value;
      if (items?.kind !== 'list') continue;
      for (const item of items.items) {
        const a = readArtifact(list, item);
        if (a) artifacts.push(a);
      }
    }
    local.push(...summaryProblems(file, root), ...duplicates(file, artifacts), ...dirMismatches(file, artifacts));
  } else if (root && chosen && chosen.errors.length === 0) {
    local.push(
      diag(
        file,
        root.range,
        'RL040',
        'The registry must be a mapping of artifact lists (nodes, cli_tools, runtimes, adapters, contracts, packages)',
      ),
    );
  }
  return { doc: { file, artifacts, root }, local, read: { text, docs } };
}

function str(lit: Lit | undefined): StrAt | null {
  return lit?.kind === 'str' ? { value: lit.value, range: lit.range, inner: lit.inner } : null;
}

/**
 * Artifacts read, by the list item they were read from: an item a spliced read kept (yaml/splice.ts)
 * is the same object, so its artifact is too, and what depends on that artifact alone is not re-run.
 */
const readArtifactOf = objectMemo((item: Lit, list: ArtifactList) => artifactOf(list, item));

function readArtifact(list: ArtifactList, item: Lit): OnexArtifact | null {
  return readArtifactOf(item, list);
}

function artifactOf(list: ArtifactList, item: Lit): OnexArtifact | null {
  const name = str(dictEntry(item, 'name')?.value);
  if (!name || name.value === '') return null;
  const versions: OnexVersion[] = [];
  const vs = dictEntry(item, 'versions')?.value;
  for (const v of vs?.kind === 'list' ? vs.items : []) {
    const version = str(dictEntry(v, 'version')?.value);
    if (!version) continue;
    versions.push({
      version,
      norm: normalizeVersion(version.value),
      path: str(dictEntry(v, 'path')?.value),
      metadataFile: str(dictEntry(v, 'metadata_file')?.value),
      status: str(dictEntry(v, 'status')?.value),
      range: v.range,
    });
  }
  return { list, name: name.value, nameRange: name.range, range: item.range, versions };
}

/**
 * `artifact_summary` counts items per list; a count that disagrees misinforms readers only (no loader reads it:
 * information).
 */
function summaryProblems(file: string, root: Lit): Diagnostic[] {
  const summary = dictEntry(root, 'artifact_summary')?.value;
  if (summary?.kind !== 'dict') return [];
  const out: Diagnostic[] = [];
  const counts = new Map<string, number>();
  for (const list of ARTIFACT_LISTS) {
    const items = dictEntry(root, list)?.value;
    counts.set(list, items?.kind === 'list' ? items.items.length : 0);
  }
  counts.set(
    'total_artifacts',
    [...counts.values()].reduce((a, b) => a + b, 0),
  );
  for (const [key, want] of counts) {
    const e = dictEntry(summary, key);
    if (e?.value.kind !== 'num' || e.value.value === want) continue;
    const what = key === 'total_artifacts' ? 'artifacts are listed in all' : `items are listed in \`${key}\``;
    out.push(
      diag(
        file,
        e.value.range,
        'RL040',
        `artifact_summary.${key} is ${e.value.value}, but ${want} ` +
          `${what}; no loader reads the summary, so it only misinforms readers`,
        {
          severity: 'information',
          fixes: [
            {
              title: `Set artifact_summary.${key} to ${want}`,
              edits: [{ file, edits: [{ range: e.value.range, newText: String(want) }] }],
              preferred: true,
            },
          ],
        },
      ),
    );
  }
  return out;
}

/** The same version twice in one item, or one name twice in one list: the loaders keep both. */
function duplicates(file: string, artifacts: OnexArtifact[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Map<string, OnexArtifact>();
  for (const a of artifacts) {
    const key = `${a.list}/${a.name}`;
    const first = names.get(key);
    if (first)
      out.push(
        diag(file, a.nameRange, 'RL001', `'${a.name}' is listed twice in ${a.list}; the loaders keep both items`, {
          related: [{ file, range: first.nameRange, message: 'first listed here' }],
        }),
      );
    else names.set(key, a);
    const seen = new Map<string, OnexVersion>();
    for (const v of a.versions) {
      if (!v.norm) continue;
      const prev = seen.get(v.norm);
      if (prev) {
        const same =
          prev.version.value === v.version.value
            ? ''
            : ` ('${prev.version.value}' and '${v.version.value}' are one version)`;
        out.push(
          diag(
            file,
            v.version.range,
            'RL001',
            `Version ${v.norm} of '${a.name}' is registered twice${same}; the loaders keep both entries`,
            { related: [{ file, range: prev.version.range, message: 'first registered here' }] },
          ),
        );
      } else {
        seen.set(v.norm, v);
      }
    }
  }
  return out;
}

/** A `vX_Y_Z` directory whose version differs from the entry's: no loader compares them (information). */
function dirMismatches(file: string, artifacts: OnexArtifact[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of artifacts) {
    for (const v of a.versions) {
      const dir = v.path ? baseName(v.path.value.replace(/(?<!\/)\/+$/, '')) : '';
      if (!v.path || !v.norm || !isVersionDirName(dir) || normalizeVersion(dir) === v.norm) continue;
      out.push(
        diag(
          file,
          v.path.range,
          'RL012',
          `The version directory '${dir}' is version ` +
            `${normalizeVersion(dir)}, but this entry registers ${v.version.value} (no loader compares them)`,
          {
            severity: 'information',
            related: [{ file, range: v.version.range, message: 'the registered version' }],
          },
        ),
      );
    }
  }
  return out;
}
