import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button that asks before it acts: a modal dialog (focus trapped, Escape closes) with the
 * question, a confirm button and "Terug". Focus goes back to the button when the dialog closes.
 */
export function ConfirmButton({
  label,
  title,
  question,
  confirmLabel,
  onConfirm,
  disabled,
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
  disabled?: boolean;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" ref={button} className={className} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
        {/* Leading space and brackets: the name reads the same whether or not the browser adds a space. */}
        {context && <span className="visually-hidden"> ({context})</span>}
      </button>
      {open && (
        <ConfirmDialog
          title={title}
          question={question}
          confirmLabel={confirmLabel}
          onClose={(confirmed) => {
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
  onClose,
}: {
  title: string;
  question: ReactNode;
  confirmLabel: string;
  onClose: (confirmed: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open && typeof element.showModal === 'function') element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-question">{question}</div>
      <div className="actions">
        <button type="button" autoFocus onClick={() => onClose(true)}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={() => onClose(false)}>
          Terug
        </button>
      </div>
    </dialog>
  );
}
