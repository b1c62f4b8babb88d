// apcore's rules of discovery stages 3–8 (docs/pipeline.md), as its SDKs apply them: what the step model asks of the
// member that scans modules (member.ts `DiscoveryRules`), so the model runs the stages without naming apcore.
import type { DiscoveryRules } from '../../../model/member';
import { loadMeta } from './metadata';
import { checkMetaEntryPoint, detectEntryClass } from './entryPoint';
import { pythonExampleProblems, validateModule } from './validate';
import { DEFAULT_VERSION, resolveDep, resolveDeps } from './dependencies';
import { META_SCHEMA, schemaAt } from './metaSchema';
import { cycleDiagnostics } from './cycles';
import { mergedModule } from './explainMerge';

export const APCORE_DISCOVERY: DiscoveryRules = {
  readMeta: loadMeta,
  checkEntryPoint: checkMetaEntryPoint,
  detectEntryClass,
  validate: validateModule,
  exampleProblems: pythonExampleProblems,
  resolveDeps,
  resolveDep,
  defaultVersion: DEFAULT_VERSION,
  metaSchema: META_SCHEMA,
  metaSchemaAt: schemaAt,
  cycleDiagnostics,
  registered: mergedModule,
};
