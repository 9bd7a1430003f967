// Tests of the sharp image processor: what members get back carries no metadata, and hostile uploads are refused.
import { createHash } from 'node:crypto';
import { DomainError, type ProcessedImage } from '@fellwatch/core';
import sharp, { type Color } from 'sharp';
import { describe, expect, it } from 'vitest';
import { createImageProcessor, DEFAULT_IMAGE_LIMITS } from './image-processor.js';
import { createTestJpegWithGps, hasGpsExif } from './test-support/images.js';

const images = createImageProcessor(DEFAULT_IMAGE_LIMITS);
const RED = { r: 220, g: 20, b: 20 };
const BLUE = { r: 20, g: 20, b: 220 };

function solid(width: number, height: number, background: Color = RED, channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background } });
}

/** A JPEG stored with its left half red and right half blue, and an EXIF orientation tag. */
async function halvesJpeg(width: number, height: number, orientation: number): Promise<Buffer> {
  const blue = await solid(width / 2, height, BLUE)
    .png()
    .toBuffer();
  const pixels = await solid(width, height)
    .composite([{ input: blue, left: width / 2, top: 0 }])
    .png()
    .toBuffer();
  return sharp(pixels).jpeg().withMetadata({ orientation }).toBuffer();
}

async function pixelAt(image: Uint8Array, x: number, y: number): Promise<number[]> {
  return Array.from(await sharp(image).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer());
}

async function expectNoMetadata(image: Uint8Array): Promise<void> {
  const meta = await sharp(image).metadata();
  expect(meta.format).toBe('jpeg');
  expect(meta.exif).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.orientation).toBeUndefined();
  expect(await hasGpsExif(image)).toBe(false);
}

async function expectRefused(work: Promise<ProcessedImage>, code: string, message?: RegExp): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (message) expect((error as DomainError).message).toMatch(message);
}

describe('createImageProcessor', () => {
  it('strips EXIF with GPS, and the ICC profile, from both copies of a phone JPEG', async () => {
    const original = await sharp(await createTestJpegWithGps())
      .withIccProfile('p3')
      .keepExif()
      .toBuffer();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(before.icc).toBeDefined();
    expect(await hasGpsExif(original)).toBe(true);

    const result = await images.process(original);
    expect(result.originalType).toBe('image/jpeg');
    await expectNoMetadata(result.display);
    await expectNoMetadata(result.thumb);
  });

  it('gives the SHA-256 of the original bytes, not of a copy', async () => {
    const original = await createTestJpegWithGps();
    const result = await images.process(original);
    expect(result.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(result.sha256).not.toBe(createHash('sha256').update(result.display).digest('hex'));
  });

  it('applies the EXIF orientation to the pixels, and reports the size after turning', async () => {
    // Orientation 6: turn 90 degrees clockwise to view, so the stored left half shows at the top.
    const result = await images.process(await halvesJpeg(400, 200, 6));
    expect({ width: result.width, height: result.height }).toEqual({ width: 200, height: 400 });
    const meta = await sharp(result.display).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({ width: 200, height: 400 });
    const [top, bottom] = [await pixelAt(result.display, 100, 50), await pixelAt(result.display, 100, 350)];
    expect(top[0]).toBeGreaterThan(180);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(180);
    expect(bottom[0]).toBeLessThan(60);
    const thumb = await sharp(result.thumb).metadata();
    expect({ width: thumb.width, height: thumb.height }).toEqual({ width: 160, height: 320 });
  });

  it('bounds the display copy to 1600 px and the thumbnail to 320 px on the long side', async () => {
    const wide = await images.process(await solid(4000, 3000).jpeg().toBuffer());
    expect({ width: wide.width, height: wide.height }).toEqual({ width: 1600, height: 1200 });
    const wideThumb = await sharp(wide.thumb).metadata();
    expect({ width: wideThumb.width, height: wideThumb.height }).toEqual({ width: 320, height: 240 });

    const tall = await images.process(await solid(1000, 3000).png().toBuffer());
    expect({ width: tall.width, height: tall.height }).toEqual({ width: 533, height: 1600 });
    const tallThumb = await sharp(tall.thumb).metadata();
    expect({ width: tallThumb.width, height: tallThumb.height }).toEqual({ width: 107, height: 320 });
  });

  it('never enlarges a small photo', async () => {
    const result = await images.process(await solid(200, 100).webp().toBuffer());
    expect({ width: result.width, height: result.height }).toEqual({ width: 200, height: 100 });
    const thumb = await sharp(result.thumb).metadata();
    expect({ width: thumb.width, height: thumb.height }).toEqual({ width: 200, height: 100 });
  });

  it('accepts PNG and WebP, re-encoding them as JPEG without their metadata', async () => {
    const png = await solid(640, 480).png().withXmp(XMP).toBuffer();
    expect((await sharp(png).metadata()).xmp).toBeDefined();
    const webp = await solid(640, 480, BLUE)
      .webp()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '54/1 0/1 0/1' } })
      .toBuffer();
    expect(await hasGpsExif(webp)).toBe(true);

    const fromPng = await images.process(png);
    const fromWebp = await images.process(webp);
    expect(fromPng.originalType).toBe('image/png');
    expect(fromWebp.originalType).toBe('image/webp');
    for (const copy of [fromPng.display, fromPng.thumb, fromWebp.display, fromWebp.thumb])
      await expectNoMetadata(copy);
  });

  it('puts transparent areas on white, not black', async () => {
    const clear = await solid(300, 300, { r: 0, g: 0, b: 0, alpha: 0 }, 4).png().toBuffer();
    const result = await images.process(clear);
    expect(await pixelAt(result.display, 150, 150)).toEqual([255, 255, 255]);
    expect((await sharp(result.display).metadata()).channels).toBe(3);
  });

  it('turns greyscale, CMYK and 16-bit inputs into plain 8-bit sRGB', async () => {
    const inputs = [
      await solid(300, 200).greyscale().jpeg().toBuffer(),
      await solid(300, 200).toColourspace('cmyk').jpeg().toBuffer(),
      await solid(300, 200).toColourspace('rgb16').png().toBuffer(),
    ];
    for (const input of inputs) {
      const meta = await sharp((await images.process(input)).display).metadata();
      expect(meta).toMatchObject({ space: 'srgb', channels: 3, depth: 'uchar' });
    }
  });

  it('refuses a GIF, naming what it found', async () => {
    const gif = await solid(50, 50).gif().toBuffer();
    await expectRefused(images.process(gif), 'unsupported_media', /image\/gif/);
  });

  it('refuses text, SVG and empty uploads, whatever they claim to be', async () => {
    await expectRefused(images.process(Buffer.from('This is not a photo.\n')), 'unsupported_media');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    await expectRefused(images.process(Buffer.from(svg)), 'unsupported_media');
    await expectRefused(images.process(new Uint8Array()), 'unsupported_media');
  });

  it('refuses a truncated JPEG and a PNG whose body is garbage', async () => {
    const jpeg = await createTestJpegWithGps();
    await expectRefused(images.process(jpeg.subarray(0, Math.floor(jpeg.length / 2))), 'unsupported_media');
    const png = await solid(64, 64).png().toBuffer();
    const broken = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 0x5a)]);
    await expectRefused(images.process(broken), 'unsupported_media');
  });

  it('refuses an upload over the byte limit', async () => {
    const jpeg = await createTestJpegWithGps();
    const small = createImageProcessor({ maxBytes: jpeg.length - 1, maxPixels: 40_000_000 });
    await expectRefused(small.process(jpeg), 'too_large');
    await expect(
      createImageProcessor({ maxBytes: jpeg.length, maxPixels: 40_000_000 }).process(jpeg),
    ).resolves.toMatchObject({ width: 800, height: 600 });
  });

  it('refuses a decompression bomb: a small PNG declaring 100 megapixels', async () => {
    const bomb = await solid(10_000, 10_000, { r: 255, g: 255, b: 255 })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(DEFAULT_IMAGE_LIMITS.maxBytes);
    await expectRefused(images.process(bomb), 'too_large', /megapixels/);
  });

  it('refuses a photo over a lower pixel limit', async () => {
    const strict = createImageProcessor({ maxBytes: DEFAULT_IMAGE_LIMITS.maxBytes, maxPixels: 100_000 });
    await expectRefused(strict.process(await createTestJpegWithGps()), 'too_large');
  });
});

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="54,36.0N"/>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
