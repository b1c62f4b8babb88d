// The registry of families: the one place a family is added. Order matters where two families could
// claim a path (the first that classifies it wins): cursus registries and components, cursus 2.x
// interface files and their loader's extras, then apcore project files and modules, then companion
// metadata and the code files it names, then ONEX registries, metadata, `.wip` markers and `.onextree` trees.
// The first four are members of the shared step model (step-registry/), which reads their facts.
import type { Family } from '../analysis/family';
import { cursus } from './cursus';
import { cursusInterfaces } from './cursus-interfaces';
import { apcore } from './apcore';
import { companions } from './companions';
import { onex } from './onex';

export const FAMILIES: readonly Family[] = [cursus, cursusInterfaces, apcore, companions, onex];
