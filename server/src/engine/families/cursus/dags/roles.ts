// What a path is to the pipeline DAG family: a serialized pipeline DAG (`*.dag.json`, what
// `cursus dag validate` and `import_dag_from_json()` read) or the shared DAG catalogue's index
// (`shared_dags/catalog_index.json`, `get_catalog_index()` of `pipeline_catalog/shared_dags/__init__.py`).
import type { FamilyParts } from '../../../analysis/family';
import { contextParts } from '../../../model/parts';

/** The family's name: its index keys are read back under it. */
export const FAMILY = 'cursus-dags';

export type DagRole =
  | { family: 'cursus-dags'; role: 'dag' }
  | { family: 'cursus-dags'; role: 'catalog' }
  | { family: 'cursus-dags'; role: 'notebook' };

export const DAG_SUFFIX = '.dag.json';
const CATALOG = /^(?:.*\/)?shared_dags\/catalog_index\.json$/;

const DAG: DagRole = Object.freeze({ family: 'cursus-dags', role: 'dag' });
const CATALOG_ROLE: DagRole = Object.freeze({ family: 'cursus-dags', role: 'catalog' });
/** A Jupyter notebook, whose code cells may build a DAG (python/notebook.ts). */
const NOTEBOOK: DagRole = Object.freeze({ family: 'cursus-dags', role: 'notebook' });

export function dagClassifier(path: string): DagRole | null {
  if (path.endsWith(DAG_SUFFIX)) return DAG;
  if (path.endsWith('.ipynb')) return NOTEBOOK;
  return CATALOG.test(path) ? CATALOG_ROLE : null;
}

/** A DAG belongs to the context it lies in and reads that context's steps (and core's). */
export const dagParts: FamilyParts<DagRole> = contextParts(() => 'context');
