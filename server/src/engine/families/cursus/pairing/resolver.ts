// Which config of a pipeline's config JSON each DAG node is bound to, as cursus's compiler binds it
// (`step_catalog/adapters/config_resolver.py` `_resolve_single_node()`, lines 596-643): a direct match
// first (`_direct_name_matching()`, 201-275: the exact key, a key differing only in case, the one config
// of the node's step type), else the best scored candidate of the job-type (277-351), semantic (381-438)
// and pattern (440-483) matches, the first of the highest confidence; below 0.7 cursus only logs a
// warning. The `metadata.config_types` tier (218-239) is left out: the configs are keyed by those same
// names, so a node it names is an exact key already.
import { sequenceRatio } from '../../../util/sequenceRatio';

/** A config as the resolver sees it: its key, class, step type and `job_type` (undefined: no such attribute). */
export interface ConfigInstance {
  key: string;
  cls: string;
  stepType: string;
  jobType: string | null | undefined;
}

export type Method =
  'exact key' | 'key in another case' | 'only config of its step' | 'job_type' | 'semantic' | 'pattern';

export interface Resolution {
  config: ConfigInstance;
  confidence: number;
  method: Method;
}

/** `confidence_threshold` of `StepConfigResolverAdapter` (line 69): a guess below it is logged as low-confidence. */
export const THRESHOLD = 0.7;

const JOB_TYPE_KEYWORDS: readonly (readonly [string, readonly string[]])[] = [
  ['training', ['training', 'train']],
  ['calibration', ['calibration', 'calib']],
  ['evaluation', ['evaluation', 'eval', 'test']],
  ['inference', ['inference', 'infer', 'predict']],
];

const STEP_TYPE_PATTERNS: readonly (readonly [string, readonly string[]])[] = [
  ['data_load', ['CradleDataLoading']],
  ['preprocess', ['TabularPreprocessing']],
  ['train', ['XGBoostTraining', 'PyTorchTraining', 'DummyTraining']],
  ['eval', ['XGBoostModelEval']],
  ['model', ['XGBoostModel', 'PyTorchModel']],
  ['calibrat', ['ModelCalibration']],
  ['packag', ['MIMSPackaging']],
  ['payload', ['MIMSPayload']],
  ['regist', ['ModelRegistration']],
  ['transform', ['BatchTransform']],
  ['currency', ['CurrencyConversion']],
  ['risk', ['RiskTableMapping']],
  ['hyperparam', ['HyperparameterPrep']],
];

const SEMANTIC_MAP: readonly (readonly string[])[] = [
  ['loading', 'load', 'cradle'],
  ['preprocessing', 'tabular'],
  ['training', 'xgboost', 'pytorch'],
  ['evaluation', 'eval', 'test'],
  ['transformation', 'batch'],
];

/** `canonical_key()` of `step_catalog/naming.py`. */
const canonical = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const anyIn = (words: readonly string[], s: string): boolean => words.some((w) => s.includes(w));
/** The class name less every `config` and `step` (`.replace("config", "").replace("step", "")`). */
const classBase = (cls: string): string => cls.toLowerCase().replaceAll('config', '').replaceAll('step', '');

/**
 * The config `node` is bound to, or null where cursus raises (`No configuration found for node`).
 * `baseStep`: `resolve_base_step_name()` over the catalog's steps.
 */
export function resolveNode(
  node: string,
  configs: readonly ConfigInstance[],
  baseStep: (name: string) => string | null,
): Resolution | null {
  const direct = directMatch(node, configs, baseStep);
  if (direct) return direct;
  const all = [
    ...jobTypeMatches(node, configs),
    ...semanticMatches(node, configs, baseStep),
    ...patternMatches(node, configs),
  ];
  let best: Resolution | null = null;
  for (const m of all) if (!best || m.confidence > best.confidence) best = m;
  return best;
}

function directMatch(
  node: string,
  configs: readonly ConfigInstance[],
  baseStep: (n: string) => string | null,
): Resolution | null {
  const hit = (config: ConfigInstance, method: Method): Resolution => ({ config, confidence: 1, method });
  const exact = configs.find((c) => c.key === node);
  if (exact) return hit(exact, 'exact key');
  const lower = node.toLowerCase();
  const cased = configs.find((c) => c.key.toLowerCase() === lower);
  if (cased) return hit(cased, 'key in another case');
  // `split_job_type_suffix()`: a node that is a step name itself (or names no step) has no suffix
  const base = baseStep(node);
  if (base !== null && canonical(base) !== canonical(node)) return null;
  const key = canonical(node);
  const same = configs.filter((c) => c.key !== node && c.stepType && canonical(c.stepType) === key);
  return same.length === 1 ? hit(same[0] as ConfigInstance, 'only config of its step') : null;
}

function jobTypeMatches(node: string, configs: readonly ConfigInstance[]): Resolution[] {
  const lower = node.toLowerCase();
  const detected = JOB_TYPE_KEYWORDS.find(([, words]) => anyIn(words, lower));
  if (!detected) return [];
  const cut = node.lastIndexOf('_');
  const nodeType = cut < 0 ? null : node.slice(0, cut).toLowerCase();
  const out: Resolution[] = [];
  for (const c of configs) {
    if (c.jobType === undefined || !anyIn(detected[1], (c.jobType ?? '').toLowerCase())) continue;
    const base = classBase(c.cls);
    if (nodeType && base && !base.includes(nodeType) && !nodeType.includes(base)) continue;
    out.push({ config: c, confidence: 0.7 + typeConfidence(lower, base) * 0.3, method: 'job_type' });
  }
  return out;
}

/** `_calculate_config_type_confidence()` (353-379). */
function typeConfidence(node: string, base: string): number {
  if (node.includes(base) || base.split('_').some((p) => node.includes(p))) return 0.8;
  return sequenceRatio(node, base);
}

function semanticMatches(
  node: string,
  configs: readonly ConfigInstance[],
  baseStep: (n: string) => string | null,
): Resolution[] {
  const lower = node.toLowerCase();
  const nodeType = (baseStep(node) ?? node).toLowerCase();
  return configs
    .filter((c) => SEMANTIC_MAP.some((words) => anyIn(words, lower) && anyIn(words, c.key.toLowerCase())))
    .filter((c) => c.stepType !== '' && c.stepType.toLowerCase() === nodeType)
    .map((config) => ({ config, confidence: 0.7, method: 'semantic' }));
}

function patternMatches(node: string, configs: readonly ConfigInstance[]): Resolution[] {
  // `re.match(".*x.*", node)`: `.` stops at a line break, so `x` must be on the first line
  const lower = node.toLowerCase().split('\n')[0] ?? '';
  const types = new Set(STEP_TYPE_PATTERNS.flatMap(([x, steps]) => (lower.includes(x) ? steps : [])));
  if (types.size === 0) return [];
  return configs
    .filter((c) => types.has(c.stepType))
    .map((config) => {
      const boost = config.jobType === undefined ? 0 : jobTypeBoost(node.toLowerCase(), config.jobType);
      return { config, confidence: Math.min(0.6 + boost * 0.2, 0.9), method: 'pattern' };
    });
}

/** `_calculate_job_type_boost()` (560-594). */
function jobTypeBoost(node: string, jobType: string | null): number {
  const job = (jobType ?? '').toLowerCase();
  return JOB_TYPE_KEYWORDS.some(([, words]) => anyIn(words, job) && anyIn(words, node)) ? 1 : 0;
}

/** The step name a config generates (`_raise_on_duplicate_step_names()`, 163-199): its step type, then `-Job_type`. */
export function generatedStepName(c: ConfigInstance): string {
  const job = c.jobType ?? '';
  return job ? `${c.stepType}-${job.slice(0, 1).toUpperCase()}${job.slice(1).toLowerCase()}` : c.stepType;
}

/**
 * `_config_class_to_step_type()` (485-540): the catalog step whose `config_class` is the class, or whose
 * `builder_step_name` + `Config` is; else the class less `Config` and `Step`, with two legacy names.
 */
export function stepTypeOf(
  cls: string,
  steps: readonly { name: string; configClass: string | null; builderStepName: string | null }[],
): string {
  for (const s of steps) {
    if (s.configClass === cls) return s.name;
    if (s.builderStepName && `${s.builderStepName}Config` === cls) return s.builderStepName;
  }
  let t = cls.endsWith('Config') ? cls.slice(0, -6) : cls;
  if (t.endsWith('Step')) t = t.slice(0, -4);
  if (t === 'CradleDataLoad') return 'CradleDataLoading';
  if (t === 'PackageStep' || t === 'Package') return 'MIMSPackaging';
  return t;
}
