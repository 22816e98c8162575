import type { StandardSchemaV1 } from '@t3-oss/env-core';

/** Thrown for a configuration an app refuses to run with; each problem says what to change. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'EnvError';
  }
}

/**
 * `onValidationError` for createEnv: every problem at once, so one restart fixes them all. A
 * message that does not name its variable (zod's own, e.g. "Too big") gets the name in front.
 */
export function throwEnvError(issues: readonly StandardSchemaV1.Issue[]): never {
  throw new EnvError(
    issues.map((issue) => {
      const key = issue.path?.[0];
      const name = typeof key === 'object' ? String(key.key) : key === undefined ? '' : String(key);
      return name && !issue.message.includes(name) ? `${name}: ${issue.message}` : issue.message;
    }),
  );
}
