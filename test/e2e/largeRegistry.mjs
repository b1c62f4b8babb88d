// A generated cursus repository with a large step graph for the e2e suite: `steps` core steps in
// STEP_NAMES, each with its builder and config module and (but the first) a `*_meta.yaml` companion
// depending on 1 to 3 of the 40 steps before it (bench/metaFiles.ts plans 0 to 3), so every step is a
// node of the graph. Deterministic; clean: `check` reports nothing.
import fs from 'node:fs';
import path from 'node:path';

const AREAS = ['Tabular', 'Text', 'Image', 'Risk', 'Currency', 'Label', 'Feature', 'Model', 'Batch', 'Stream'];
const ACTS = [
  'Loading',
  'Cleaning',
  'Preprocessing',
  'Selection',
  'Mapping',
  'Training',
  'Evaluation',
  'Calibration',
  'Packaging',
  'Registration',
];

/** The step names, in order: `TabularLoading1`, `TextLoading1`, …, `StreamRegistration5`. */
export function largeStepNames(steps) {
  return Array.from(
    { length: steps },
    (_, i) => `${AREAS[i % 10]}${ACTS[Math.floor(i / 10) % 10]}${Math.floor(i / 100) + 1}`,
  );
}

export function writeLargeRegistry(root, steps = 500) {
  const names = largeStepNames(steps);
  let seed = 2026;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  const rows = names.map(
    (n) =>
      `    "${n}": {\n        "config_class": "${n}Config",\n        "builder_step_name": "${n}StepBuilder",\n        "spec_type": "${n}",\n        "sagemaker_step_type": "Processing",\n        "description": "${n} step",\n    },`,
  );
  write(
    'src/cursus/registry/step_names.py',
    `"""Core registry of a generated organisation (${steps} steps)."""\n\nSTEP_NAMES = {\n${rows.join('\n')}\n}\n`,
  );
  names.forEach((n, i) => {
    const snake = n
      .replace(/(\d+)$/, '_$1')
      .replace(/(?<!^)([A-Z])/g, '_$1')
      .toLowerCase();
    write(`src/cursus/steps/builders/builder_${snake}_step.py`, `class ${n}StepBuilder:\n    """Builds ${n}."""\n`);
    write(`src/cursus/steps/configs/config_${snake}_step.py`, `class ${n}Config:\n    """Configures ${n}."""\n`);
    const deps = new Set(
      Array.from(
        { length: i === 0 ? 0 : 1 + Math.floor(rnd() * 3) },
        () => names[Math.max(0, i - 1 - Math.floor(rnd() * 40))],
      ),
    );
    if (deps.size > 0)
      write(
        `src/cursus/steps/builders/builder_${snake}_step_meta.yaml`,
        `dependencies:\n${[...deps].map((d) => `  - module_id: ${d}\n`).join('')}`,
      );
  });
  return names;
}
