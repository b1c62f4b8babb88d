// The versions a Python project's own files pin, as the front ends say where a framework's version came from when no
// environment holds it: the lock files of uv (`uv.lock`), Poetry (`poetry.lock`) and PDM (`pdm.lock`), pip's
// `requirements*.txt` (`name==version` lines) and `pyproject.toml` (PEP 621 `[project] dependencies`, Poetry's
// `[tool.poetry.dependencies]`). The lock files are machine-written, each package a `[[package]]` table beginning
// with `name` and `version` lines, and are read by those lines: one pass, where a TOML parse of a large lock costs
// far more (smol-toml takes about 190 ms over a 670 KB `uv.lock` of 196 packages). A package the lock takes from the
// project itself (uv's `editable`/`virtual` source, Poetry's `develop`/directory source, PDM's `editable`/`path`) is
// the tree, not a pin. `pyproject.toml` is parsed (text/toml.ts, as the ONEX entry points are); a file that is not TOML
// pins nothing here.
import type { Range } from '../types';
import { LineIndex } from '../text/lineIndex';
import { readToml } from '../text/toml';

/** One pinned distribution of one file. */
export interface Pin {
  /** The import-style name: PEP 503's normalised name with `_` for its separators (`omnibase_core`). */
  readonly name: string;
  readonly version: string;
  /** The root-relative pin file. */
  readonly file: string;
  /** The line that pins it, trimmed. */
  readonly range: Range;
}

const LOCKS = ['uv.lock', 'poetry.lock', 'pdm.lock'];
const PYPROJECT = 'pyproject.toml';
const REQUIREMENTS = /^requirements[^/]*\.txt$/;
/** The pin files' names as a watcher's glob takes them. */
export const PIN_FILE_NAMES: readonly string[] = [...LOCKS, 'requirements*.txt', PYPROJECT];

/** Whether a root-relative path is a pin file of the project: at the root only, where the tools look. */
export function isPinFile(path: string): boolean {
  return LOCKS.includes(path) || path === PYPROJECT || REQUIREMENTS.test(path);
}

/**
 * The order in which pin files are believed: a lock (what the tool installs) before a requirements pin, before a
 * pin in the project's declared dependencies.
 */
export function pinFileRank(path: string): number {
  const lock = LOCKS.indexOf(path);
  return lock >= 0 ? lock : REQUIREMENTS.test(path) ? LOCKS.length : LOCKS.length + 1;
}

/** PEP 503's normalised name, separators as `_` (how the import package is usually named). */
export function pinName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '_');
}

/** The pins of a pin file's text (`file` as `isPinFile` accepts it), in the file's order. */
export function readPins(file: string, text: string): Pin[] {
  if (file === PYPROJECT) return pyprojectPins(file, text);
  if (REQUIREMENTS.test(file)) return requirementPins(file, text);
  return lockPins(file, text);
}

const HEADER = /^\s*\[/;
const PACKAGE = /^\s*\[\[\s*package\s*\]\]\s*(?:#.*)?$/;
const SUBTABLE = /^\s*\[\s*package\s*\./;
const STRING_KEY = /^\s*(name|version)\s*=\s*"([^"\\\n]*)"/;
/** The package comes from the project's tree: uv, Poetry and PDM write these keys for it. */
const LOCAL = [
  /^\s*source\s*=\s*\{[^}]*\b(?:editable|virtual|directory|path)\s*=/,
  /^\s*(?:editable|develop)\s*=\s*true\b/,
  /^\s*path\s*=/,
  /^\s*type\s*=\s*"(?:directory|file)"/,
];

/** `[[package]]` tables' `name` and `version` lines (uv, Poetry, PDM). */
function lockPins(file: string, text: string): Pin[] {
  const out: Pin[] = [];
  const lines = new LineIndex(text);
  let block: { name?: string; version?: string; at?: number; local: boolean } | null = null;
  const close = (): void => {
    if (block?.name !== undefined && block.version !== undefined && block.at !== undefined && !block.local)
      out.push({ name: pinName(block.name), version: block.version, file, range: trimmedLine(text, lines, block.at) });
  };
  let offset = 0;
  for (const line of text.split('\n')) {
    if (PACKAGE.test(line)) {
      close();
      block = { local: false };
    } else if (HEADER.test(line) && !SUBTABLE.test(line)) {
      close();
      block = null;
    } else if (block !== null) {
      const m = STRING_KEY.exec(line);
      if (m?.[1] === 'name' && block.name === undefined) block.name = m[2] as string;
      else if (m?.[1] === 'version' && block.version === undefined) {
        block.version = m[2] as string;
        block.at = offset;
      } else if (LOCAL.some((re) => re.test(line))) block.local = true;
    }
    offset += line.length + 1;
  }
  close();
  return out;
}

/**
 * A PEP 508 requirement pinned to one version: `name[extras] == version` (`===` too), markers after `;`. The blanks
 * before the operator are one run, the extras' own after them: two adjacent `\s*` would try every split of a long run.
 */
const REQUIREMENT = /^\s*([A-Z0-9](?:[\w.-]*[A-Z0-9])?)\s*(?:\[[^\]]*\]\s*)?===?\s*([^\s;,#*]+)\s*(?:;.*)?$/i;

/** A comment line, which a `\` at its end does not continue (pip `req_file.py` `join_lines()`, `COMMENT_RE.match`). */
const COMMENT_LINE = /^\s*#/;

/**
 * `requirements*.txt` as pip reads it (pip 23.2 `req/req_file.py` `preprocess()`): lines ending in `\` joined to the
 * next (`join_lines()`), comments after ` #` dropped, then the requirement is what precedes the first option
 * (`break_args_options()`: the first space-separated token starting with `-`), so pip-compile's and `uv pip compile
 * --generate-hashes`'s `name==version --hash=sha256:…` lines, one line or continued, are pins. A pin's range is its
 * first line.
 */
function requirementPins(file: string, text: string): Pin[] {
  const out: Pin[] = [];
  const lines = new LineIndex(text);
  const take = (logical: string, start: number): void => {
    const m = REQUIREMENT.exec(beforeOptions(withoutComment(logical)).trimEnd());
    if (m)
      out.push({
        name: pinName(m[1] as string),
        version: m[2] as string,
        file,
        range: trimmedLine(text, lines, start),
      });
  };
  let offset = 0;
  // The logical line being joined (pip keeps the parts, `"".join(new_line)`) and where it began.
  let parts: string[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const at = offset;
    offset += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.endsWith('\\') && !COMMENT_LINE.test(line)) {
      if (parts.length === 0) start = at;
      parts.push(withoutBackslashes(line));
    } else if (parts.length > 0) {
      parts.push(COMMENT_LINE.test(line) ? ` ${line}` : line);
      take(parts.join(''), start);
      parts = [];
    } else take(line, at);
  }
  if (parts.length > 0) take(parts.join(''), start);
  return out;
}

/** `line.strip("\\")`: the line without the backslashes at either end. */
function withoutBackslashes(line: string): string {
  let from = 0;
  let to = line.length;
  while (from < to && line[from] === '\\') from++;
  while (to > from && line[to - 1] === '\\') to--;
  return line.slice(from, to);
}

/** The requirement before a line's options: up to the first space-separated token starting with `-`. */
function beforeOptions(line: string): string {
  if (line.startsWith('-')) return '';
  const at = line.indexOf(' -');
  return at === -1 ? line : line.slice(0, at);
}

/**
 * `line.replace(/(^|\s)#.*$/, '')` in linear time: the comment is the first `#` at the start or after a blank with no
 * line break after it (`.` stops at `\r`); the expression tried a scan to the end from every ` #`.
 */
function withoutComment(line: string): string {
  const lastBreak = Math.max(line.lastIndexOf('\r'), line.lastIndexOf('\u2028'), line.lastIndexOf('\u2029'));
  const comment = /(?:^|\s)#/g;
  comment.lastIndex = Math.max(lastBreak, 0);
  const m = comment.exec(line);
  return m ? line.slice(0, m.index) : line;
}

/** Poetry's exact constraint: a bare version or `==version` (`^`, `~`, ranges and wildcards are not pins). */
const POETRY_PIN = /^\s*(?:==\s*)?(\d[\w.+!-]*)\s*$/;

/** `[project] dependencies` strings pinned with `==`, and Poetry's exact dependencies. */
function pyprojectPins(file: string, text: string): Pin[] {
  const read = readToml(text);
  if (!read.ok) return [];
  const data = read.data;
  const found: { name: string; version: string; key: boolean }[] = [];
  const project = table(data['project']);
  const deps = project?.['dependencies'];
  for (const d of Array.isArray(deps) ? deps : []) {
    const m = typeof d === 'string' ? REQUIREMENT.exec(d) : null;
    if (m) found.push({ name: m[1] as string, version: m[2] as string, key: false });
  }
  const poetry = table(table(table(data['tool'])?.['poetry'])?.['dependencies']) ?? {};
  for (const [name, spec] of Object.entries(poetry)) {
    const v = typeof spec === 'string' ? spec : table(spec)?.['version'];
    const m = typeof v === 'string' ? POETRY_PIN.exec(v) : null;
    if (m) found.push({ name, version: m[1] as string, key: true });
  }
  if (found.length === 0) return [];
  const lines = new LineIndex(text);
  const at = { key: firstLines(text, true), string: firstLines(text, false) };
  return found.map(({ name, version, key }) => ({
    name: pinName(name),
    version,
    file,
    range: trimmedLine(text, lines, (key ? at.key : at.string).get(pinName(name)) ?? 0),
  }));
}

/**
 * The offset of the first line naming each distribution (by `pinName`): as a quoted requirement with `==`, or
 * (`key`) as Poetry's `name = …`. One pass over the text for every name, never a scan per pin.
 */
function firstLines(text: string, key: boolean): Map<string, number> {
  const re = key
    ? /^[ \t]*["']?([A-Z0-9][\w.-]*)["']?[ \t]*=/gim
    : // One run of blanks before the operator, however the extras split it: two adjacent `[ \t]*` would try every
      // split of a long run (quadratic). The extras end at a quote (the string's end): else from every `"a[` of a
      // line `"a["a[…` they would run to the line's end.
      /["'][ \t]*([A-Z0-9][\w.-]*)[ \t]*(?:\[[^\]\n"']*\][ \t]*)?===?/gi;
  const out = new Map<string, number>();
  for (const m of text.matchAll(re)) {
    const name = pinName(m[1] as string);
    if (!out.has(name)) out.set(name, text.lastIndexOf('\n', m.index) + 1);
  }
  return out;
}

function table(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** The line starting at `offset`, without its indentation and trailing blanks. */
function trimmedLine(text: string, lines: LineIndex, offset: number): Range {
  const end = text.indexOf('\n', offset);
  const line = text.slice(offset, end < 0 ? text.length : end);
  const start = offset + (line.length - line.trimStart().length);
  return lines.range(start, offset + line.trimEnd().length);
}
