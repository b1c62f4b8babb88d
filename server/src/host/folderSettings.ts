// A folder's settings on the desktop (from the editor, or from .vscode/settings.json for the CLI): the mapping every
// front end shares (portableSettings.ts, the web server's too) plus what needs a disk, the diagnostics cache's folder.
import { record } from '../engine/settings';
import type { DataDropped } from '../engine/util/configData';
import { isAbsolute } from 'node:path';
import { displayPath } from './displayPath';
import { portableSettings, type PortableSettings } from './portableSettings';

export interface FolderSettings extends PortableSettings {
  /** The language server's diagnostics cache (lsp/diagnosticCache.ts): on or off, its folder (null: the default). */
  cache: { enabled: boolean; location: string | null };
  /**
   * The project's Python environment as the editor's machine-scoped setting `registryLens.python.environment` names it
   * (lsp/settings.ts); never read from a folder's settings file, which a cloned repository brings.
   */
  pythonEnvironment?: string;
}

/**
 * The folder's settings from the `registryLens` section and `files.exclude` read from `source` (named in
 * warnings), with what the reading of that source already `dropped`.
 */
export function toFolderSettings(
  rawLens: unknown,
  rawExclude: unknown,
  source?: string,
  dropped?: DataDropped,
): FolderSettings {
  let cache: FolderSettings['cache'] = { enabled: false, location: null };
  const settings = portableSettings(rawLens, rawExclude, source, dropped, (s) => {
    const cacheSection = record(s['cache']);
    const location = cacheSection['location'];
    cache = {
      enabled: cacheSection['enabled'] === true,
      location: typeof location === 'string' && isAbsolute(location) ? location : null,
    };
    return typeof location === 'string' && location !== '' && cache.location === null
      ? [`registryLens.cache.location: ignoring ${displayPath(location)}, which is not an absolute path`]
      : [];
  });
  return { ...settings, cache };
}
