// The ImageProcessor port on sharp: sniff uploads by their bytes, bound their size, re-encode without metadata.
import { createHash } from 'node:crypto';
import { DomainError, type ImageProcessor, type ProcessedImage } from '@fellwatch/core';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';

/** Upload bounds: bytes as received, and pixels as declared by the image header. */
export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

/** 15 MiB and 40 megapixels: room for any phone photo, too little for a decompression bomb. */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxBytes: 15 * 1024 * 1024, maxPixels: 40_000_000 };

const DISPLAY_SIZE = 1600;
const THUMB_SIZE = 320;
const ACCEPTED = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;
type AcceptedType = keyof typeof ACCEPTED;

/** Makes an ImageProcessor that accepts JPEG, PNG and WebP within the limits. */
export function createImageProcessor(limits: ImageLimits = DEFAULT_IMAGE_LIMITS): ImageProcessor {
  return {
    async process(bytes: Uint8Array): Promise<ProcessedImage> {
      if (bytes.byteLength > limits.maxBytes) {
        throw new DomainError('too_large', `Photos may be at most ${formatBytes(limits.maxBytes)}.`);
      }
      const originalType = await sniff(bytes);
      try {
        return await reencode(bytes, originalType, limits.maxPixels);
      } catch (error) {
        throw toDomainError(error, limits.maxPixels);
      }
    },
  };
}

/** The type the bytes really are, whatever name or content type the upload claimed. */
async function sniff(bytes: Uint8Array): Promise<AcceptedType> {
  const found = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (found && Object.hasOwn(ACCEPTED, found.mime)) return found.mime as AcceptedType;
  const what = found ? found.mime : 'not an image we recognise';
  throw new DomainError('unsupported_media', `Photos must be JPEG, PNG or WebP; this file is ${what}.`);
}

async function reencode(
  bytes: Uint8Array,
  originalType: AcceptedType,
  maxPixels: number,
): Promise<ProcessedImage> {
  const input = {
    limitInputPixels: maxPixels,
    // A truncated upload (common on poor signal) must be refused, not stored half grey.
    failOn: 'warning' as const,
  };
  // sharp sniffs again on its own; a file that file-type and libvips read as different formats is refused.
  const header = await sharp(bytes, input).metadata();
  if (header.format !== ACCEPTED[originalType]) {
    throw new DomainError(
      'unsupported_media',
      `This file claims to be ${originalType} but does not decode as one.`,
    );
  }
  // Decode once: orient by EXIF, bound to the display size, flatten transparency onto white, and
  // take plain 8-bit sRGB pixels. Both copies are encoded from these pixels, which carry no metadata
  // at all, so no EXIF, GPS, XMP, IPTC or ICC data can reach a member.
  const { data, info } = await sharp(bytes, input)
    .rotate()
    .resize(DISPLAY_SIZE, DISPLAY_SIZE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const [display, thumb] = await Promise.all([
    sharp(data, raw).jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
    sharp(data, raw)
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 70, mozjpeg: true })
      .toBuffer(),
  ]);
  return {
    originalType,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: info.width,
    height: info.height,
    display,
    thumb,
  };
}

/** Maps anything sharp throws to a refusal; a library error must never become a 500. */
function toDomainError(error: unknown, maxPixels: number): DomainError {
  if (error instanceof DomainError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    const megapixels = Math.round(maxPixels / 1_000_000);
    return new DomainError('too_large', `Photos may be at most ${megapixels} megapixels.`);
  }
  return new DomainError('unsupported_media', 'This photo is damaged or incomplete and cannot be read.');
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${n} bytes`;
}
