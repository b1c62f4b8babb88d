// The public shape of a cross-file check: a function of what it reads through the check context. The
// engine runs each one as a tracked query, so a check needs no invalidation rule of its own — what it
// read is recorded, and it runs again exactly when one of those reads changes.
import type { Diagnostic, Settings } from '../../types';
import type { RegistryModel } from '../entries/registry';
import type { RegistrySource } from '../entries/source';
import type { MetaDoc } from '../discovery/types';
import type { ClassDef } from '../entries/registry';

/** Everything a check may read; every member is tracked. */
export interface CheckContext {
  readonly model: RegistryModel;
  settings(): Settings;
  /** The registry source of a file (null when it is not a registry). */
  source(file: string): RegistrySource | null;
  metaDoc(file: string): MetaDoc | null;
  classesOf(file: string): readonly ClassDef[];
  exists(path: string): boolean;
  /** Every companion metadata file, in path order. */
  metaFiles(): string[];
}

export interface CrossFileCheck {
  /** Unique; names the check's unit. */
  name: string;
  run(ctx: CheckContext): Diagnostic[];
}
