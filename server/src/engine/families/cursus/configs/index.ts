// The pipeline config family (cursus): a project's config JSONs (`pipeline_config/*.json`), as the compile
// path loads them (`steps/configs/utils.py` `load_configs`) and the config resolver reads their
// `metadata.config_types`. A file's own diagnostics are what it says alone (RL092, RL096); its unit checks
// each entry against the config classes read statically from the tree (RL091, RL093-RL095), only where
// the tree holds cursus's registry: a project using an installed cursus has its classes outside the tree.
// A config is checked from its path alone: which DAG or pipeline uses it is not needed.
import type { Family } from '../../../analysis/family';
import type { FileQueries } from '../../../analysis/files';
import { stepQueries } from '../../../model/queries';
import { FAMILY, CONFIG_DIRS, configClassifier, configParts, type ConfigRole } from './roles';
import { CONFIG_CODES } from './codes';
import { readConfig, type ConfigDoc } from '../pipelineConfig/read';
import { checkClasses, checkStructure } from './checks';
import { configCompletion, configDefinition, configHover } from './editing';

interface ConfigFacts {
  doc: ConfigDoc | null;
}

export const cursusConfigs: Family<ConfigRole, ConfigFacts> = {
  name: FAMILY,
  codes: CONFIG_CODES,
  examples: [{ dir: 'pipeline-config' }],
  // JSON documents only in a project's config folders: the open config's unsaved text gets hover and completion
  paths: {
    names: CONFIG_DIRS.map((d) => `${d}/*.json`),
    markers: CONFIG_DIRS.map((d) => `**/${d}/*.json`),
    documents: CONFIG_DIRS.map((d) => ({ language: 'json', pattern: `**/${d}/*.json` })),
  },
  classifier: () => configClassifier,
  parts: configParts,
  indexKey: (role) => role.role,
  read(path, _role, text) {
    const doc = readConfig(text);
    return { facts: { doc }, local: doc ? checkStructure(path, doc) : [] };
  },
  unitKeys: (q) => q.files.filesOf(FAMILY, 'config'),
  unit(file, q) {
    const doc = facts(q.files, file);
    const { model } = stepQueries(q.files);
    if (!doc || model.coreFile() === null) return [];
    return checkClasses(file, doc, model, (f) => q.files.textOf(f));
  },
  features: {
    hover(file, pos, q) {
      const doc = facts(q.files, file);
      return doc ? configHover(doc, stepQueries(q.files).model, pos) : null;
    },
    definition(file, pos, q) {
      const doc = facts(q.files, file);
      return doc ? configDefinition(doc, stepQueries(q.files).model, pos) : [];
    },
    completion(file, pos, q) {
      const text = q.files.textOf(file);
      if (text === undefined) return null;
      return configCompletion(text, pos, stepQueries(q.files).model, (f) => q.files.textOf(f));
    },
  },
};

function facts(files: FileQueries, file: string): ConfigDoc | null {
  return files.appliedBy(cursusConfigs, file)?.facts?.doc ?? null;
}
