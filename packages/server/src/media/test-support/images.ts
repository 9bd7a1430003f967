// Test photos for unit, integration and browser tests: a JPEG carrying GPS in its EXIF, and a GPS check.
import sharp from 'sharp';

/** Where the test photo claims it was taken: near Keswick, Cumbria (54° 36' N, 3° 8' W). */
export const TEST_PHOTO_GPS = { latitude: 54.6, longitude: -3.1333 } as const;

/**
 * An 800x600 JPEG whose EXIF holds a camera make and model and a GPS latitude and longitude, as a
 * phone photo would; what a member uploads and must never see again with its location attached.
 */
export async function createTestJpegWithGps(): Promise<Buffer> {
  const jpeg = await sharp({
    create: {
      width: 800,
      height: 600,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 110, sigma: 30 },
    },
  })
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'Fellwatch', Model: 'Test Camera', DateTime: '2024:05:01 06:30:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '54/1 36/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '3/1 8/1 0/1',
      },
    })
    .toBuffer();
  if (!(await hasGpsExif(jpeg))) throw new Error('The test JPEG lost its GPS EXIF; check the sharp version');
  return jpeg;
}

/** Whether an image's EXIF block points to a GPS directory (TIFF tag 0x8825 in IFD0). */
export async function hasGpsExif(image: Uint8Array): Promise<boolean> {
  const { exif } = await sharp(image).metadata();
  return exif !== undefined && exifHasGpsPointer(exif);
}

/** Reads IFD0 of a raw EXIF block ("Exif\0\0" + TIFF) and looks for the GPS directory pointer. */
export function exifHasGpsPointer(exif: Buffer): boolean {
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  if (tiff.length < 8) return false;
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return false;
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  if (ifd0 + 2 > tiff.length) return false;
  const count = u16(ifd0);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > tiff.length) return false;
    if (u16(entry) === 0x8825) return true;
  }
  return false;
}
