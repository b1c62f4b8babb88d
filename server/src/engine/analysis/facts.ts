// What one file says on its own: the neutral record every family's reader fills. The typed slots are
// read by the shared model and the discovery pipeline; a family with facts of its own keeps them in
// `payload` and reads them back through its own code.
import type { Diagnostic } from '../types';
import type { RegistrySource } from '../model/source';
import type { ModuleClass } from '../python/facts';
import type { MetaDoc } from '../pipeline/types';
import type { ApcoreConfig } from '../pipeline/apcoreConfig';
import type { IdMapDoc } from '../pipeline/idMap';

/** A path's part in one registry family: `role` is the family's own vocabulary; the rest is its payload. */
export interface FamilyRole { family: string; role: string }

export interface Applied {
  role: FamilyRole | null;
  /** A registry file's entries (cursus). */
  source: RegistrySource | null;
  /** Classes of a Python code file (a cursus component, an apcore module, a subject): what entry-point detection needs, and the class index's entries. */
  py: ModuleClass[] | null;
  meta: MetaDoc | null;
  apcore: ApcoreConfig | null;
  idMap: IdMapDoc | null;
  /** A family's own facts. */
  payload: unknown;
  /** Diagnostics of the file alone (syntax, fields, schema, skipped). */
  local: Diagnostic[];
}

/** One empty list for every file without local diagnostics (33,000 files of a large org had one each). */
const NONE: never[] = Object.freeze([]) as never[];

export function emptyFacts(role: FamilyRole | null): Applied {
  return { role, source: null, py: null, meta: null, apcore: null, idMap: null, payload: null, local: NONE };
}
