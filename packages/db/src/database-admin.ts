import pg from 'pg';

/** The database named in `url`, and a URL for the server's maintenance database `postgres`. */
function splitUrl(url: string): { name: string; adminUrl: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!name) throw new Error(`The database URL ${parsed.origin} names no database — add one, e.g. /spotter`);
  parsed.pathname = '/postgres';
  return { name, adminUrl: parsed.toString() };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withAdminClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` unless it exists. Returns whether it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const { name, adminUrl } = splitUrl(url);
  return withAdminClient(adminUrl, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (error) {
      // Another process created it between our check and our CREATE.
      if ((error as { code?: string }).code === '42P04') return false;
      throw error;
    }
  });
}

/** Drops the database named in `url`, disconnecting anyone still using it. */
export async function dropDatabase(url: string): Promise<void> {
  const { name, adminUrl } = splitUrl(url);
  await withAdminClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}
