// Mistakes planted for test/package/lint.test.ts: `npm run lint`'s configuration must report each line
// marked `expect:` with that rule, and nothing else (eslint.config.mjs leaves this file out of the tree's
// lint). Its own tsconfig.json keeps the typed lint of this one file fast.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path'; // expect: @typescript-eslint/no-unused-vars

async function answer(): Promise<number> {
  return Promise.resolve(42);
}

class Store {
  save(): Promise<void> {
    return writeFile('/dev/null', '');
  }
}

export function planted(done: () => Promise<void>): void {
  writeFile('/dev/null', ''); // expect: @typescript-eslint/no-floating-promises
  answer(); // expect: @typescript-eslint/no-floating-promises
  new Store().save(); // expect: @typescript-eslint/no-floating-promises
  done().then(() => undefined); // expect: @typescript-eslint/no-floating-promises
  void done(); // marked as intentionally not awaited: not reported
  const unused = 1; // expect: @typescript-eslint/no-unused-vars
}

function neverCalled(): void {} // expect: @typescript-eslint/no-unused-vars
