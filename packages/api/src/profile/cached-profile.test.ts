import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCache } from '../cache/create-cache';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { createApiHarness } from '../testing/api-harness';
import { countOf } from '../testing/count-of';
import { errorCode } from '../testing/error-code';

// One harness with a cache whose counters this file reads (memory only, as in single-instance mode).
const metrics = createMetrics();
const cache = createCache({ logger: createLogger({ name: 'test', level: 'silent' }), metrics });
const h = createApiHarness(inject('databaseUrl'), { cache });
afterAll(() => h.close());

const PIXEL_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('profiles through the cache', () => {
  it('answers a second read from the cache and shows every kind of edit at once', async () => {
    const ann = await h.createUser('Ann');
    const viewer = await h.createUser('Viewer');
    const hitsBefore = await countOf(metrics.cacheHits);
    await viewer.caller.profile.get({ username: ann.username });
    await viewer.caller.profile.get({ username: ann.username });
    expect(await countOf(metrics.cacheHits)).toBe(hitsBefore + 1);

    await ann.caller.profile.update({ bio: 'Squats daily', homeGym: 'Barbell Club', name: 'Annie' });
    expect(await viewer.caller.profile.get({ username: ann.username })).toMatchObject({
      name: 'Annie',
      bio: 'Squats daily',
      homeGym: 'Barbell Club',
    });
    expect(await viewer.caller.profile.get({ userId: ann.session.userId })).toMatchObject({ name: 'Annie' });

    const withPicture = await ann.caller.profile.setAvatar({ dataUrl: PIXEL_PNG });
    expect(withPicture.avatarUrl).not.toBeNull();
    expect((await viewer.caller.profile.get({ username: ann.username })).avatarUrl).toBe(
      withPicture.avatarUrl,
    );
    await ann.caller.profile.removeAvatar();
    expect((await viewer.caller.profile.get({ userId: ann.session.userId })).avatarUrl).toBeNull();
  });

  it('a rename frees the old handle at once and the new one finds the person', async () => {
    const ben = await h.createUser('Ben');
    const viewer = await h.createUser('Viewer');
    await viewer.caller.profile.get({ username: ben.username });
    const renamed = `${ben.username.slice(0, 20)}_new`;
    await ben.caller.profile.update({ username: renamed });

    expect(await errorCode(viewer.caller.profile.get({ username: ben.username }))).toBe('NOT_FOUND');
    expect(await viewer.caller.profile.get({ username: renamed })).toMatchObject({ id: ben.session.userId });
    expect(await viewer.caller.profile.get({ userId: ben.session.userId })).toMatchObject({
      username: renamed,
    });
  });

  it('never caches a block: a cached profile disappears for the blocked person at once', async () => {
    const cat = await h.createUser('Cat');
    const dan = await h.createUser('Dan');
    expect(await dan.caller.profile.get({ username: cat.username })).toMatchObject({ name: 'Cat' });
    await cat.caller.friends.block({ userId: dan.session.userId });
    expect(await errorCode(dan.caller.profile.get({ username: cat.username }))).toBe('NOT_FOUND');
  });

  it('a refused edit (a taken username) changes nothing that is shown', async () => {
    const eve = await h.createUser('Eve');
    const fay = await h.createUser('Fay');
    await fay.caller.profile.get({ username: eve.username });
    expect(await errorCode(eve.caller.profile.update({ username: fay.username, bio: 'x' }))).toBe('CONFLICT');
    expect(await fay.caller.profile.get({ username: eve.username })).toMatchObject({ bio: '', name: 'Eve' });
  });
});
