// Asks the client for the `registryLens.*` and `files.exclude` settings of one folder; the mapping to
// engine settings is shared with the CLI (host/folderSettings.ts).
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { toFolderSettings, type FolderSettings } from '../host/folderSettings';

export async function readSettings(connection: Connection, scopeUri: string, canAsk: boolean): Promise<FolderSettings> {
  if (!canAsk) return toFolderSettings(undefined, undefined);
  const [lens, filesExclude] = (await connection.workspace.getConfiguration([
    { scopeUri, section: 'registryLens' },
    { scopeUri, section: 'files.exclude' },
  ])) as unknown[];
  const settings = toFolderSettings(lens, filesExclude, "the folder's settings");
  // Settings naming paths outside the folder are ignored: say so where the user sees it.
  // A notification (window/showMessage): every client takes it, and nothing waits for an answer.
  for (const w of settings.warnings)
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `Registry Lens: ${w}`,
    });
  return settings;
}
