// Reads a root's `.vscode/settings.json` (JSON with comments, dotted keys) and maps it with the
// language server's own mapping, so that the front ends reading a root from disk (the CLI's `check`
// in CI, the MCP server) analyse the folder exactly as the editor does. The file is read under the
// walk's rule (a regular file inside the root, size-bounded, never blocking) and parsed by VS Code's
// own reader (jsonc-parser: comments, trailing commas) once its nesting is known to be bounded (the
// reader recurses); anything else is ignored with a warning that never quotes the file's content, and
// the defaults apply. Its keys are data: the sections are built without prototypes (`__proto__.x` is refused).
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { bareObject, isPrototypeKey, keyPath, noneDropped, type DataDropped } from '../engine/util/configData';
import { toFolderSettings, type FolderSettings } from './folderSettings';
import { jsonNestingPast } from './jsonNesting';
import { readInRoot } from './readText';

const FILE = '.vscode/settings.json';
/** Far below the depth at which jsonc-parser overflows (some thousands); other extensions' settings may nest deeper. */
const MAX_FILE_NESTING = 512;

export function readSettings(root: string, warn: (message: string) => void): FolderSettings {
  const ignoring = (why: string): void => warn(`ignoring ${FILE}: ${why}`);
  const read = readInRoot(root, FILE, undefined, ignoring);
  let json: unknown = {};
  if (read !== null && 'skipped' in read) ignoring(read.skipped);
  else if (read !== null) json = parseSettings(read.text, warn);
  const dropped = noneDropped();
  const sections = nestDottedKeys(isObject(json) ? json : {}, dropped);
  const files = sections['files'];
  const exclude = isObject(files) ? files['exclude'] : undefined;
  const settings = toFolderSettings(sections['registryLens'], exclude, FILE, dropped);
  for (const w of settings.warnings) warn(w);
  return settings;
}

/** What the editor reads of the text: its value, errors and all (reported by position and kind, never by content). */
function parseSettings(text: string, warn: (message: string) => void): unknown {
  const past = jsonNestingPast(text, MAX_FILE_NESTING);
  if (past !== null) {
    warn(`ignoring ${FILE}: nesting deeper than ${MAX_FILE_NESTING} levels at offset ${past}`);
    return {};
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, allowEmptyContent: true });
  const json = tree === undefined ? undefined : valueOf(tree);
  const first = errors[0];
  if (first !== undefined) {
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    warn(
      `${FILE}:${line}:${column}: ${printParseErrorCode(first.error)}` +
        `${errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : ''}` +
        '; reading what parses, as the editor does',
    );
  }
  if (json !== undefined && !isObject(json)) warn(`ignoring ${FILE}: it is not a JSON object`);
  return json;
}

/**
 * The value of a parsed node, its objects without prototypes: jsonc-parser's own `parse` assigns each
 * key to a plain object, so `__proto__` would set the object's prototype and `constructor` trip over a
 * frozen one. Recursion is bounded by the nesting checked before parsing.
 */
function valueOf(node: Node): unknown {
  if (node.type === 'array') return (node.children ?? []).map(valueOf);
  if (node.type !== 'object') return node.value as unknown;
  const out = bareObject<unknown>();
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key !== undefined && value !== undefined) out[String(key.value)] = valueOf(value);
  }
  return out;
}

/**
 * settings.json writes `"registryLens.core.files": […]` where the editor's configuration API returns
 * `{registryLens: {core: {files: […]}}}`. Only top-level keys are split: values such as the globs of
 * `files.exclude` contain dots of their own.
 */
function nestDottedKeys(settings: Record<string, unknown>, dropped: DataDropped): Record<string, unknown> {
  const out = bareObject<unknown>();
  for (const key of Object.keys(settings)) {
    const value = settings[key];
    const parts = key.split('.');
    if (parts.some(isPrototypeKey)) {
      dropped.prototypeKeys.push(keyPath('', key));
      continue;
    }
    const last = parts.pop() ?? key;
    let node = out;
    for (const part of parts) {
      const next = node[part];
      node = isObject(next) ? next : (node[part] = bareObject<unknown>());
    }
    const existing = node[last];
    node[last] = isObject(existing) && isObject(value) ? Object.assign(bareObject<unknown>(), existing, value) : value;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
