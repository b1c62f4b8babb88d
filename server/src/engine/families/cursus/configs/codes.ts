// The diagnostic codes only the pipeline config family raises, each declared once with its default
// severity and title (section `<a id="rlNNN">` of docs/diagnostics.md): what the compile path's loader
// (`steps/configs/utils.py` `load_configs`, through `TypeAwareConfigSerializer`) and the config resolver
// (`step_catalog/adapters/config_resolver.py`) do with a config JSON.
import { CORE_CODES, diagnostics, type CodeTable } from '../../../codes';

export const CONFIG_CODES = {
  RL091: { severity: 'error', title: 'config class cursus cannot find' },
  RL092: { severity: 'warning', title: 'config entry the loader never reads' },
  RL093: { severity: 'error', title: 'required config field missing' },
  RL094: { severity: 'error', title: 'config value of a type its field cannot take' },
  RL095: { severity: 'warning', title: 'unknown config field close to a known one' },
  RL096: { severity: 'warning', title: "config job_type contradicting its key's suffix" },
} as const satisfies CodeTable;

export const diag = diagnostics({ ...CORE_CODES, ...CONFIG_CODES });
