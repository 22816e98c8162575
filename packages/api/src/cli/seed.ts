import { createPrismaClient } from '@spotter/db';
import { seedDemoData } from '../demo/seed-demo-data';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write(
    'DATABASE_URL is not set — e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/spotter\n',
  );
  process.exit(1);
}
const prisma = createPrismaClient(url, { maxConnections: 2 });
try {
  await seedDemoData(prisma);
  process.stdout.write('Seeded demo data: alice@, bob@, carol@spotter.dev (password spotter-demo).\n');
} catch (error) {
  process.stderr.write(`db:seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
