// The ONEX family's settings: version pins for `explain NAME@pinned`, a map from names (an artifact
// named `constructor` has no pin unless the user gives it one).
import { record, settingsGroup } from '../../../settings';

export interface OnexSettings {
  /** Artifact name → pinned version (`1.0.0` or `v1_0_0`). */
  onexPins: ReadonlyMap<string, string>;
}

export const ONEX_SETTINGS = settingsGroup<OnexSettings>({
  onexPins: {
    key: 'onex.pins',
    default: {},
    resolve: (raw) =>
      new Map(Object.entries(record(raw)).filter((e): e is [string, string] => typeof e[1] === 'string')),
  },
});
