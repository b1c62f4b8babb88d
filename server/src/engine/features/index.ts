// The engine's query functions, one module per feature.
export { explain } from './explain';
export { hover } from './hover';
export { definition, references, prepareRename, rename } from './navigation';
export { completion } from './completion';
export { fixAll, fixes } from './fixes';
export { documentSymbols, workspaceSymbols, codeLenses } from './outline';
export { list } from './list';
export { stepAt } from './stepAt';
export { graph } from './graph';
