import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('./templates/spotter.conf.template', import.meta.url));

export type NginxTopology = {
  /** `host:port` (or a port alone) nginx listens on. */
  listen: string;
  /** The two web replicas, `host:port`. */
  web: [string, string];
  /** Two primary realtime replicas and the backup, `host:port`. */
  realtime: [string, string, string];
};

/**
 * Fills the proxy rules template with local addresses, exactly as the nginx image does with the
 * compose environment, and writes a main config that keeps every runtime file inside `dir`, so an
 * unprivileged test or developer can run `nginx -p <dir> -c nginx.conf`. Returns the main config path.
 */
export async function renderNginxConfig(dir: string, topology: NginxTopology): Promise<string> {
  const values: Record<string, string> = {
    SPOTTER_LISTEN: topology.listen,
    SPOTTER_WEB_1: topology.web[0],
    SPOTTER_WEB_2: topology.web[1],
    SPOTTER_REALTIME_1: topology.realtime[0],
    SPOTTER_REALTIME_2: topology.realtime[1],
    SPOTTER_REALTIME_BACKUP: topology.realtime[2],
  };
  const rules = (await readFile(TEMPLATE, 'utf8')).replace(
    /\$\{(SPOTTER_[A-Z0-9_]+)\}/g,
    (_, name: string) => {
      const value = values[name];
      if (value === undefined)
        throw new Error(`${TEMPLATE} uses \${${name}}, which render.mts does not know`);
      return value;
    },
  );
  await mkdir(join(dir, 'logs'), { recursive: true });
  await writeFile(join(dir, 'spotter.conf'), rules);
  const main = join(dir, 'nginx.conf');
  await writeFile(
    main,
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'logs/error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      `  access_log ${join(dir, 'logs/access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path ${join(dir, `${kind}_temp`)};`,
      ),
      `  include ${join(dir, 'spotter.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  return main;
}

// CLI: tsx deploy/nginx/render.mts <dir> <listen> <web1,web2> <realtime1,realtime2,backup>
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, listen, web, realtime] = process.argv.slice(2);
  const webList = web?.split(',') ?? [];
  const realtimeList = realtime?.split(',') ?? [];
  if (!dir || !listen || webList.length !== 2 || realtimeList.length !== 3) {
    process.stderr.write(
      'usage: tsx deploy/nginx/render.mts <dir> <listen> <web1,web2> <realtime1,realtime2,realtime-backup>\n' +
        'e.g.   tsx deploy/nginx/render.mts /tmp/spotter-nginx 127.0.0.1:8080 127.0.0.1:3001,127.0.0.1:3002 127.0.0.1:4001,127.0.0.1:4002,127.0.0.1:4003\n',
    );
    process.exit(2);
  }
  const main = await renderNginxConfig(dir, {
    listen,
    web: webList as [string, string],
    realtime: realtimeList as [string, string, string],
  });
  process.stdout.write(`${main}\nrun: nginx -p ${dir} -c ${main}\n`);
}
