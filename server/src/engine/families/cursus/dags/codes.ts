// The diagnostic codes only the pipeline DAG family raises, each declared once with its default
// severity and title (section `<a id="rlNNN">` of docs/diagnostics.md): what `cursus dag validate`
// (`cli/dag_cli.py`, `api/dag/pipeline_dag_resolver.py` `validate_dag_integrity()`) and the shared DAG
// catalogue (`pipeline_catalog/shared_dags/__init__.py`) report, and what the compiler's config resolver
// makes of a DAG's nodes in its config (`core/compiler/dag_compiler.py` `validate_dag_compatibility()`).
import { CORE_CODES, diagnostics, type CodeTable } from '../../../codes';

export const DAG_CODES = {
  RL035: { severity: 'error', title: 'DAG file cursus cannot read' },
  RL036: { severity: 'error', title: 'cycle in a pipeline DAG' },
  RL037: { severity: 'error', title: 'DAG edge endpoint not declared as a node' },
  RL038: { severity: 'warning', title: 'isolated DAG node' },
  RL039: { severity: 'error', title: 'DAG node resolves to no step' },
  RL060: { severity: 'error', title: 'DAG step missing a builder, contract or spec' },
  RL061: { severity: 'error', title: 'catalog index entry cursus cannot load' },
  RL062: { severity: 'warning', title: 'catalog index entry shadowed by an earlier id' },
  RL079: { severity: 'information', title: 'cursus found neither in the folder nor in its environment' },
  RL083: { severity: 'information', title: 'pipeline DAG built from values only running the code tells' },
  RL084: { severity: 'error', title: 'shared DAG id not in the catalog index' },
  RL097: { severity: 'error', title: 'DAG node resolves to no config of its pipeline config' },
  RL098: { severity: 'warning', title: 'DAG node bound to a config by a guess, not by its key' },
  RL099: { severity: 'error', title: 'DAG nodes whose configs generate the same step name' },
  RL100: { severity: 'error', title: 'DAG node whose config class no registry step names' },
} as const satisfies CodeTable;

export const diag = diagnostics({ ...CORE_CODES, ...DAG_CODES });
