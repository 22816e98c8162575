import { describe, expect, it } from 'vitest';
import { capRequestBody } from './http-body-cap';

const url = 'http://127.0.0.1/api/trpc/message.send';

/** A chunked upload of `chunks` × 64 KiB that counts how much of it was pulled. */
function endlessUpload(chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(64 * 1024));
    },
  });
  return { body, pulled: () => pulled * 64 * 1024 };
}

describe('the HTTP body cap', () => {
  it('refuses a declared oversized body before reading it', async () => {
    const upload = endlessUpload(800);
    const req = new Request(url, {
      method: 'POST',
      headers: { 'content-length': String(50 * 1024 * 1024) },
      body: upload.body,
      duplex: 'half',
    } as RequestInit);
    const answer = await capRequestBody(req, 1024 * 1024);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(413);
    expect(upload.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('stops reading a chunked body at the cap', async () => {
    const upload = endlessUpload(800); // 50 MiB
    const req = new Request(url, { method: 'POST', body: upload.body, duplex: 'half' } as RequestInit);
    const answer = await capRequestBody(req, 1024 * 1024);
    expect((answer as Response).status).toBe(413);
    expect(await (answer as Response).json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(upload.pulled()).toBeLessThan(2 * 1024 * 1024);
  });

  it('passes a body under the cap through unchanged', async () => {
    const body = JSON.stringify({ json: { body: 'squat day' } });
    const req = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = await capRequestBody(req, 1024);
    expect(answer).toBeInstanceOf(Request);
    expect(await (answer as Request).text()).toBe(body);
    expect((answer as Request).headers.get('content-type')).toBe('application/json');
  });
});
