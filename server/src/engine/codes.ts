// The diagnostics catalogue (SPEC §4) as declarations: each code is declared once, with its default
// severity and title, by the core (the codes any family's reader raises: duplicate key, naming, schema,
// syntax) or by the family or shared domain that raises it (its `codes.ts`); its documentation is the
// section `<a id="rlNNN">` of docs/diagnostics.md. engine.ts assembles the catalogue from the declarations, and
// `diagnostics(table)` gives each reader the one constructor of the codes it may raise, so that every
// diagnostic carries the same fields.
import type { Code, Diagnostic, Fix, Range, RelatedInfo, Severity } from './types';

export interface CodeInfo {
  severity: Severity;
  title: string;
}
/** A declaration of codes: each with its default severity and title. */
export type CodeTable<C extends Code = Code> = { readonly [K in C]: CodeInfo };

/**
 * The codes any family's reader raises, and the core's own (RL080: analysis/frameworkPins.ts; RL081:
 * analysis/unusedEnvironment.ts).
 */
export const CORE_CODES = {
  RL001: { severity: 'error', title: 'duplicate key' },
  RL012: { severity: 'hint', title: 'naming convention' },
  RL020: { severity: 'error', title: 'schema violation' },
  RL030: { severity: 'error', title: 'syntax error' },
  RL033: { severity: 'hint', title: 'unused suppression comment' },
  RL080: { severity: 'information', title: 'pinned framework version not built in' },
  RL081: { severity: 'information', title: "the folder's environment is a link out of it, not used" },
} as const satisfies CodeTable;

/** The document of the codes: each code's section (diagnostics link there, SARIF rules carry it as help). */
export const CODES_DOC = 'docs/diagnostics.md';
/** The anchor of a code's section of CODES_DOC (`<a id="rl004">`, stable whatever its heading says). */
export function codeAnchor(code: Code): string {
  return code.toLowerCase();
}

/** A declared code with its declaration, as the catalogue lists it. */
export interface CodeEntry extends CodeInfo {
  code: Code;
}

/** Every code of the declarations, in code order; a code declared twice is a mistake of the declarations. */
export function catalogue(tables: readonly CodeTable[]): CodeEntry[] {
  const out = new Map<Code, CodeEntry>();
  for (const table of tables) {
    for (const [code, info] of Object.entries(table) as [Code, CodeInfo][]) {
      if (out.has(code)) throw new Error(`diagnostic code ${code} is declared twice`);
      out.set(code, { code, severity: info.severity, title: info.title });
    }
  }
  return [...out.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export interface DiagOptions {
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
  tags?: Diagnostic['tags'];
}
/**
 * The constructor of a reader's diagnostics: only the codes it may raise, each at its declared severity unless told.
 */
export type Diag<C extends Code> = (
  file: string,
  range: Range,
  code: C,
  message: string,
  opts?: DiagOptions,
) => Diagnostic;

export function diagnostics<C extends Code>(table: CodeTable<C>): Diag<C> {
  return (file, range, code, message, opts = {}) => ({
    file,
    range,
    code,
    message,
    severity: opts.severity ?? table[code].severity,
    related: opts.related ?? [],
    fixes: opts.fixes ?? [],
    ...(opts.tags ? { tags: opts.tags } : {}),
  });
}

/** The core's diagnostics (and a family's that raises no code of its own). */
export const diag = diagnostics(CORE_CODES);

/**
 * RL030 for a syntax error. Reading goes on after most mistakes, and the message says so; `unread`
 * mistakes (nesting or aliases past their bounds) end the reading, and their message says that instead.
 */
export function syntaxDiag(file: string, e: { range: Range; message: string; unread?: boolean }): Diagnostic {
  return diag(file, e.range, 'RL030', e.unread ? e.message : `${e.message}; the rest of the file is still analysed`);
}
