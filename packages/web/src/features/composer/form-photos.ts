// Photos picked for a form that posts once (an alert, a sighting): which files are taken, and sending
// each to the group once, however often the form is sent again after a failure.
import { useEffect, useRef, useState } from 'react';
import { uploadPhoto } from '../../api/client.js';
import type { AttachedPhoto } from './attachments.js';

/** The images among the picked files, as many as there is room for, and how many files were left out. */
export function takeImages(files: readonly File[], room: number): { taken: File[]; leftOut: number } {
  const taken = files.filter((f) => f.type.startsWith('image/')).slice(0, Math.max(0, room));
  return { taken, leftOut: files.length - taken.length };
}

/** Picked files as tray photos, each with a preview URL the tray frees when it lets the photo go. */
export function attachPhotos(files: readonly File[]): AttachedPhoto[] {
  return files.map((file) => ({
    key: `${file.name}-${file.size}-${Math.random()}`,
    file,
    preview: URL.createObjectURL(file),
  }));
}

/**
 * Uploads, in order, each photo not yet in `sent` (by tray key) and gives every photo's id. `sent` keeps
 * what reached the server, so a retry after a failure sends only the rest.
 */
export async function sendPhotosOnce(
  photos: readonly AttachedPhoto[],
  sent: Map<string, string>,
  upload: (file: File) => Promise<string>,
  onSending: (label: string) => void,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, p] of photos.entries()) {
    let id = sent.get(p.key);
    if (!id) {
      onSending(`Sending photo ${i + 1} of ${photos.length}…`);
      id = await upload(p.file);
      sent.set(p.key, id);
    }
    ids.push(id);
  }
  return ids;
}

export interface FormPhotos {
  photos: readonly AttachedPhoto[];
  /** Adds the picked images there is room for (nothing when the picker was closed). */
  add(files: FileList | null): void;
  remove(key: string): void;
  /** Uploads to the group the photos not sent yet and gives all their ids; `onSending` hears progress. */
  send(groupId: string, onSending: (label: string) => void): Promise<string[]>;
}

/**
 * A form's photos, up to `max`, with previews freed when removed or when the form goes.
 * `onLeftOut` hears, after each pick, how many files were left out (0 when none were).
 */
export function useFormPhotos(max: number, onLeftOut: (count: number) => void): FormPhotos {
  const [photos, setPhotos] = useState<AttachedPhoto[]>([]);
  // Photos already on the server, by tray key.
  const sent = useRef(new Map<string, string>());

  const photosRef = useRef(photos);
  photosRef.current = photos;
  useEffect(
    () => () => {
      for (const p of photosRef.current) URL.revokeObjectURL(p.preview);
    },
    [],
  );

  return {
    photos,
    add(files) {
      if (!files) return;
      const { taken, leftOut } = takeImages([...files], max - photos.length);
      setPhotos((p) => [...p, ...attachPhotos(taken)]);
      onLeftOut(leftOut);
    },
    remove(key) {
      setPhotos((p) => {
        const gone = p.find((x) => x.key === key);
        if (gone) URL.revokeObjectURL(gone.preview);
        sent.current.delete(key);
        return p.filter((x) => x.key !== key);
      });
    },
    send: (groupId, onSending) =>
      sendPhotosOnce(
        photos,
        sent.current,
        async (file) => (await uploadPhoto(groupId, file, file.name || 'photo.jpg')).id,
        onSending,
      ),
  };
}
