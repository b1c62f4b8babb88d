// What a name resolves to in a context, as tracked queries every reader shares (the discovery stages, a member's
// checks and flow edges): the context's layers in resolution order, and the winner of a name among them.
import type { Settings } from '../types';
import { QueryGroup, type Query } from '../db/database';
import { pairKey, pairOf } from '../util/pairKey';
import type { RegistryModel } from './entries/registry';
import type { StepEntry } from './entries/source';
import { sameEntry } from './entries/entry';
import { layersFor, resolveName, type ResolutionLayer } from './entries/resolve';
import { STEP_SETTINGS } from './settings';

const CORE_SCOPE = '';

export interface ResolutionInputs {
  settings(): Settings;
  readonly model: RegistryModel;
}

export class ResolutionQueries extends QueryGroup<ResolutionInputs> {
  readonly layersQ: Query<ResolutionLayer[]> = this.db.query('layers', (scope) =>
    layersFor(this.deps.model, scope === CORE_SCOPE ? null : scope, STEP_SETTINGS.of(this.deps.settings()).mode),
  );
  /** A context's layers in resolution order (core's for null). */
  layers(wsDir: string | null): ResolutionLayer[] {
    return this.layersQ(wsDir ?? CORE_SCOPE);
  }

  /**
   * The entry a name resolves to in a context, equal while that entry's text and place are: a reader
   * that resolves a few names is not re-run when another entry of the context changes.
   */
  private readonly resolvedQ: Query<StepEntry | null> = this.db.query(
    'resolved',
    (key) => {
      const [scope, name] = pairOf(key);
      return resolveName(this.layers(scope === CORE_SCOPE ? null : scope), name)?.entry ?? null;
    },
    (a, b) => a === b || (a !== null && b !== null && sameEntry(a, b)),
  );
  resolved(wsDir: string | null, name: string): StepEntry | null {
    return this.resolvedQ(pairKey(wsDir ?? CORE_SCOPE, name));
  }
}
