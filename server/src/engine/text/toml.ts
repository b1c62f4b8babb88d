// The one TOML reader of the engine (smol-toml: TOML 1.0, so a file pip or tomllib could not read is not TOML here
// either): a document's data, or where and why it is not TOML. smol-toml is an ES module that ships a CommonJS build
// (its `require` export), which the bundle loads.
import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build, as said above
const { parse, TomlError } = require('smol-toml') as typeof SmolToml;

export type TomlRead =
  | { readonly ok: true; readonly data: Record<string, unknown> }
  /** `line` and `column` as smol-toml counts them (from 1), when it says where. */
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

export function readToml(text: string): TomlRead {
  try {
    return { ok: true, data: parse(text) as Record<string, unknown> };
  } catch (e) {
    const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : 'TOML error';
    return e instanceof TomlError ? { ok: false, message, line: e.line, column: e.column } : { ok: false, message };
  }
}
