// Tests which picked files a form takes as photos, and that a retry sends only the photos not yet sent.
import { describe, expect, it } from 'vitest';
import type { AttachedPhoto } from './attachments.js';
import { sendPhotosOnce, takeImages } from './form-photos.js';

const image = (name: string) => new File(['x'], name, { type: 'image/jpeg' });
const photo = (key: string): AttachedPhoto => ({ key, file: image(`${key}.jpg`), preview: `blob:${key}` });

describe('takeImages', () => {
  it('takes images up to the room left and counts every other file as left out', () => {
    const files = [image('a.jpg'), new File(['x'], 'notes.pdf', { type: 'application/pdf' }), image('b.jpg')];
    expect(takeImages(files, 4)).toEqual({ taken: [files[0], files[2]], leftOut: 1 });
    expect(takeImages(files, 1)).toEqual({ taken: [files[0]], leftOut: 2 });
  });

  it('takes nothing when the form is full, even past its limit', () => {
    expect(takeImages([image('a.jpg')], 0)).toEqual({ taken: [], leftOut: 1 });
    expect(takeImages([image('a.jpg')], -2)).toEqual({ taken: [], leftOut: 1 });
  });
});

describe('sendPhotosOnce', () => {
  it('sends each photo in order, saying which one, and gives their ids', async () => {
    const sent = new Map<string, string>();
    const said: string[] = [];
    const ids = await sendPhotosOnce(
      [photo('a'), photo('b')],
      sent,
      async (file) => `id-${file.name}`,
      (label) => said.push(label),
    );
    expect(ids).toEqual(['id-a.jpg', 'id-b.jpg']);
    expect(said).toEqual(['Sending photo 1 of 2…', 'Sending photo 2 of 2…']);
    expect([...sent]).toEqual([
      ['a', 'id-a.jpg'],
      ['b', 'id-b.jpg'],
    ]);
  });

  it('after a failure part-way, a retry sends only what did not reach the server', async () => {
    const sent = new Map<string, string>();
    const photos = [photo('a'), photo('b'), photo('c')];
    const uploads: string[] = [];
    let failOn: string | null = 'b.jpg';
    const upload = async (file: File) => {
      uploads.push(file.name);
      if (file.name === failOn) throw new Error('No signal');
      return `id-${file.name}`;
    };
    await expect(sendPhotosOnce(photos, sent, upload, () => undefined)).rejects.toThrow('No signal');
    failOn = null;
    const said: string[] = [];
    const ids = await sendPhotosOnce(photos, sent, upload, (label) => said.push(label));
    expect(ids).toEqual(['id-a.jpg', 'id-b.jpg', 'id-c.jpg']);
    expect(uploads).toEqual(['a.jpg', 'b.jpg', 'b.jpg', 'c.jpg']);
    expect(said).toEqual(['Sending photo 2 of 3…', 'Sending photo 3 of 3…']);
  });
});
