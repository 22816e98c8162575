import './provided-context';

export { createTestDatabase, type TestDatabase } from './test-database';
