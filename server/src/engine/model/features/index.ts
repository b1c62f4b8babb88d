// The shared step model's editor features, one module per feature: `modelFeatures` is what the core's
// dispatch (analysis/features.ts) asks when a file's family answers nothing.
import type { ModelFeatures } from '../../analysis/features';
import type { StepWorkspace } from '../stepWorkspace';
import { hover } from './hover';
import { definition, references } from './navigation';
import { completion } from './completion';
import { codeLenses, documentSymbols, workspaceSymbols } from './outline';
import { explain } from './explain';
import { list } from './list';
import { stepAt } from './stepAt';

export { prepareRename, rename } from './navigation';
export { fixAll, fixes } from './fixes';
export { fileGraph, graph } from './graph';
export { nameSites } from './nameSites';

/** The step model's answers, read through `ws`. */
export function modelFeatures(ws: StepWorkspace): ModelFeatures {
  return {
    hover: (file, pos) => hover(ws, file, pos),
    definition: (file, pos) => definition(ws, file, pos),
    references: (file, pos, includeDeclaration) => references(ws, file, pos, includeDeclaration),
    completion: (file, pos) => completion(ws, file, pos),
    documentSymbols: (file) => documentSymbols(ws, file),
    codeLenses: (file) => codeLenses(ws, file),
    workspaceSymbols: (query) => workspaceSymbols(ws, query),
    explain: (query) => explain(ws, query),
    list: (opts) => list(ws, opts),
    nameAt: (file, pos) => stepAt(ws, file, pos),
  };
}
