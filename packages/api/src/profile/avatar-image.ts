import { AppError } from '../errors';

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_SIZE = 256;
export const AVATAR_CONTENT_TYPE = 'image/webp';

/** What people upload from phones and cameras; SVG and TIFF are refused (scripts, huge decoders). */
const READABLE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif']);
/** A picture this large (e.g. 8000×8000) would take hundreds of MB to decode for a 256-pixel square. */
const MAX_INPUT_PIXELS = 50_000_000;
const DATA_URL = /^data:image\/[a-z0-9.+-]+;base64,([A-Za-z0-9+/]*={0,2})$/i;

const notAnImage = () =>
  new AppError('BAD_REQUEST', 'That file is not an image Spotter can read. Upload a PNG, JPEG, WebP or GIF.');

/**
 * Turns an uploaded `data:image/…;base64,…` URL into the stored picture: a 256×256 WebP, cropped to
 * fill the square (sharp: libvips, the library Next.js itself resizes images with). The decoded size
 * is checked before anything is decoded.
 */
export async function avatarFromDataUrl(dataUrl: string): Promise<{ contentType: string; data: Uint8Array }> {
  const base64 = DATA_URL.exec(dataUrl)?.[1];
  if (base64 === undefined) throw notAnImage();
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bytes = (base64.length / 4) * 3 - padding;
  if (bytes > AVATAR_MAX_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    throw new AppError('PAYLOAD_TOO_LARGE', `That picture is ${mb} MB; an avatar can be at most 2 MB.`);
  }
  // Loaded on first upload only: processes that never resize an image never load libvips.
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(Buffer.from(base64, 'base64'), { limitInputPixels: MAX_INPUT_PIXELS });
    const { format } = await image.metadata();
    if (!format || !READABLE_FORMATS.has(format)) throw notAnImage();
    const data = await image
      .rotate() // honours the camera's orientation tag, as the photo looked on the phone
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer();
    return { contentType: AVATAR_CONTENT_TYPE, data };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notAnImage();
  }
}
