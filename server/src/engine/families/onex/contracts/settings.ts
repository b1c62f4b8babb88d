// The settings of ONEX node contracts: which validators the repository runs (validators.ts), null to
// take those its own pre-commit configuration and CI workflows name.
import { settingsGroup, stringList } from '../../../settings';
import { isValidatorId, type ValidatorId } from './validators';

export interface OnexContractSettings {
  onexValidators: readonly ValidatorId[] | null;
}

export const ONEX_CONTRACT_SETTINGS = settingsGroup<OnexContractSettings>({
  onexValidators: {
    key: 'onexContracts.validators',
    default: null,
    resolve: (raw) => {
      const l = stringList(raw);
      return l ? l.filter(isValidatorId) : null;
    },
  },
});
