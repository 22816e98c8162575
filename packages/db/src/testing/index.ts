import './provided-context';

export { createTestDatabase, type TestDatabase } from './test-database';
export { testIdentity } from './test-identity';
