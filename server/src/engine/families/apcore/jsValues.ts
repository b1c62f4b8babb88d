// The values the TypeScript/JavaScript exports reader (apcore/jsExports.ts) builds from expressions, shared by
// its parts: what an expression is as far as it can be told without evaluating anything.

/** A value as the reader sees it. */
export type Val =
  | { t: 'obj'; via: string; props: Map<string, Val>; open: boolean; texts: Map<string, string> }
  | { t: 'fm'; via: string; opts: Val | null }
  | { t: 'new'; callee: string }
  | { t: 'fn' }
  | { t: 'class'; cls: ClassInfo }
  | { t: 'str'; value: string | null }
  | { t: 'prim'; nullish: boolean; value: unknown }
  | { t: 'arr'; items: Val[] }
  | { t: 'ref'; name: string }
  | { t: 'unknown' };

/** `texts`: the source of its schema members. */
export interface ClassInfo {
  statics: Map<string, Val>;
  members: Map<string, Val>;
  open: boolean;
  texts: Map<string, string>;
}

/** The members whose source text is kept beside the code's fields. */
export const SCHEMAS = ['inputSchema', 'outputSchema'];
/** Nesting deeper than this is read as unknown. */
export const MAX_NESTING = 16;
export const UNKNOWN: { t: 'unknown' } = { t: 'unknown' };
export const FN: Val = { t: 'fn' };
export const NULLISH: Val = { t: 'prim', nullish: true, value: undefined };
