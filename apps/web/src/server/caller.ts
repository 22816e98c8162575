import type { Session } from '@spotter/api';
import { getWebRuntime } from './runtime';

/** Calls procedures in-process from server components, as the given user. */
export function callerFor(session: Session) {
  return getWebRuntime().callerFor(session);
}
