// A confirmation step for destructive actions, as a native modal dialog (focus trapped, Escape cancels).
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';

interface ConfirmRequest {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
}

/** Returns the dialog element to render and an async confirm() that resolves to the answer. */
export function useConfirm(): [ReactNode, (request: ConfirmRequest) => Promise<boolean>] {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const confirm = useCallback((r: ConfirmRequest) => {
    resolver.current?.(false);
    setRequest(r);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const answer = useCallback((value: boolean) => {
    resolver.current?.(value);
    resolver.current = null;
    dialog.current?.close();
    setRequest(null);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (request && d && !d.open) d.showModal();
  }, [request]);

  const element = request ? (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
    >
      <h2 id="confirm-title">{request.title}</h2>
      {request.body && <div className="dialog-body">{request.body}</div>}
      <div className="button-row">
        <button type="button" className="btn btn-secondary" onClick={() => answer(false)}>
          Cancel
        </button>
        <button
          type="button"
          className={request.danger ? 'btn btn-danger' : 'btn btn-primary'}
          onClick={() => answer(true)}
        >
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  ) : null;

  return [element, confirm];
}
