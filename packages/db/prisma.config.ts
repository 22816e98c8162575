import { defineConfig } from 'prisma/config';

// Read DATABASE_URL directly: `env('DATABASE_URL')` throws when it is unset, and `prisma generate`
// (run on every install) needs no database. Commands that do need one fail with Prisma's own message.
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(url ? { datasource: { url } } : {}),
});
