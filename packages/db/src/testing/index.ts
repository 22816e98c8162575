import './provided-context';

export { type PostgresServer, startPostgresServer } from './postgres-server';
export { createTestDatabase, type TestDatabase } from './test-database';
