// A top-level Python class as the analysis sees it, shared by the tree-sitter reader (facts.ts) and
// the token scanner (classScanner.ts).
import type { Range } from '../types';

export interface PyClass {
  name: string;
  nameRange: Range;
  range: Range;
  bases: string[];
  /** Names assigned in the class body (`input_schema = …`). */
  attributes: string[];
  /** Class attributes assigned a string literal (`description = "…"`, `version = "1.2.0"`). */
  strAttrs: Record<string, string>;
  /** Names of methods defined in the class body. */
  methods: string[];
  docstring: string | null;
}

/**
 * A class of a module whose facts are its classes (components, subjects, entry points), its strings
 * copied out of the text (python/detach.ts) and its file beside them: it is also the module's entry in
 * the class index (`ClassDef`), so no second record per class is kept (35,000 on a large org).
 */
export interface ModuleClass extends PyClass {
  file: string;
}
