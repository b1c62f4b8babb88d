// The names family's one setting, declared as every family declares its settings: names that may be
// defined more than once (`registryLens.names.repeatable`; a test family, so package.json has none).
import { settingsGroup, stringList } from '../../../server/src/engine/settings';

export interface NamesSettings {
  /** Names never reported as defined twice. */
  namesRepeatable: string[];
}

export const NAMES_SETTINGS = settingsGroup<NamesSettings>({
  namesRepeatable: { key: 'names.repeatable', default: [], resolve: (raw) => stringList(raw) ?? [] },
});
