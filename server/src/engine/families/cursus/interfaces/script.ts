// Where the contract's script is, as cursus's script discovery finds it: the file named by
// `contract.entry_point` in the first scripts directory visible from the interface's context that holds
// it. One lookup shared by RL017, Explain and the document link.
import type { RegistryModel } from '../../../model/entries/registry';
import type { InterfaceDoc } from './interface';

/** The script file of an interface (root-relative), or null when it has none or no scripts directory holds it. */
export function scriptFile(
  model: RegistryModel,
  wsDir: string | null,
  doc: InterfaceDoc,
  exists: (path: string) => boolean,
): string | null {
  const name = doc.script?.value;
  if (name === undefined) return null;
  const dir = model.searchedDirs(wsDir, 'script').find((d) => exists(`${d}${name}`));
  return dir === undefined ? null : `${dir}${name}`;
}
