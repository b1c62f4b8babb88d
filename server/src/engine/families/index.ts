// The registry of families: the one place a family is added. Order matters where two families could
// claim a path (the first that classifies it wins): cursus registries and components, then apcore
// project files and modules, then companion metadata and the code files it names.
import type { RegistryFamily } from './family';
import { cursus } from './cursus';
import { apcore } from './apcore';
import { companions } from './companions';

export const FAMILIES: readonly RegistryFamily[] = [cursus, apcore, companions];
