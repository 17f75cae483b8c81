import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './confirm-button.css';

/**
 * A button that asks before it acts: a modal dialog (focus trapped, Escape closes) with the
 * question, a confirm button and "Terug". When the dialog closes, focus goes back to the button; when
 * the button itself goes away afterwards (the action hid it), to `focusAfter()` instead of the page body.
 */
export function ConfirmButton({
  label,
  title,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  busy,
  destructive,
  focusAfter,
  className = 'secondary',
  context,
}: {
  /** The text of the button. */
  label: string;
  /** Said after the label to screen readers only, to tell one row's button from the next ("Verwijderen (a@b.nl)"). */
  context?: string;
  title: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** Not allowed at all: a real `disabled` (out of the tab order). */
  disabled?: boolean;
  /** Something is running: the button keeps focus and stays reachable, but clicks do nothing. */
  busy?: boolean;
  /** Cannot be undone: the dialog opens on "Terug", so Enter does not confirm by accident. */
  destructive?: boolean;
  /** Where focus goes when this button disappears while it has focus (e.g. after the action succeeded). */
  focusAfter?: () => HTMLElement | null | undefined;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const focusAfterRef = useRef(focusAfter);
  focusAfterRef.current = focusAfter;

  // On unmount (layout phase, while the button is still in the document) note whether it had focus;
  // once React has put the new content in place, move focus on if nothing else took it.
  useLayoutEffect(() => {
    const element = button.current;
    return () => {
      if (!element || document.activeElement !== element) return;
      const next = focusAfterRef.current;
      setTimeout(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        next?.()?.focus();
      }, 0);
    };
  }, []);

  return (
    <>
      <button
        type="button"
        ref={button}
        className={className}
        disabled={disabled}
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) setOpen(true);
        }}
      >
        {label}
        {/* Leading space and brackets: the name reads the same whether or not the browser adds a space. */}
        {context && <span className="visually-hidden"> ({context})</span>}
      </button>
      {open && (
        <ConfirmDialog
          title={title}
          question={question}
          confirmLabel={confirmLabel}
          destructive={destructive}
          onClose={(confirmed) => {
            // The dialog is closed (no longer modal) by now, so the button can take focus again.
            setOpen(false);
            button.current?.focus();
            if (confirmed) onConfirm();
          }}
        />
      )}
    </>
  );
}

function ConfirmDialog({
  title,
  question,
  confirmLabel,
  destructive,
  onClose,
}: {
  title: string;
  question: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  onClose: (confirmed: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open && typeof element.showModal === 'function') element.showModal();
    (destructive ? back : confirm).current?.focus();
  }, [destructive]);

  // While a modal dialog is open the rest of the page is inert and cannot take focus: close it first.
  const close = (confirmed: boolean) => {
    if (dialog.current?.open) dialog.current.close();
    onClose(confirmed);
  };
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close(false);
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-question">{question}</div>
      <div className="actions">
        <button type="button" ref={confirm} onClick={() => close(true)}>
          {confirmLabel}
        </button>
        <button type="button" ref={back} className="secondary" onClick={() => close(false)}>
          Terug
        </button>
      </div>
    </dialog>
  );
}
