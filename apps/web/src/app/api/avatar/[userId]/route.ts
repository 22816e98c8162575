import { getWebRuntime } from '@/server/runtime';
import { getSession } from '@/server/session';

/**
 * A user's profile picture, for signed-in people. Its URL carries the upload time (`?v=`), so the
 * current version may be cached for good; an older or missing version gets today's picture, not
 * cached, so a stale link still shows the right face.
 */
export async function GET(req: Request, { params }: { params: Promise<{ userId: string }> }) {
  if (!(await getSession())) return new Response('Sign in to see profile pictures.', { status: 401 });
  const { userId } = await params;
  const avatar = userId.length <= 64 ? await getWebRuntime().avatars.get(userId) : null;
  if (!avatar) {
    return new Response('No profile picture.', { status: 404, headers: { 'cache-control': 'no-store' } });
  }
  const version = new URL(req.url).searchParams.get('v');
  const isCurrent = version === String(avatar.updatedAt.getTime());
  return new Response(new Uint8Array(avatar.data), {
    headers: {
      'content-type': avatar.contentType,
      'cache-control': isCurrent ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      'x-content-type-options': 'nosniff',
    },
  });
}
