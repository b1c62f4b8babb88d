// What `check` reports from an analysed engine, whether the engine was loaded for this run or is kept by the root's
// daemon: the whole root's diagnostics, or those of `--files` (and what they cause elsewhere, or with `--base` what
// their change brings there).
import type { Summary } from '../engine/api';
import type { RegistryEngine } from '../engine/engine';
import { countsOf } from '../engine/documents/checkFilter';
import type { CheckResult } from '../host/checkCache';

export interface CheckAnswer {
  result: CheckResult;
  /** Nothing to check: no registry and no diagnostic (said on stderr, exit code 3). */
  empty: boolean;
}

/** `base`: the files' texts at `--base REV` (null: before the first commit; undefined: no `--base`). */
export function checkAnswer(
  engine: RegistryEngine,
  files: readonly string[] | undefined,
  base: ReadonlyMap<string, string | null> | null | undefined,
): CheckAnswer {
  const empty = engine.summary().sources === 0 && engine.allDiagnostics().length === 0;
  const diagnostics =
    files === undefined
      ? engine.allDiagnostics()
      : base !== null && base !== undefined
        ? engine.diagnosticsNewSince(files, base)
        : engine.diagnosticsCausedBy(files);
  const summary: Summary = files ? { ...engine.summary(), ...countsOf(diagnostics) } : engine.summary();
  const registryFilesRead = engine.registryFilesRead();
  const frameworkPins = engine.frameworkPins();
  const frameworksInUse = engine.frameworksInUse();
  return {
    result: {
      diagnostics,
      summary,
      registryGlobs: engine.registryGlobs(),
      registryFilesRead,
      frameworkPins,
      frameworksInUse,
    },
    empty,
  };
}
