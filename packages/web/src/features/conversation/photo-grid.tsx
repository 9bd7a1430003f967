// Photo thumbnails in a message; each opens the full display copy in a dialog.
import { useEffect, useRef, useState } from 'react';
import type { Photo } from '../../api/types.js';

/** Thumbnails that open a viewer; `who` names the author for the alternative text. */
export function PhotoGrid({ photos, who }: { photos: readonly Photo[]; who: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const current = open === null ? null : photos[open];
  return (
    <>
      <ul className={photos.length === 1 ? 'photo-grid photo-grid-single' : 'photo-grid'}>
        {photos.map((p, i) => (
          <li key={p.id}>
            <button
              type="button"
              className="photo-thumb"
              aria-label={`Open photo ${i + 1} of ${photos.length} from ${who}`}
              onClick={() => setOpen(i)}
            >
              <img
                src={p.thumbUrl}
                alt=""
                loading="lazy"
                decoding="async"
                width={p.width}
                height={p.height}
              />
            </button>
          </li>
        ))}
      </ul>
      {current && open !== null && (
        <PhotoViewer
          photo={current}
          label={`Photo ${open + 1} of ${photos.length} from ${who}`}
          onClose={() => setOpen(null)}
          onPrevious={open > 0 ? () => setOpen(open - 1) : undefined}
          onNext={open < photos.length - 1 ? () => setOpen(open + 1) : undefined}
        />
      )}
    </>
  );
}

function PhotoViewer({
  photo,
  label,
  onClose,
  onPrevious,
  onNext,
}: {
  photo: Photo;
  label: string;
  onClose: () => void;
  onPrevious?: () => void;
  onNext?: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="photo-viewer"
      aria-label={label}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="photo-viewer-bar">
        <p className="photo-viewer-label">{label}</p>
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <img src={photo.url} alt={label} className="photo-viewer-image" />
      {(onPrevious || onNext) && (
        <div className="button-row photo-viewer-nav">
          <button type="button" className="btn btn-secondary" onClick={onPrevious} disabled={!onPrevious}>
            Previous photo
          </button>
          <button type="button" className="btn btn-secondary" onClick={onNext} disabled={!onNext}>
            Next photo
          </button>
        </div>
      )}
    </dialog>
  );
}
