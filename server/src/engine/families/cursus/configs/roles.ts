// What a path is to the pipeline config family: a config JSON of a cursus pipeline project, a `*.json`
// directly inside its `pipeline_config/` or `pipeline_configs/` folder, where `cursus projects list`
// finds them (`core/utils/project_discovery.py` `_CONFIG_DIR_NAMES`, line 41, and `config_dir.glob("*.json")`,
// line 178).
import type { FamilyParts } from '../../../analysis/family';
import { contextParts } from '../../../model/parts';

/** The family's name: its index keys are read back under it. */
export const FAMILY = 'cursus-configs';

export type ConfigRole = { family: 'cursus-configs'; role: 'config' };

export const CONFIG_DIRS = ['pipeline_config', 'pipeline_configs'] as const;
const CONFIG = /^(?:.*\/)?pipeline_configs?\/[^/]+\.json$/;

const ROLE: ConfigRole = Object.freeze({ family: 'cursus-configs', role: 'config' });

export function configClassifier(path: string): ConfigRole | null {
  return CONFIG.test(path) ? ROLE : null;
}

/** A config belongs to the context it lies in and reads that context's steps (and core's). */
export const configParts: FamilyParts<ConfigRole> = contextParts(() => 'context');
