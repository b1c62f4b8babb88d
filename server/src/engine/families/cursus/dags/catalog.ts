// The shared DAG catalogue's index (`shared_dags/catalog_index.json`) as cursus reads it
// (`pipeline_catalog/shared_dags/__init__.py`): `get_catalog_index()` is `json.load`, and
// `load_shared_dag(dag_id)` takes the first entry of `index["dags"]` whose `id` matches (line 50,
// `d["id"]` of every entry before it) and loads `SHARED_DAGS_DIR / entry["path"]` (line 55). An entry
// without `id` or `path`, or whose file is missing, fails that load (RL061); a later entry repeating an
// id is never reached (RL062).
import type { Diagnostic, Range } from '../../../types';
import type { Lit } from '../../../literal';
import { lastValue, readJson } from '../json';
import { dirOf, joinRel } from '../../../util/paths';
import { diag } from './codes';

interface Field {
  value: string;
  range: Range;
  inner: Range;
}
export interface CatalogEntry {
  range: Range;
  id: Field | null;
  path: Field | null;
}
export interface CatalogDoc {
  entries: CatalogEntry[];
}

export function readCatalog(file: string, text: string): { doc: CatalogDoc | null; local: Diagnostic[] } {
  const broken = (range: Range, why: string): { doc: null; local: Diagnostic[] } => ({
    doc: null,
    local: [diag(file, range, 'RL061', `${why}: get_catalog_index() fails, so no shared DAG loads`)],
  });
  const json = readJson(text);
  if (json.error) return broken(json.error.range, `The catalog index is not valid JSON (${json.error.message})`);
  const root = json.root;
  const dags = root?.kind === 'dict' ? lastValue(root, 'dags') : undefined;
  if (dags?.kind !== 'list') return broken(dags?.range ?? START, "The catalog index has no list 'dags'");
  const entries = dags.items.map((item): CatalogEntry => {
    if (item.kind !== 'dict') return { range: item.range, id: null, path: null };
    return { range: item.range, id: field(lastValue(item, 'id')), path: field(lastValue(item, 'path')) };
  });
  return { doc: { entries }, local: [] };
}

/** RL061 and RL062 of an index whose files are known to `exists`. */
export function checkCatalog(file: string, doc: CatalogDoc, exists: (p: string) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Field>();
  for (const e of doc.entries) {
    if (!e.id || !e.path) {
      const key = !e.id ? 'id' : 'path';
      const message = `This entry has no string '${key}': load_shared_dag() raises KeyError on it`;
      out.push(
        diag(
          file,
          e.id?.range ?? e.range,
          'RL061',
          message + (key === 'id' ? ' while looking up any id after it' : ''),
        ),
      );
      if (!e.id) continue;
    }
    const seen = first.get(e.id.value);
    if (seen) {
      const message = `DAG id '${e.id.value}' is listed earlier: load_shared_dag() returns the first entry`;
      out.push(
        diag(file, e.id.range, 'RL062', `${message}, so this one is never loaded`, {
          related: [{ file, range: seen.range, message: 'the entry load_shared_dag() takes' }],
        }),
      );
      continue;
    }
    first.set(e.id.value, e.id);
    if (!e.path) continue;
    const target = joinRel(dirOf(file), e.path.value);
    if (target !== null && !exists(target)) {
      const message = `No DAG file ${e.path.value} beside the index`;
      const raises = `load_shared_dag('${e.id.value}') raises FileNotFoundError`;
      out.push(diag(file, e.path.range, 'RL061', `${message}: ${raises}`));
    }
  }
  return out;
}

/** The file an entry's `path` names (null when it leaves the root). */
export function entryTarget(file: string, e: CatalogEntry): string | null {
  return e.path ? joinRel(dirOf(file), e.path.value) : null;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function field(v: Lit | undefined): Field | null {
  return v?.kind === 'str' ? { value: v.value, range: v.range, inner: v.inner } : null;
}
