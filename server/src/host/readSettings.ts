// Reads a root's `.vscode/settings.json` (JSON with comments, dotted keys) and maps it with the
// language server's own mapping, so that the front ends reading a root from disk (the CLI's `check`
// in CI, the MCP server) analyse the folder exactly as the editor does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFolderSettings, type FolderSettings } from '../host/folderSettings';
import { parseJsonc } from './parseJsonc';

export function readSettings(root: string, warn: (message: string) => void): FolderSettings {
  let json: unknown;
  try {
    json = parseJsonc(readFileSync(join(root, '.vscode', 'settings.json'), 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      warn(`ignoring .vscode/settings.json: ${e instanceof Error ? e.message : String(e)}`);
    }
    json = {};
  }
  const sections = nestDottedKeys(isObject(json) ? json : {});
  return toFolderSettings(sections['registryLens'], isObject(sections['files']) ? sections['files']['exclude'] : undefined);
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
