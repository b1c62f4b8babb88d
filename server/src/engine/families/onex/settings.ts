// The ONEX family's settings: version pins for `explain NAME@pinned`.
import { record, settingsGroup } from '../../settings';

export interface OnexSettings {
  /** Artifact name → pinned version (`1.0.0` or `v1_0_0`). */
  onexPins: Record<string, string>;
}

export const ONEX_SETTINGS = settingsGroup<OnexSettings>({
  onexPins: {
    key: 'onex.pins', default: {},
    resolve: (raw) => Object.fromEntries(Object.entries(record(raw)).filter((e): e is [string, string] => typeof e[1] === 'string')),
  },
});
