// The diagnostic codes the shared step model raises (registries and components, companion metadata,
// modules), each declared once with its default severity and title; its documentation
// is the section `<a id="rlNNN">` of docs/diagnostics.md. Its readers and checks raise them, and the core's, through
// `diag`.
import { CORE_CODES, diagnostics, type CodeTable } from '../codes';

export const STEP_CODES = {
  RL002: { severity: 'warning', title: 'local step in several workspaces' },
  RL003: { severity: 'warning', title: 'local step shadows a core step' },
  RL004: { severity: 'error', title: 'override of a step core does not define' },
  RL005: { severity: 'error', title: 'builder class missing' },
  RL006: { severity: 'warning', title: 'config class missing' },
  RL007: { severity: 'information', title: 'spec/contract/script missing' },
  RL008: { severity: 'warning', title: 'required field missing or wrong type' },
  RL009: { severity: 'error', title: 'invalid name or id' },
  RL010: { severity: 'warning', title: 'unknown sagemaker_step_type' },
  RL011: { severity: 'error', title: 'two steps share a config_class or spec_type' },
  RL013: { severity: 'information', title: 'resolved through another workspace' },
  RL014: { severity: 'warning', title: 'WORKSPACE_STEPS is never read' },
  RL015: { severity: 'error', title: 'two workspaces with one id' },
  RL016: { severity: 'warning', title: 'unknown field close to a known one' },
  RL021: { severity: 'warning', title: 'companion without subject file' },
  RL022: { severity: 'error', title: 'unknown dependency' },
  RL023: { severity: 'error', title: 'dependency cycle' },
  RL024: { severity: 'error', title: 'duplicate module id' },
  RL025: { severity: 'warning', title: 'module ids differ only by case' },
  RL026: { severity: 'error', title: 'entry point not found or ambiguous' },
  RL027: { severity: 'warning', title: 'dependency version not satisfied' },
  RL028: { severity: 'error', title: 'duplicate namespace' },
  RL029: { severity: 'error', title: 'id map problem' },
  RL031: { severity: 'information', title: 'registry variable is not a literal' },
  RL072: { severity: 'error', title: 'dependency only a binding file registers' },
} as const satisfies CodeTable;

/** The one constructor of the step model's diagnostics: its codes and the core's. */
export const diag = diagnostics({ ...CORE_CODES, ...STEP_CODES });
