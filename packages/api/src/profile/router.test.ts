import sharp from 'sharp';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { AVATAR_MAX_BYTES } from './avatar-image';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

/** A real picture, made here: a wide red rectangle with a blue right half, as a data URL. */
async function pngDataUrl(width = 600, height = 300) {
  const png = await sharp({ create: { width, height, channels: 3, background: '#d02020' } })
    .composite([
      {
        input: { create: { width: width / 2, height, channels: 3, background: '#2020d0' } },
        left: width / 2,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

const storedAvatar = (userId: string) => h.prisma.avatar.findUnique({ where: { userId } });

describe('profile.get', () => {
  it('shows a profile with the caller’s side of the relationship; one’s own has none', async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    await alice.caller.profile.update({ bio: 'Deadlifts on Mondays', homeGym: 'Iron Temple' });
    await alice.caller.friends.request({ username: bob.username });

    expect(await bob.caller.profile.get({ username: alice.username.toUpperCase() })).toEqual({
      id: alice.session.userId,
      username: alice.username,
      name: 'Alice',
      bio: 'Deadlifts on Mondays',
      homeGym: 'Iron Temple',
      avatarUrl: null,
      relationship: 'INCOMING',
      createdAt: expect.any(Date),
    });
    expect((await alice.caller.profile.get({ userId: bob.session.userId })).relationship).toBe('OUTGOING');
    expect((await alice.caller.profile.get({ username: alice.username })).relationship).toBeNull();
  });

  it('answers a blocker exactly like someone who does not exist', async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    await alice.caller.friends.block({ userId: bob.session.userId });
    const failure = (call: Promise<unknown>) =>
      call.then(
        () => 'no error',
        (error: { code: string; message: string }) => `${error.code}: ${error.message}`,
      );
    const hidden = await failure(bob.caller.profile.get({ username: alice.username }));
    expect(hidden).toMatch(/^NOT_FOUND/);
    expect(await failure(bob.caller.profile.get({ username: 'no_one_by_this_name' }))).toBe(hidden);
    expect(await failure(bob.caller.profile.get({ userId: alice.session.userId }))).toBe(hidden);
    // The blocker still sees the person they blocked.
    expect((await alice.caller.profile.get({ username: bob.username })).relationship).toBe('BLOCKED');
    expect(await errorCode(bob.caller.profile.get({ username: 'Not a handle!' }))).toBe('BAD_REQUEST');
    expect(await errorCode(h.anonymous().profile.get({ username: alice.username }))).toBe('UNAUTHORIZED');
  });
});

describe('profile.search', () => {
  it('finds by username prefix or name substring in any case, never oneself nor those who blocked one', async () => {
    const tag = h.uniqueName('').trim().slice(0, 6);
    const me = await h.createUser(`Zed ${tag}`);
    const coach = await h.createUser(`Coach ${tag}Quinn`);
    const blocker = await h.createUser(`Blocker ${tag}`);
    const blocked = await h.createUser(`Blocked ${tag}`);
    await blocker.caller.friends.block({ userId: me.session.userId });
    await me.caller.friends.block({ userId: blocked.session.userId });

    const names = async (query: string) =>
      (await me.caller.profile.search({ query })).map((person) => person.name).sort();
    // Everyone here has the tag in their name; the one who blocked the caller is missing.
    expect(await names(tag.toUpperCase())).toEqual([`Blocked ${tag}`, `Coach ${tag}Quinn`]);
    expect(await names(`${tag}quinn`)).toEqual([`Coach ${tag}Quinn`]);
    expect(await names(coach.username.slice(0, 12).toUpperCase())).toEqual([`Coach ${tag}Quinn`]);
    // A username matches by prefix only.
    expect(await names(coach.username.slice(3))).toEqual([]);
    const [found] = await me.caller.profile.search({ query: coach.username });
    expect(found).toEqual({
      id: coach.session.userId,
      username: coach.username,
      name: `Coach ${tag}Quinn`,
      avatarUrl: null,
    });
    // Blocking someone does not hide them from one's own searches (to find them and unblock).
    expect(await blocker.caller.profile.search({ query: tag })).toHaveLength(3);
  });

  it('refuses empty, long and over-limit searches', async () => {
    const me = await h.createUser('Searcher');
    expect(await errorCode(me.caller.profile.search({ query: '  ' }))).toBe('BAD_REQUEST');
    expect(await errorCode(me.caller.profile.search({ query: 'x'.repeat(51) }))).toBe('BAD_REQUEST');
    expect(await errorCode(me.caller.profile.search({ query: 'a', limit: 21 }))).toBe('BAD_REQUEST');
    expect(await me.caller.profile.search({ query: 'a', limit: 20 })).not.toHaveLength(21);
  });
});

describe('profile.update', () => {
  it('changes name, username, bio and gym, and refuses a taken username with a clear message', async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    const username = `al_${alice.session.userId.slice(-8)}`;
    const updated = await alice.caller.profile.update({
      name: '  Alice Lifts ',
      username: username.toUpperCase(),
      bio: 'Powerlifter',
      homeGym: 'Barbell Club',
    });
    expect(updated).toMatchObject({
      name: 'Alice Lifts',
      username,
      bio: 'Powerlifter',
      homeGym: 'Barbell Club',
    });
    expect((await bob.caller.profile.get({ username })).name).toBe('Alice Lifts');

    const taken = await bob.caller.profile
      .update({ username })
      .catch((error: { code: string; message: string }) => error);
    expect(taken).toMatchObject({
      code: 'CONFLICT',
      message: `The username "${username}" is taken. Pick another.`,
    });
    const before = await h.prisma.user.findUniqueOrThrow({ where: { id: bob.session.userId } });
    expect(await errorCode(bob.caller.profile.update({ bio: 'x'.repeat(301) }))).toBe('BAD_REQUEST');
    expect(await errorCode(bob.caller.profile.update({ homeGym: 'x'.repeat(81) }))).toBe('BAD_REQUEST');
    expect(await errorCode(bob.caller.profile.update({ username: 'no spaces' }))).toBe('BAD_REQUEST');
    expect(await errorCode(bob.caller.profile.update({ name: ' ' }))).toBe('BAD_REQUEST');
    expect(await h.prisma.user.findUniqueOrThrow({ where: { id: bob.session.userId } })).toEqual(before);
  });
});

describe('avatars', () => {
  it('stores an uploaded PNG as a 256×256 WebP, shows its URL, and removes it', async () => {
    const alice = await h.createUser('Alice');
    const profile = await alice.caller.profile.setAvatar({ dataUrl: await pngDataUrl() });
    const stored = await storedAvatar(alice.session.userId);
    expect(stored?.contentType).toBe('image/webp');
    expect(profile.avatarUrl).toBe(`/api/avatar/${alice.session.userId}?v=${stored?.updatedAt.getTime()}`);
    const image = sharp(Buffer.from(stored?.data ?? []));
    expect(await image.metadata()).toMatchObject({ format: 'webp', width: 256, height: 256 });
    // Cropped to cover the square: the red left edge and the blue right edge both survive.
    const { data } = await image.raw().toBuffer({ resolveWithObject: true });
    const channels = data.length / (256 * 256);
    const pixel = (x: number) =>
      Array.from(data.subarray(128 * 256 * channels + x * channels, 128 * 256 * channels + x * channels + 3));
    expect(pixel(2)[0]).toBeGreaterThan(150);
    expect(pixel(253)[2]).toBeGreaterThan(150);

    const other = await h.createUser('Bob');
    const [entry] = await other.caller.profile.search({ query: alice.username });
    expect(entry?.avatarUrl).toBe(profile.avatarUrl);

    expect((await alice.caller.profile.removeAvatar()).avatarUrl).toBeNull();
    expect(await storedAvatar(alice.session.userId)).toBeNull();
  });

  it('refuses pictures over 2 MB and things that are not images, keeping the current one', async () => {
    const alice = await h.createUser('Alice');
    await alice.caller.profile.setAvatar({ dataUrl: await pngDataUrl(40, 40) });
    const before = await storedAvatar(alice.session.userId);
    const set = (dataUrl: string) => errorCode(alice.caller.profile.setAvatar({ dataUrl }));
    const base64 = (bytes: Buffer) => bytes.toString('base64');

    expect(await set(`data:image/png;base64,${base64(Buffer.alloc(AVATAR_MAX_BYTES + 1, 7))}`)).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(await set(`data:image/png;base64,${base64(Buffer.from('not a picture at all'))}`)).toBe(
      'BAD_REQUEST',
    );
    expect(await set('https://example.com/me.png')).toBe('BAD_REQUEST');
    expect(await set('data:text/plain;base64,aGVsbG8=')).toBe('BAD_REQUEST');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    expect(await set(`data:image/svg+xml;base64,${base64(Buffer.from(svg))}`)).toBe('BAD_REQUEST');
    expect(await set('x'.repeat(6_000_000))).toBe('BAD_REQUEST');
    expect(await storedAvatar(alice.session.userId)).toEqual(before);
    expect(await errorCode(h.anonymous().profile.removeAvatar())).toBe('UNAUTHORIZED');
  });

  it('accepts a picture of exactly 2 MB', async () => {
    const alice = await h.createUser('Alice');
    // A PNG padded to exactly the limit with trailing bytes, which decoders ignore.
    const png = Buffer.from((await pngDataUrl(64, 64)).split(',')[1] as string, 'base64');
    const padded = Buffer.concat([png, Buffer.alloc(AVATAR_MAX_BYTES - png.length)]);
    const profile = await alice.caller.profile.setAvatar({
      dataUrl: `data:image/png;base64,${padded.toString('base64')}`,
    });
    expect(profile.avatarUrl).not.toBeNull();
  });
});
