import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCache } from '../cache/create-cache';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { createApiHarness } from '../testing/api-harness';
import { countOf } from '../testing/count-of';

const metrics = createMetrics();
const cache = createCache({ logger: createLogger({ name: 'test', level: 'silent' }), metrics });
const h = createApiHarness(inject('databaseUrl'), { cache });
afterAll(() => h.close());

describe('the exercise library through the cache', () => {
  it('serves the library from memory, and one’s new exercise at once, to its owner only', async () => {
    const ann = await h.createUser('Ann');
    const ben = await h.createUser('Ben');
    const first = await ann.caller.exercise.list({});
    expect(first.length).toBeGreaterThanOrEqual(100);
    const hits = await countOf(metrics.cacheHits);
    await ann.caller.exercise.list({ muscleGroup: first[0]?.muscleGroup });
    expect(await countOf(metrics.cacheHits)).toBeGreaterThan(hits);

    const name = h.uniqueName('Zercher Carry');
    await ann.caller.exercise.create({ name, muscleGroup: 'Core', equipment: 'Barbell', kind: 'DURATION' });
    expect(await ann.caller.exercise.search({ query: name })).toMatchObject([{ name, isOwn: true }]);
    expect((await ann.caller.exercise.facets()).muscleGroups).toContain('Core');
    expect(await ben.caller.exercise.search({ query: name })).toEqual([]);
  });
});
