// A project whose files need cursus (pipeline DAGs, a step pack) where neither the tree nor the Python environment the
// host found holds cursus: every check that needs its step table is off, which is said once (RL079) instead of
// silence — on the `pyproject.toml` line that depends on cursus, else on the first such file; naming the version the
// root's pin files pin, when one does (analysis/frameworkPins.ts).
import type { Pin } from '../../../python/pinFiles';
import type { Diagnostic, RelatedInfo } from '../../../types';
import { LineIndex } from '../../../text/lineIndex';
import { ZERO_RANGE } from '../../../text/ranges';
import { diag } from './codes';

/** The root's project file, where a dependency on cursus is declared. */
export const PYPROJECT = 'pyproject.toml';

/** A dependency on cursus in a `pyproject.toml`: a PEP 508 string (`"cursus==2.9.32"`) or a Poetry key (`cursus =`). */
const DEPENDENCY = /(["'])cursus(?![\w.-])[^"'\n]*\1|^[ \t]*cursus[ \t]*=/m;

// The environment searched and the pin file are related lines: the message stays short.
const message = (pin: Pin | null): string =>
  `${pin === null ? 'cursus' : `cursus ${pin.version}`} is in neither this folder nor its Python environment, so ` +
  'the checks needing its step table are off: name the environment with `--python-env` or ' +
  '`registryLens.python.environment`.';

/**
 * RL079 for the files `needing` cursus (sorted; none: nothing to say), on the dependency line of `pyproject` (the
 * root's `pyproject.toml`, undefined when absent) when it names cursus; `pin`, the version the root's pin files pin;
 * `searched`, the environment searched in words.
 */
export function frameworkAbsent(
  needing: readonly string[],
  pyproject: string | undefined,
  pin: Pin | null,
  searched: string,
): Diagnostic[] {
  const first = needing[0];
  if (first === undefined) return [];
  const m = pyproject === undefined ? null : DEPENDENCY.exec(pyproject);
  const at =
    m === null || pyproject === undefined
      ? { file: first, range: ZERO_RANGE }
      : {
          file: PYPROJECT,
          range: new LineIndex(pyproject).range(
            m.index + (m[0].length - m[0].trimStart().length),
            m.index + m[0].length,
          ),
        };
  const related: RelatedInfo[] = [
    ...(searched === '' ? [] : [{ ...at, message: searched }]),
    ...(pin === null ? [] : [{ file: pin.file, range: pin.range, message: `cursus ${pin.version} is pinned here` }]),
  ];
  return [diag(at.file, at.range, 'RL079', message(pin), { severity: 'information', related })];
}
