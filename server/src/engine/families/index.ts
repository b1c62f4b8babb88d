// The registry of families: the one place a family is added. Order matters where two families could
// claim a path (the first that classifies it wins): cursus registries and components, cursus 2.x
// interface files and their loader's extras, cursus pipeline DAGs and their catalogue index, cursus
// pipeline configs, then apcore project files and modules, then ONEX registries, metadata, `.wip` markers,
// `.onextree` trees and its registry loader's engine (a `.py` file, so before the companions, which claim
// every code file), then ONEX node contracts, their `pyproject.toml` entry points and gate files (after ONEX,
// whose versioned `contract.yaml` metadata they must not take), then companion metadata and the code files it
// names (an apcore convention: read by apcore's discovery rules, handed over here). All but the ONEX families,
// the DAGs and the configs (which only read it) are members of the step layer's model (engine/model/), which
// reads their facts; the registry also hands the engine the family that lays out new workspaces
// (`WORKSPACES`: cursus's developer workspaces).
import type { Family } from '../analysis/family';
import { cursus } from './cursus/registries';
import { cursusInterfaces } from './cursus/interfaces';
import { cursusDags } from './cursus/dags';
import { cursusConfigs } from './cursus/configs';
import { apcore, APCORE_DISCOVERY } from './apcore';
import { companionsFamily } from './apcore/companions';
import { onex } from './onex/artifacts';
import { onexContracts } from './onex/contracts';

export const FAMILIES: readonly Family[] = [
  cursus,
  cursusInterfaces,
  cursusDags,
  cursusConfigs,
  apcore,
  onex,
  onexContracts,
  companionsFamily(APCORE_DISCOVERY),
];

export { CURSUS_SCAFFOLDING as WORKSPACES } from './cursus/registries/scaffolding';
