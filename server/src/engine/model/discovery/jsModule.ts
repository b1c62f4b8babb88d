// What the step model keeps of a TypeScript or JavaScript module file: its exports as its SDK's loader
// would find them (read by the member that scans modules, member.ts `StepFacts.js`; read by the discovery stages).
import type { Range } from '../../types';

/** What a member is, as `typeof` (and a string's emptiness) would tell; `nullish` for null and undefined. */
export type MemberKind = 'object' | 'string' | 'empty' | 'function' | 'nullish' | 'primitive' | 'unknown';

export interface JsExport {
  /** The exported name (`default` for the default export). */
  name: string;
  file: string;
  /** The declaration's name (or `default`), and the whole declaration. */
  nameRange: Range;
  range: Range;
  /** `typeof` of the exported value: a class is a function. */
  type: 'object' | 'function' | 'primitive' | 'unknown';
  /** How the value is made, for messages: `new FunctionModule`, `module()`, `object literal`, `new X`, `class`, … */
  via: string;
  /** Its members by name (a class's static ones), as far as they are known. */
  members: Record<string, MemberKind>;
  /** The constructor's members (`validateModule` falls back to them for the schemas): an instance's class statics. */
  ctorMembers: Record<string, MemberKind>;
  /** Whether members not listed may exist (a spread, a computed key, a base class). */
  open: boolean;
  /** Literal values of the fields `mergeModuleMetadata` reads from code, and the schemas' source text. */
  fields: Record<string, unknown>;
}

export interface JsModule {
  exports: JsExport[];
  /** Whether the file may export more than `exports` lists (re-exports, CommonJS forms). */
  open: boolean;
  /** A top-level `module({...})` call without an `id`: importing the file throws (decorator.ts). */
  throwsOnImport: Range | null;
}
