import { describe, expect, it } from 'vitest';
import { spawnServer } from './processes';

/** `node -e <code>`: a process whose behaviour each test spells out. */
const node = (code: string, options: Parameters<typeof spawnServer>[2] = {}) =>
  spawnServer(process.execPath, ['-e', code], options);

describe('spawnServer', () => {
  it('keeps what the process printed on stdout and stderr, and how it exited', async () => {
    const proc = node("console.log('to stdout'); console.error('to stderr'); process.exit(3)");

    expect(await proc.exited).toEqual({ code: 3, signal: null });
    expect(proc.output()).toContain('to stdout');
    expect(proc.output()).toContain('to stderr');
    expect(proc.isRunning()).toBe(false);
  });

  it('gives the process only the environment it was given, plus PATH and HOME', async () => {
    // VITEST is set in this test process: it must not leak into the server.
    const proc = node('console.log(JSON.stringify(process.env))', { env: { GREETING: 'hi' } });
    await proc.exited;

    expect(Object.keys(JSON.parse(proc.output())).sort()).toEqual(['GREETING', 'HOME', 'PATH']);
  });

  it('keeps only the tail of a long output', async () => {
    const proc = node("process.stdout.write('a'.repeat(5000) + 'the end')", { outputChars: 100 });
    await proc.exited;

    expect(proc.output()).toHaveLength(100);
    expect(proc.output().endsWith('the end')).toBe(true);
  });

  it('kills a process that ignores SIGTERM once the grace period is over', async () => {
    const proc = node("process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)", {
      graceMs: 300,
    });
    await proc.untilOutput((out) => (out.includes('ready') ? true : undefined), 'ready line', 10_000);

    expect(await proc.stop()).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('stops a process that honours SIGTERM with SIGTERM', async () => {
    const proc = node("console.log('ready'); setInterval(() => {}, 1000)");
    await proc.untilOutput((out) => (out.includes('ready') ? true : undefined), 'ready line', 10_000);

    expect(await proc.stop()).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('untilOutput resolves with what it found in the output', async () => {
    const proc = node("setTimeout(() => console.log('listening on 4711'), 200); setInterval(() => {}, 1000)");
    const port = await proc.untilOutput(
      (out) => /listening on (\d+)/.exec(out)?.[1],
      'listening line',
      10_000,
    );
    await proc.stop();

    expect(port).toBe('4711');
  });

  it('untilOutput fails, naming what it waited for, when the process exits first', async () => {
    const proc = node("console.log('something else'); process.exit(1)");

    await expect(proc.untilOutput(() => undefined, 'listening line', 10_000)).rejects.toThrow(
      'exited (code 1, signal null) with no listening line',
    );
  });

  it('says why when the program cannot be started', async () => {
    const proc = spawnServer('/nonexistent/server', []);

    const exit = await proc.exited;

    expect(exit.code).not.toBe(0);
    expect(proc.output()).toMatch(/nonexistent/);
  });
});
