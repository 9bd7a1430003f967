// Reads the one photo of a multipart upload into memory, mapping every way an upload can go wrong to a 4xx.
import { DomainError, fail } from '@fellwatch/core';
import type { FastifyRequest } from 'fastify';

/** The form field that carries the photo. */
export const PHOTO_FIELD = 'photo';

/**
 * The bytes of the `photo` file in a multipart request. No file: 400. Past the configured upload
 * limit (the multipart plugin truncates the stream there): 413. Not multipart at all: 415.
 */
export async function readUploadedPhoto(request: FastifyRequest): Promise<Uint8Array> {
  const file = await request.file().catch(rethrowAsRefusal);
  if (!file) throw fail.invalid(`Attach the photo as a file in the "${PHOTO_FIELD}" field.`, PHOTO_FIELD);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of file.file) {
      // Past the limit the stream still drains the request; nothing more is kept.
      if (file.file.truncated) continue;
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).byteLength;
    }
  } catch (error) {
    rethrowAsRefusal(error);
  }
  if (file.file.truncated)
    throw new DomainError('too_large', 'The photo is larger than this server accepts.');
  if (file.fieldname !== PHOTO_FIELD) {
    throw fail.invalid(`Attach the photo as a file in the "${PHOTO_FIELD}" field.`, PHOTO_FIELD);
  }
  if (size === 0) throw fail.invalid('The photo is empty.', PHOTO_FIELD);
  return Buffer.concat(chunks, size);
}

/**
 * Errors of the multipart plugin carry a code and a 4xx status the error handler maps; anything else
 * (a cut-off or malformed body, as the form parser reports it) is the client's fault, not a 500.
 */
function rethrowAsRefusal(error: unknown): never {
  if (error instanceof DomainError) throw error;
  const e = error as { statusCode?: unknown };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) throw error;
  throw fail.invalid('The upload is not valid multipart form data.', PHOTO_FIELD);
}
