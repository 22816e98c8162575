/** A random id for one send. Unlike crypto.randomUUID it also works on plain-http LAN addresses. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
