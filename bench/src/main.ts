import { writeFile } from 'node:fs/promises';
import { CACHE_USAGE, runCacheBench } from './cache/run-cache';
import { createCleanup } from './cleanup';
import { parseOptions, USAGE } from './options';
import { formatPresenceReport, runPresenceBench } from './presence/run-presence';
import { formatReport } from './report';
import { runBench } from './run';

// `npm run bench -- [options]`: exit 0 when every phase delivered every message exactly once,
// 1 on a correctness failure or a crash, 2 on a bad command line. Never on a slow figure.
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// `npm run bench -- presence`: the cost of presence (see presence/run-presence.ts), on its own.
if (process.argv[2] === 'presence') {
  const cleanup = createCleanup();
  let status = 0;
  try {
    const rows = await runPresenceBench([10, 500], cleanup, log);
    process.stdout.write(`\n${formatPresenceReport(rows)}\n`);
  } catch (error) {
    process.stderr.write(`presence bench failed: ${(error as Error).stack ?? String(error)}\n`);
    status = 1;
  } finally {
    await cleanup.run();
  }
  process.exit(status);
}

// `npm run bench -- cache`: a mode of its own (cache/run-cache.ts), with its own few options.
if (process.argv[2] === 'cache') {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${CACHE_USAGE}\n`);
    process.exit(0);
  }
  const cleanup = createCleanup();
  let status = 0;
  try {
    process.stdout.write(`\n${await runCacheBench(process.argv.slice(3), cleanup, log)}\n`);
  } catch (error) {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    status = 1;
  } finally {
    await cleanup.run();
  }
  process.exit(status);
}

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
  process.exit(2);
}
if (options === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const cleanup = createCleanup();
let status = 0;
try {
  const report = await runBench(options, cleanup, log);
  process.stdout.write(`\n${formatReport(report)}\n`);
  if (options.json) {
    await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`figures written to ${options.json}`);
  }
  if (report.problems.length > 0) status = 1;
} catch (error) {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  status = 1;
} finally {
  await cleanup.run();
}
process.exit(status);
