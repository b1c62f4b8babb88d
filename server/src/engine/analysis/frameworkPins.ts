// Which version of each framework the analysis assumes, said where it comes from: a framework the host found
// installed in the project's Python environment is that version (`installedInput`); else the version the project's
// pin files at the root pin (python/pinFiles.ts: a lock before a requirements file before pyproject.toml); else the
// version whose rules a family compiled in (`Family.framework`). When a pin names a version those rules do not cover
// — another major.minor, the level at which these frameworks' tables and behaviours change — and nothing installed
// says otherwise, the pin's line gets one information diagnostic (RL080) naming the version the checks assume.
import type { Diagnostic } from '../types';
import { diag } from '../codes';
import { perDatabase, type Query } from '../db/database';
import { isPinFile, pinFileRank, readPins, type Pin } from '../python/pinFiles';
import { sameJson } from '../util/equality';
import type { Family, FrameworkVersion, UnitCheck } from './family';
import type { FileQueries } from './files';

const NONE = '';

interface PinQueries {
  /** One pin file's pins (tracked by its text). */
  readonly of: Query<readonly Pin[]>;
  /** The pin believed for each name: the first by pin file rank (then path). */
  readonly all: Query<readonly Pin[]>;
}

const group = perDatabase<PinQueries>();

function pinQueries(files: FileQueries): PinQueries {
  return group(files.db, () => {
    const of = files.db.query<readonly Pin[]>(
      'pinsOf',
      (file) => {
        const text = files.textOf(file);
        return text === undefined ? [] : readPins(file, text);
      },
      sameJson,
    );
    const all = files.db.query<readonly Pin[]>(
      'pins',
      () => {
        const pinFiles = files.dirFilesInput
          .get(NONE)
          .filter(isPinFile)
          .sort((a, b) => pinFileRank(a) - pinFileRank(b) || (a < b ? -1 : a > b ? 1 : 0));
        const first = new Map<string, Pin>();
        for (const f of pinFiles) for (const p of of(f)) if (!first.has(p.name)) first.set(p.name, p);
        return [...first.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      },
      sameJson,
    );
    return { of, all };
  });
}

/** The pin the root's pin files give `name` (import-style: `omnibase_core`), null when none pins it. */
export function pinOf(files: FileQueries, name: string): Pin | null {
  return (
    pinQueries(files)
      .all(NONE)
      .find((p) => p.name === name) ?? null
  );
}

/** Every name the root's pin files pin, with the pin believed. */
export function frameworkPins(files: FileQueries): readonly Pin[] {
  return pinQueries(files).all(NONE);
}

/** The version of a framework the analysis judges by, and where it came from. */
export interface AssumedFramework {
  /** The project's version: installed, else pinned, else the built-in one. */
  readonly version: string;
  readonly source: 'environment' | 'lock' | 'built-in';
  /** The pin it came from (source `lock`). */
  readonly pin: Pin | null;
  /** The version whose rules the family compiled in. */
  readonly builtIn: string;
}

/**
 * The version of `builtIn`'s framework (import-style: `apcore`) the project has: the one installed in its Python
 * environment (as the host said: `installedInput`), else the one its pin files pin, else `builtIn`'s, the version the
 * family's rules compile in. Rules that differ between versions follow it; read inside a query, it tracks the
 * installed list and the pin files.
 */
export function assumedFramework(files: FileQueries, builtIn: FrameworkVersion): AssumedFramework {
  const installed = files.installedInput.get(NONE).find((f) => f.name === builtIn.name);
  if (installed !== undefined)
    return { version: installed.version, source: 'environment', pin: null, builtIn: builtIn.version };
  const pin = pinOf(files, builtIn.name);
  if (pin !== null) return { version: pin.version, source: 'lock', pin, builtIn: builtIn.version };
  return { version: builtIn.version, source: 'built-in', pin: null, builtIn: builtIn.version };
}

/**
 * Whether `version` is a release before `release` (both `major.minor.patch`, missing parts 0; a pre-release or local
 * suffix is ignored); false when `version` is not of that shape, so an unreadable version gets the built-in rules.
 */
export function releasedBefore(version: string, release: string): boolean {
  const parts = (v: string): number[] | null => {
    const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v.trim());
    return m ? [m[1], m[2], m[3]].map((x) => Number(x ?? '0')) : null;
  };
  const a = parts(version);
  const b = parts(release);
  if (a === null || b === null) return false;
  for (let i = 0; i < 3; i++) if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  return false;
}

/** The frameworks whose rules the families compiled in, once each. */
export function builtInFrameworks(families: readonly Family[]): FrameworkVersion[] {
  const out = new Map<string, FrameworkVersion>();
  for (const f of families) if (f.framework && !out.has(f.framework.name)) out.set(f.framework.name, f.framework);
  return [...out.values()];
}

/**
 * Whether rules compiled from `builtIn` cover `pinned`: the same major and minor version (`0.46.8` covers `0.46.2`
 * and `0.46.30`, not `0.47.0`). A version not of that shape is not covered.
 */
function covers(builtIn: string, pinned: string): boolean {
  const mm = (v: string): string | null => /^v?(\d+)\.(\d+)(?!\d)/.exec(v.trim())?.slice(1, 3).join('.') ?? null;
  const a = mm(builtIn);
  return a !== null && a === mm(pinned);
}

/**
 * RL080: the pins of the frameworks `families` compiled in that no environment installs, whose version the built-in
 * rules do not cover.
 */
export function pinCheck(families: readonly Family[]): UnitCheck {
  const builtIn = builtInFrameworks(families);
  const follows = new Map<string, readonly string[]>();
  for (const f of families) if (f.framework && f.followsVersion) follows.set(f.framework.name, f.followsVersion);
  return { name: 'framework-pins', run: (q) => uncovered(q.files, builtIn, follows) };
}

function uncovered(
  files: FileQueries,
  builtIn: readonly FrameworkVersion[],
  follows: ReadonlyMap<string, readonly string[]>,
): Diagnostic[] {
  const installed = new Set(files.installedInput.get(NONE).map((f) => f.name));
  const out: Diagnostic[] = [];
  for (const b of builtIn) {
    const pin = installed.has(b.name) ? null : pinOf(files, b.name);
    if (pin === null || covers(b.version, pin.version)) continue;
    const codes = follows.get(b.name) ?? [];
    const message =
      `${b.name} ${pin.version} is pinned here, and no Python environment found holds it: ` +
      `the checks assume ${b.name} ${b.version}, whose rules are built in` +
      `${codes.length === 0 ? '' : ` (${codes.join(', ')} follow ${pin.version})`}.`;
    out.push(diag(pin.file, pin.range, 'RL080', message));
  }
  return out;
}
