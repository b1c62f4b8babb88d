// Reads a root's `.vscode/settings.json` (JSON with comments, dotted keys) and maps it with the
// language server's own mapping, so that the front ends reading a root from disk (the CLI's `check`
// in CI, the MCP server) analyse the folder exactly as the editor does. The file is read under the
// walk's rule (a regular file inside the root, size-bounded, never blocking) and parsed by VS Code's
// own reader (jsonc-parser: comments, trailing commas); anything else is ignored with a warning that
// never quotes the file's content, and the defaults apply.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { toFolderSettings, type FolderSettings } from './folderSettings';
import { readInRoot } from './readText';

const FILE = '.vscode/settings.json';

export function readSettings(root: string, warn: (message: string) => void): FolderSettings {
  const ignoring = (why: string): void => warn(`ignoring ${FILE}: ${why}`);
  const read = readInRoot(root, FILE, undefined, ignoring);
  let json: unknown = {};
  if (read !== null && 'skipped' in read) ignoring(read.skipped);
  else if (read !== null) json = parseSettings(read.text, warn);
  const sections = nestDottedKeys(isObject(json) ? json : {});
  const settings = toFolderSettings(sections['registryLens'], isObject(sections['files']) ? sections['files']['exclude'] : undefined);
  for (const w of settings.warnings) warn(w);
  return settings;
}

/** What the editor reads of the text: its value, errors and all (reported by position and kind, never by content). */
function parseSettings(text: string, warn: (message: string) => void): unknown {
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true, allowEmptyContent: true });
  const first = errors[0];
  if (first !== undefined) {
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    warn(`${FILE}:${line}:${column}: ${printParseErrorCode(first.error)}${errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : ''}; reading what parses, as the editor does`);
  }
  if (json !== undefined && !isObject(json)) warn(`ignoring ${FILE}: it is not a JSON object`);
  return json;
}

/**
 * settings.json writes `"registryLens.core.files": […]` where the editor's configuration API returns
 * `{registryLens: {core: {files: […]}}}`. Only top-level keys are split: values such as the globs of
 * `files.exclude` contain dots of their own.
 */
function nestDottedKeys(settings: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    const parts = key.split('.');
    const last = parts.pop() ?? key;
    let node = out;
    for (const part of parts) {
      const next = node[part];
      node = isObject(next) ? next : (node[part] = {});
    }
    const existing = node[last];
    node[last] = isObject(existing) && isObject(value) ? { ...existing, ...value } : value;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
