import { AccessDenied } from '@/components/channel/access-denied';

/**
 * What `notFound()` in ./page.tsx renders: inside the app shell (sidebar and all), with a way on,
 * rather than the framework's bare 404. The wording never tells a private channel from a missing one.
 */
export default function ChannelNotFound() {
  return <AccessDenied />;
}
