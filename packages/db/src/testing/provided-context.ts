// What the global setup hands to every test through `inject()`. Importing `@spotter/db/testing`
// anywhere in a package's program is enough for `inject('databaseUrl')` to typecheck there.
// The type-only import makes this a module augmentation rather than a new ambient module.
import type {} from 'vitest';

declare module 'vitest' {
  interface ProvidedContext {
    /** A freshly migrated database of this test run, dropped when the run ends. */
    databaseUrl: string;
  }
}
