// What Registry Lens knows of cursus itself, each fact with the upstream line it is compiled from: the DAG format's
// versions, the step types the builders and the alignment validator treat apart, the legacy names. Facts a repository's
// own cursus gives (its strategies, aliases, SDK bindings) are read from it (registries/); these are the fallbacks and
// the rest. The one place per framework where facts read from an installed cursus will come in.

/** `_SUPPORTED_MAJOR_VERSIONS` of `pipeline_dag_serializer.py` (line 21). */
export const SUPPORTED_MAJOR = new Set(['1']);
/**
 * The types B3-1 skips (`validation/alignment/validators/registry_binding_validator.py:106-110`); for any
 * other it reports "No construction handler for X (type/assembly)" when `resolve_handler()` raises.
 */
export const NO_BUILDER_TYPES: ReadonlySet<string> = new Set(['Lambda', 'Base']);
/** SageMaker step types whose builder delegates to an SDK step that runs its own code (`SDKDelegationHandler`). */
export const SDK_DELEGATION_TYPES = new Set([
  'CradleDataLoading',
  'RedshiftDataLoading',
  'MimsModelRegistrationProcessing',
]);
/** cursus 2.9.32's `LEGACY_ALIASES` keys (`step_catalog/step_catalog.py:87-93`): the fallback without that file. */
export const FALLBACK_ALIASES: ReadonlySet<string> = new Set([
  'MIMSPackaging',
  'MIMSPayload',
  'ModelRegistration',
  'PytorchTraining',
  'PytorchModel',
]);
