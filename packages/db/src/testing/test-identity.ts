import { randomUUID } from 'node:crypto';

/** A fresh email and username for a test user called `name`, unique across tests and runs. */
export function testIdentity(name: string): { email: string; username: string } {
  const tag = randomUUID().slice(0, 8);
  const handle =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 20) || 'user';
  return { email: `${handle}-${tag}@test.spotter.dev`, username: `${handle}_${tag}` };
}
