// The diagnostics catalogue (SPEC §4): default severity of every code, and the one constructor all
// checks use so that every diagnostic carries the same fields.
import type { Code, Diagnostic, Fix, Range, RelatedInfo, Severity } from './types';

export const DEFAULT_SEVERITY: Record<Code, Severity> = {
  RL001: 'error', RL002: 'warning', RL003: 'warning', RL004: 'error', RL005: 'error', RL006: 'warning',
  RL007: 'information', RL008: 'warning', RL009: 'error', RL010: 'warning', RL011: 'error', RL012: 'hint',
  RL013: 'information', RL014: 'warning', RL015: 'error', RL016: 'warning', RL017: 'warning', RL018: 'hint', RL019: 'warning',
  RL020: 'error', RL021: 'warning', RL022: 'error', RL023: 'error', RL024: 'error', RL025: 'warning',
  RL026: 'error', RL027: 'warning', RL028: 'error', RL029: 'error', RL030: 'error', RL031: 'information', RL032: 'error',
  RL040: 'error', RL041: 'error', RL042: 'error', RL043: 'warning', RL044: 'warning', RL045: 'information',
};

export const CODE_TITLES: Record<Code, string> = {
  RL001: 'duplicate key', RL002: 'local step in several workspaces', RL003: 'local step shadows a core step',
  RL004: 'override of a step core does not define', RL005: 'builder class missing', RL006: 'config class missing',
  RL007: 'spec/contract/script missing', RL008: 'required field missing or wrong type', RL009: 'invalid name or id',
  RL010: 'unknown sagemaker_step_type', RL011: 'two steps share a config_class or spec_type',
  RL012: 'naming convention', RL013: 'resolved through another workspace', RL014: 'both LOCAL_STEPS and WORKSPACE_STEPS',
  RL015: 'two workspaces with one id', RL016: 'unknown field close to a known one', RL017: 'contract script missing',
  RL018: 'unknown step in compatible_sources', RL019: 'contract and spec disagree', RL020: 'schema violation',
  RL021: 'companion without subject file', RL022: 'unknown dependency', RL023: 'dependency cycle',
  RL024: 'duplicate module id', RL025: 'module ids differ only by case', RL026: 'entry point not found or ambiguous',
  RL027: 'dependency version not satisfied', RL028: 'duplicate namespace', RL029: 'id map problem',
  RL030: 'syntax error', RL031: 'registry variable is not a literal', RL032: 'one step defined twice in one layer', RL040: 'invalid artifact entry',
  RL041: 'artifact metadata problem', RL042: 'artifact path missing', RL043: 'missing from .onextree',
  RL044: 'version directory not registered', RL045: 'work in progress (.wip)',
};

/** Where each code is documented: its section of the README (diagnostics link there). */
export const DOCS_BASE = 'https://github.com/registry-lens/registry-lens/blob/main/README.md';
export function codeDocsUrl(code: Code): string {
  return `${DOCS_BASE}#${code.toLowerCase()}`;
}

export interface DiagOptions { severity?: Severity; related?: RelatedInfo[]; fixes?: Fix[] }

/**
 * RL030 for a syntax error. Reading goes on after most mistakes, and the message says so; `unread`
 * mistakes (nesting or aliases past their bounds) end the reading, and their message says that instead.
 */
export function syntaxDiag(file: string, e: { range: Range; message: string; unread?: boolean }): Diagnostic {
  return diag(file, e.range, 'RL030', e.unread ? e.message : `${e.message}; the rest of the file is still analysed`);
}

export function diag(file: string, range: Range, code: Code, message: string, opts: DiagOptions = {}): Diagnostic {
  return {
    file, range, code, message,
    severity: opts.severity ?? DEFAULT_SEVERITY[code],
    related: opts.related ?? [],
    fixes: opts.fixes ?? [],
  };
}
