// Which Python texts are read for pipeline DAGs, and the read: a module that names neither
// `PipelineDAG` nor `load_shared_dag` is not parsed (a plain substring search, linear in the text).
import { withPythonTree } from '../../../../python/parser';
import { crOf } from '../../../../python/facts';
import { normalizeLoneCr } from '../../../../text/lineIndex';
import { readPyDags, type PyDagsDoc } from './build';

/** Whether a text may build or load a pipeline DAG (the cheap test before any parse). */
export function mayBuildDags(text: string): boolean {
  return text.includes('PipelineDAG') || text.includes('load_shared_dag');
}

/** The DAGs a module builds and the shared DAGs it loads; null when it names neither or is too long to parse. */
export function readModuleDags(rawText: string): PyDagsDoc | null {
  if (!mayBuildDags(rawText)) return null;
  const text = normalizeLoneCr(rawText);
  return withPythonTree(
    text,
    (tree) => readPyDags(tree.rootNode, crOf(text)),
    () => null,
  );
}
