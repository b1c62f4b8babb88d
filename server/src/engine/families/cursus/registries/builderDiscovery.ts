// How the cursus in the repository finds builder classes, read from its own discovery module
// (`step_catalog/builder_discovery.py`, class `BuilderAutoDiscovery`): 1.x defines only
// `_scan_builder_directory` (builder files), 2.0.0 to 2.5.0 both it and `_synthesize_builder`, and
// from 2.5.1 ("Design B Phase E") only `_synthesize_builder` — builder files are never read.
import type { ModuleClass } from '../../../python/facts';
import type { BuilderDiscovery } from '../../../model/entries/registry';

export function builderDiscovery(file: string, classes: readonly ModuleClass[]): BuilderDiscovery {
  const methods = new Set(classes.flatMap((c) => c.methods));
  return { file, synthesizes: methods.has('_synthesize_builder'), scansFiles: methods.has('_scan_builder_directory') };
}
