// Asks the client for the `registryLens.*` and `files.exclude` settings of one folder, and the editor's
// (machine-scoped) Python environment, else the one the Python extension selected for the folder (the client tells it:
// `registryLens/pythonEnvironments`); the mapping to engine settings is shared with the CLI (host/folderSettings.ts).
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toFolderSettings, type FolderSettings } from '../host/folderSettings';
import { findEnvironment } from '../host/pythonEnv';

/**
 * `selected`: the Python extension's selection for the folder (an interpreter or an environment folder), taken when the
 * setting names none; one that is no environment is passed over (said in the server's log), as if none were selected.
 */
export async function readSettings(
  connection: Connection,
  scopeUri: string,
  canAsk: boolean,
  selected?: string,
): Promise<FolderSettings> {
  const [lens, filesExclude, environment] = canAsk
    ? ((await connection.workspace.getConfiguration([
        { scopeUri, section: 'registryLens' },
        { scopeUri, section: 'files.exclude' },
        // Machine-scoped, asked of no folder: a cloned repository's settings cannot point the reads anywhere.
        { section: 'registryLens.python.environment' },
      ])) as unknown[])
    : [];
  const settings = canAsk
    ? toFolderSettings(lens, filesExclude, "the folder's settings")
    : toFolderSettings(undefined, undefined);
  const root = fileURLToPath(scopeUri);
  if (typeof environment === 'string' && environment !== '') {
    const env = isAbsolute(environment) ? findEnvironment(root, environment, {}) : null;
    if (env !== null && !('error' in env)) settings.pythonEnvironment = env.dir;
    else
      settings.warnings.push(
        `registryLens.python.environment: ignoring ${JSON.stringify(environment)}: ` +
          (env?.error ?? 'not an absolute path'),
      );
  } else if (selected !== undefined && isAbsolute(selected)) {
    const env = findEnvironment(root, selected, {});
    if (env !== null && !('error' in env)) settings.pythonEnvironment = env.dir;
    else connection.console.log(`Registry Lens: the Python extension's selection ${selected} is no environment`);
  }
  // Settings naming paths outside the folder are ignored: say so where the user sees it.
  // A notification (window/showMessage): every client takes it, and nothing waits for an answer.
  for (const w of settings.warnings)
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `Registry Lens: ${w}`,
    });
  return settings;
}
