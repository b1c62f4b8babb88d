// RL034: where the cursus in the repository synthesizes every builder and reads no builder file
// (2.5.1 on, model/entries/rowClasses.ts), a row with no interface gets no builder at all:
// `_synthesize_builder()` returns None when `load_interface()` finds no `.step.yaml`
// (step_catalog/builder_discovery.py), so the step cannot be built. The fix writes the interface, in
// the shape of cursus's own, where cursus looks for it. One unit for core, one per workspace. A row with
// an interface is exempt only as cursus's registry-binding check B3-1 exempts it (a `Lambda` or `Base`
// row has no construction handler by design): a `Utility` interface must route like any other.
import type { Diagnostic, Fix, Settings } from '../../../types';
import type { RegistryModel } from '../../../model/entries/registry';
import { fieldStr, type StepEntry } from '../../../model/entries/source';
import { isAbstract, isComponentExempt } from '../../../model/entries/fields';
import {
  discoversBuilderFiles,
  interfaceDirs,
  rowRoutes,
  SDK_REQUIRES,
  sdkUnbound,
  synthesizedFrom,
} from '../../../model/entries/rowClasses';
import { conventionalFileName } from '../../../util/naming';
import { interfaceStub } from './stub';
import { ZERO_RANGE } from '../../../text/ranges';
import { diag } from './codes';
import { NO_BUILDER_TYPES } from '../framework';

/** RL034's why, on the builder discovery it cites: the message's first sentence stands alone without it. */
const SYNTHESIZES_ONLY =
  "this cursus synthesizes every builder from the step's interface and reads no builder file, " +
  'so the step cannot be built';

/** RL034 on the rows of a context (core: `wsDir` null). */
export function checkSynthesis(
  model: RegistryModel,
  wsDir: string | null,
  settings: Settings,
  exists: (path: string) => boolean,
): Diagnostic[] {
  if (discoversBuilderFiles(model)) return [];
  const ws = wsDir ? model.workspace(wsDir) : null;
  const rows = wsDir ? [...(ws?.local.values() ?? []), ...(ws?.overrides.values() ?? [])] : [...model.core.values()];
  return rows.flatMap((e) => checkRow(model, e, settings, exists));
}

function checkRow(
  model: RegistryModel,
  e: StepEntry,
  settings: Settings,
  exists: (path: string) => boolean,
): Diagnostic[] {
  if (e.broken || e.value.kind !== 'dict') return [];
  const iface = synthesizedFrom(model, e);
  const exempt = iface
    ? isAbstract(e, settings) || NO_BUILDER_TYPES.has(fieldStr(e, 'sagemaker_step_type') ?? '')
    : isComponentExempt(e, settings);
  if (exempt) return [];
  if (iface) {
    if (sdkUnbound(model, iface)) {
      return [
        diag(
          e.file,
          e.keyRange,
          'RL034',
          `cursus cannot synthesize a builder for '${e.name}': its ` +
            `interface requires ${SDK_REQUIRES}, and ${model.sdkBindings()?.file ?? ''} binds no SDK step class ` +
            `for it (SDK_STEP_CLASS_THUNKS), so _synthesize_builder() returns None and the step cannot be built`,
        ),
      ];
    }
    if (rowRoutes(model, e)) return [];
    const type = fieldStr(e, 'sagemaker_step_type') ?? '';
    const module = model.buildStrategies()?.file ?? 'builder_templates.py';
    // On the value to change: the type, not the step's name.
    const at = e.fields.get('sagemaker_step_type')?.value.range ?? e.keyRange;
    return [
      diag(
        e.file,
        at,
        'RL034',
        `cursus cannot synthesize a builder for '${e.name}': its ` +
          `sagemaker_step_type '${type}' routes to no build strategy (${module} registers none for it; ` +
          'resolve_handler() raises NoBuilderError), so the step cannot be built',
      ),
    ];
  }
  // An override of a step core lacks is RL004's.
  if (e.layer === 'override' && !model.core.has(e.name)) return [];
  const file = `${interfaceDirs(model, e.wsDir)[0] as string}${conventionalFileName(e.name)}.step.yaml`;
  const fix: Fix = {
    title: `Create interface ${file}`,
    preferred: true,
    edits: [],
    createFiles: [
      {
        file,
        text: interfaceStub({
          name: e.name,
          sagemakerStepType: fieldStr(e, 'sagemaker_step_type') ?? 'Processing',
          description: fieldStr(e, 'description') ?? '',
          configClass: fieldStr(e, 'config_class'),
        }),
      },
    ],
  };
  const discovery = model.builderDiscovery()?.file;
  return [
    diag(
      e.file,
      e.keyRange,
      'RL034',
      `cursus cannot synthesize a builder for '${e.name}': no interface file defines it (expected ${file})`,
      {
        fixes: exists(file) ? [] : [fix],
        related: discovery ? [{ file: discovery, range: ZERO_RANGE, message: SYNTHESIZES_ONLY }] : [],
      },
    ),
  ];
}
