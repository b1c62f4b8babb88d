// apcore's extension roots (stage 1 of discovery, SPEC §1.6): where a root is declared, the active roots with
// their namespaces, and a scanned module with the root it was found under (the step model reads it without).
import type { Range } from '../../types';
import type { ScannedModule } from '../../model/discovery/types';

/** Where an extension root comes from: a setting, or a node of `apcore.yaml`. */
export interface RootDecl {
  /** Root-relative directory without a trailing slash. */
  path: string;
  /** The configured namespace (`''` when given empty: apcore then uses the directory name); null when none is given. */
  namespace: string | null;
  origin: { file: string; range: Range; nsRange: Range | null } | null;
}

/** An active extension root (stage 1) with the namespace its ids get when there are several roots. */
export interface ApRoot {
  path: string;
  namespace: string;
  decl: RootDecl;
}

/** A module file found by the scan, with the root it lies under. */
export interface ApModule extends ScannedModule {
  root: ApRoot;
}
