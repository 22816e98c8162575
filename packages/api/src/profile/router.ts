import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Id } from '../schemas';
import { DisplayName } from '../text/safe-name';
import { protectedProcedure } from '../trpc';
import { AVATAR_MAX_BYTES, avatarFromDataUrl } from './avatar-image';
import { databaseAvatarStore } from './avatar-store';
import { invalidateProfile } from './cached-profile';
import { getProfile, ownProfile, searchPeople, updateProfile } from './service';
import { Username } from './username';

export const BIO_MAX = 300;
export const HOME_GYM_MAX = 80;

/** By @handle (profile pages) or by id (a message's author, whose handle the message does not carry). */
export const GetProfileInput = z.union([z.object({ username: Username }), z.object({ userId: Id })]);
export type GetProfileInput = z.infer<typeof GetProfileInput>;

export const SearchPeopleInput = z.object({
  query: z.string().trim().min(1, 'Type part of a name or username.').max(50),
  limit: z.number().int().min(1).max(20).default(10),
});
export type SearchPeopleInput = z.infer<typeof SearchPeopleInput>;

export const UpdateProfileInput = z.object({
  name: DisplayName.optional(),
  username: Username.optional(),
  bio: z.string().trim().max(BIO_MAX, `A bio can be at most ${BIO_MAX} characters.`).optional(),
  homeGym: z
    .string()
    .trim()
    .max(HOME_GYM_MAX, `A gym name can be at most ${HOME_GYM_MAX} characters.`)
    .optional(),
});
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

// Base64 takes 4 characters per 3 bytes: this leaves room for a 2 MB picture, so anything between
// 2 MB and this cap gets the precise PAYLOAD_TOO_LARGE from the service rather than a zod message.
const DATA_URL_MAX = Math.ceil((AVATAR_MAX_BYTES * 4) / 3) * 2;

export const SetAvatarInput = z.object({
  dataUrl: z.string().max(DATA_URL_MAX, 'An avatar can be at most 2 MB.'),
});
export type SetAvatarInput = z.infer<typeof SetAvatarInput>;

/** Profiles: one's own (edit, picture) and other people's (look up, search). */
export const profileRouter = {
  get: protectedProcedure
    .input(GetProfileInput)
    .query(({ ctx, input }) => getProfile(ctx, ctx.session.userId, input)),

  search: protectedProcedure
    .input(SearchPeopleInput)
    .query(({ ctx, input }) => searchPeople(ctx.prisma, { userId: ctx.session.userId, ...input })),

  update: protectedProcedure
    .input(UpdateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx, ctx.session.userId, input)),

  /** Takes a `data:image/…;base64,` URL of at most 2 MB; stores it as a 256×256 WebP. */
  setAvatar: protectedProcedure.input(SetAvatarInput).mutation(async ({ ctx, input }) => {
    const image = await avatarFromDataUrl(input.dataUrl);
    await databaseAvatarStore(ctx.prisma).put(ctx.session.userId, image);
    await invalidateProfile(ctx, ctx.session.userId);
    return ownProfile(ctx, ctx.session.userId);
  }),

  removeAvatar: protectedProcedure.mutation(async ({ ctx }) => {
    await databaseAvatarStore(ctx.prisma).remove(ctx.session.userId);
    await invalidateProfile(ctx, ctx.session.userId);
    return ownProfile(ctx, ctx.session.userId);
  }),
} satisfies TRPCRouterRecord;
