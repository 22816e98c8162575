import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs `npm <args>` at the repository's root (a build, usually) and resolves once it succeeded;
 * rejects with the end of its output, which is where a build says what went wrong.
 */
export async function runNpm(
  args: readonly string[],
  options: { timeoutMs: number; env?: Record<string, string> },
): Promise<void> {
  const result = await execa('npm', args, {
    cwd: REPO_ROOT,
    ...(options.env ? { env: options.env } : {}),
    stdin: 'ignore',
    all: true,
    reject: false,
    timeout: options.timeoutMs,
  });
  if (result.failed)
    throw new Error(`npm ${args.join(' ')} failed (${result.shortMessage}):\n${result.all.slice(-8_000)}`);
}
