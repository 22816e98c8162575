/** An avatar (≤ 2 MB, base64 in JSON: about 2.7 MB) is the largest body any procedure takes. */
export const MAX_HTTP_BODY_BYTES = 3 * 1024 * 1024;

function tooLarge(maxBytes: number): Response {
  const message = `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`;
  return Response.json({ error: { message, code: 'PAYLOAD_TOO_LARGE' } }, { status: 413 });
}

/**
 * Reads at most `maxBytes` of a request's body, so a 50 MB upload is cut off after the cap instead of
 * read in full: a declared Content-Length over the cap is refused before reading, and a chunked body
 * is counted as it arrives. Returns the request with its body in memory, or the 413 to answer.
 */
export async function capRequestBody(
  req: Request,
  maxBytes = MAX_HTTP_BODY_BYTES,
): Promise<Request | Response> {
  if (!req.body) return req;
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body: Buffer.concat(chunks),
    signal: req.signal,
  });
}
