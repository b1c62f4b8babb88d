// The frameworks Registry Lens knows (cursus, omnibase_core, omnibase_infra, apcore) as a Python environment has
// them installed: name, version and package folder, read statically from the installed distributions' metadata as
// `importlib.metadata` reads it — `<name>-<version>.dist-info/METADATA` (its `Name:` and `Version:` headers),
// `top_level.txt`, and for an editable install the `.pth` file its RECORD lists (a path line, or setuptools' finder
// `__editable___*_finder.py` and its `MAPPING` literal) or a legacy `<name>.egg-link`. Nothing else of the
// environment is read; each file is read inside its site-packages folder under the walk's rule (no link out,
// regular files only, size-bounded: host/readText.ts), and nothing is executed.
import { readdirSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { isInside } from './containment';
import type { PythonEnvironment } from './pythonEnv';
import { readInRoot } from './readText';
import { attempt, isDirectory } from './probe';

export interface InstalledFramework {
  /** The distribution's name as its METADATA gives it. */
  readonly name: string;
  readonly version: string;
  /** The import package's folder (absolute), null when it cannot be found. */
  readonly path: string | null;
  /** An editable install: the package folder is the source tree the install points at. */
  readonly editable: boolean;
  /** The distribution's `.dist-info` folder (absolute). */
  readonly info: string;
}

/** The distributions known, by normalised name (PEP 503), and the import package each provides. */
const FRAMEWORKS: ReadonlyMap<string, string> = new Map([
  ['cursus', 'cursus'],
  ['omnibase-core', 'omnibase_core'],
  ['omnibase-infra', 'omnibase_infra'],
  ['apcore', 'apcore'],
]);
/** The import packages of the frameworks known, in the order the front ends list them. */
export const FRAMEWORK_PACKAGES: readonly string[] = [...new Set(FRAMEWORKS.values())];
/** Metadata files are small; a larger one is not metadata we can use. */
const MAX_METADATA_BYTES = 256 * 1024;
/** A site-packages folder this large is not listed further (a pathological environment). */
const MAX_ENTRIES = 50_000;

/** The known frameworks installed in `env`, the first distribution of each name found. */
export function installedFrameworks(env: PythonEnvironment): InstalledFramework[] {
  const found = new Map<string, InstalledFramework>();
  for (const site of env.sitePackages) {
    const names = (attempt(() => readdirSync(site)) ?? []).slice(0, MAX_ENTRIES).sort();
    for (const entry of names) {
      const m = /^(.+?)-([^-]+)\.dist-info$/.exec(entry);
      const key = m ? normalise(m[1] as string) : null;
      const pkg = key === null ? undefined : FRAMEWORKS.get(key);
      if (key === null || pkg === undefined || found.has(key)) continue;
      found.set(key, distribution(site, entry, { key, pkg, version: m?.[2] as string }, names));
    }
  }
  return [...found.values()];
}

/**
 * Whether a `site-packages` entry is a known framework's installed metadata: its `<name>-<version>.dist-info` (PEP 376,
 * and PEP 660's editable installs), a legacy `<name>-<version>-py3.X.egg-info` or `<name>.egg-link`; the name
 * compared normalised, so an install, an upgrade or an uninstall of one is known by its name alone.
 */
export function isFrameworkMetadata(entry: string): boolean {
  const name = /^([^-]+?)(?:-[^/]*)?\.(?:dist-info|egg-info|egg-link)$/.exec(entry)?.[1];
  return name !== undefined && FRAMEWORKS.has(normalise(name));
}

/** PEP 503's normalised distribution name. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * One installed distribution: its `.dist-info` folder `info` in `site`, of the normalised name `key` and the version
 * its folder's name says, providing `pkg` unless top_level.txt says otherwise.
 */
function distribution(
  site: string,
  info: string,
  { key, pkg, version: folderVersion }: { key: string; pkg: string; version: string },
  names: readonly string[],
): InstalledFramework {
  const headers = metadataHeaders(read(site, `${info}/METADATA`) ?? '');
  const top = (read(site, `${info}/top_level.txt`) ?? '').split(/\r?\n/).map((l) => l.trim());
  const packageName = top.includes(pkg) || top.every((l) => l === '') ? pkg : (top.find((l) => l !== '') ?? pkg);
  const name = headers.get('name') ?? pkg;
  const version = headers.get('version') ?? folderVersion;
  const installed = path.join(site, packageName);
  const infoDir = path.join(site, info);
  if (isDirectoryInside(site, installed)) return { name, version, path: installed, editable: false, info: infoDir };
  const source = editableSource(site, info, { key, pkg: packageName }, names);
  return { name, version, path: source, editable: source !== null, info: infoDir };
}

/** METADATA's headers (RFC 822 style, up to the first blank line), lower-cased names; the first of each. */
function metadataHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    // Split at the colon, not by a pattern: a long run of blanks after it costs one pass.
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0)).toLowerCase();
    if (/^[a-z-]+$/.test(name) && !headers.has(name)) headers.set(name, line.slice(colon + 1).trimStart());
  }
  return headers;
}

/** An editable install lists one `.pth` file, or one finder module: more than this many are not looked into. */
const MAX_EDITABLE_FILES = 16;

/**
 * The package folder an editable install of `info` points at: from the `.pth` files its RECORD lists (a path line
 * per `site.py`; an `import` line of setuptools' finder, whose `MAPPING` names the folder), or `<name>.egg-link`.
 * A name RECORD lists twice, a line a `.pth` repeats, a finder two lines import: each is read, judged, stat'ed once.
 */
function editableSource(
  site: string,
  info: string,
  { key, pkg }: { key: string; pkg: string },
  names: readonly string[],
): string | null {
  const pths = new Set<string>();
  for (const line of (read(site, `${info}/RECORD`) ?? '').split(/\r?\n/)) {
    const comma = line.indexOf(',');
    const file = comma === -1 ? line : line.slice(0, comma);
    if (file.endsWith('.pth') && !file.includes('/')) pths.add(file);
  }
  const eggLinks = names.filter((n) => n.endsWith('.egg-link') && normalise(n.slice(0, -9)) === key);
  const judged = new Set<string>();
  const finders = new Map<string, string | null>();
  for (const file of [...[...pths].slice(0, MAX_EDITABLE_FILES), ...eggLinks]) {
    const lines = (read(site, file) ?? '').split(/\r?\n/);
    // An .egg-link's first line is the path; what follows is not.
    for (const line of file.endsWith('.egg-link') ? lines.slice(0, 1) : lines) {
      if (judged.has(line)) continue;
      judged.add(line);
      const finder = /^import\s+(__editable___[\w.]+_finder)\b/.exec(line)?.[1];
      let folder: string | null;
      if (finder === undefined) folder = pathLine(line, pkg);
      else if (finders.has(finder) || finders.size >= MAX_EDITABLE_FILES) folder = finders.get(finder) ?? null;
      else finders.set(finder, (folder = finderMapping(read(site, `${finder}.py`) ?? '', pkg)));
      if (folder !== null && isDirectory(folder)) return folder;
    }
  }
  return null;
}

/** `pkg`'s folder under the folder a `.pth` path line names (relative lines are relative to site-packages). */
function pathLine(line: string, pkg: string): string | null {
  const dir = line.trim();
  if (dir === '' || dir.startsWith('#') || dir.startsWith('import') || !path.isAbsolute(dir)) return null;
  return path.join(dir, pkg);
}

/** `pkg`'s folder in the text of setuptools' editable finder: `MAPPING = {'pkg': '/abs/src/pkg'}`, a literal. */
function finderMapping(text: string, pkg: string): string | null {
  const mapping = mappingLiteral(text);
  if (mapping === null) return null;
  for (const m of mapping.matchAll(/(['"])([\w.]+)\1\s*:\s*(['"])([^'"\n]+)\3/g))
    if (m[2] === pkg && path.isAbsolute(m[4] as string)) return m[4] as string;
  return null;
}

/**
 * What lies between the braces of the first `MAPPING = {…}` of `text` (annotated or not: `MAPPING: dict[str, str] =
 * {…}`; up to the first `}`), null when there is none: what /MAPPING\s*(?::[^=\n]*)?=\s*\{([^}]*)\}/ finds, in one
 * pass. Each `MAPPING` is tried once; an annotation ending where the one before it ended is not scanned again (its
 * `=` led to no literal), and with no `}` left nothing after can match.
 */
function mappingLiteral(text: string): string | null {
  const NAME = 'MAPPING';
  let annotationEnd = -1;
  for (let at = text.indexOf(NAME); at !== -1; at = text.indexOf(NAME, at + NAME.length)) {
    let i = skipBlanks(text, at + NAME.length);
    if (text[i] === ':') {
      if (i < annotationEnd) continue;
      const eq = text.indexOf('=', i);
      const nl = text.indexOf('\n', i);
      annotationEnd = i = eq === -1 || (nl !== -1 && nl < eq) ? (nl === -1 ? text.length : nl) : eq;
    }
    if (text[i] !== '=') continue;
    i = skipBlanks(text, i + 1);
    if (text[i] !== '{') continue;
    const close = text.indexOf('}', i + 1);
    return close === -1 ? null : text.slice(i + 1, close);
  }
  return null;
}

/** The first position from `i` on that is not white space (as `\s`). */
function skipBlanks(text: string, i: number): number {
  let at = i;
  while (at < text.length && /\s/.test(text[at] as string)) at++;
  return at;
}

/** A file of `site` by its relative path, read under the walk's rule inside it; null when unreadable or too big. */
function read(site: string, rel: string): string | null {
  const r = readInRoot(site, rel, MAX_METADATA_BYTES);
  return r !== null && 'text' in r ? r.text : null;
}

/** `dir` is a directory below `site`, reached through no link out of it. */
function isDirectoryInside(site: string, dir: string): boolean {
  const real = attempt(() => realpathSync.native(dir));
  const siteReal = attempt(() => realpathSync.native(site));
  return real !== null && siteReal !== null && real !== siteReal && isInside(siteReal, real) && isDirectory(real);
}
