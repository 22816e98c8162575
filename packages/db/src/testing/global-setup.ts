import type { TestProject } from 'vitest/node';
import './provided-context';
import { createTestDatabase } from './test-database';

/** Vitest global setup: one migrated throwaway database per test run, shared through `inject('databaseUrl')`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase();
  project.provide('databaseUrl', database.url);
  return () => database.drop();
}
