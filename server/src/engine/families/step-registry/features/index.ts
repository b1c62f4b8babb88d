// The engine's query functions, one module per feature; those a family may answer for its own files
// go through familyFirst.ts.
export {
  explain,
  hover,
  definition,
  references,
  completion,
  documentSymbols,
  workspaceSymbols,
  codeLenses,
  documentLinks,
  list,
  stepAt,
  familyNames,
} from './familyFirst';
export { prepareRename, rename } from './navigation';
export { fixAll, fixes } from './fixes';
export { fileGraph, graph } from './graph';
export { nameSites } from './nameSites';
