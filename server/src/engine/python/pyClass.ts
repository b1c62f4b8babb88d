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
