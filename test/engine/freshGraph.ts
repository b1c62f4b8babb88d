// "From scratch" in a fresh module graph: the oracle's fresh engine shares nothing with the incremental
// one, not even module-level state (a process-wide cache in the engine or in a family would otherwise
// feed both the same stale answer). The project's modules are loaded again, with every engine option a
// module exports (families, checks) taken from its reloaded module; the caller's module graph is restored.
import { join } from 'node:path';
import type { EngineOptions, RegistryEngine } from '../../server/src/engine/engine';

const ROOT = join(__dirname, '../..');
const ours = (file: string): boolean => file.startsWith(`${ROOT}/`) && !file.includes('/node_modules/');
const ENGINE = require.resolve('../../server/src/engine/engine');

/** The module that exports `value`, and the name it is exported under. */
function origin(value: unknown): { file: string; name: string } {
  for (const [file, m] of Object.entries(require.cache)) {
    if (!m || !ours(file)) continue;
    for (const [name, v] of Object.entries(m.exports as Record<string, unknown>))
      if (v === value) return { file, name };
  }
  throw new Error('an engine option that no module exports: the fresh module graph could not load it again');
}

/** `RegistryEngine` and `options` from a module graph of their own (about a second: use it sparingly). */
export function freshGraph(options: EngineOptions): { Engine: typeof RegistryEngine; options: EngineOptions } {
  const where = { families: options.families?.map(origin), checks: options.checks?.map(origin) };
  const saved = Object.entries(require.cache).filter(([file]) => ours(file));
  for (const [file] of saved) delete require.cache[file];
  try {
    // require, not import: a module loaded again after its cache entry is gone is a new instance
    /* eslint-disable @typescript-eslint/no-require-imports */
    const load = <T>(o: { file: string; name: string }): T => (require(o.file) as Record<string, T>)[o.name] as T;
    const { RegistryEngine: Engine } = require(ENGINE) as { RegistryEngine: typeof RegistryEngine };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const fresh: EngineOptions = { ...options };
    if (where.families) fresh.families = where.families.map((o) => load(o));
    if (where.checks) fresh.checks = where.checks.map((o) => load(o));
    return { Engine, options: fresh };
  } finally {
    for (const [file] of Object.entries(require.cache)) if (ours(file)) delete require.cache[file];
    for (const [file, m] of saved) require.cache[file] = m;
  }
}
