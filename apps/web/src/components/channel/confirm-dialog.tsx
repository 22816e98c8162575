'use client';

import { useEffect, useId, useRef } from 'react';
import styles from './channel.module.css';

type Props = {
  isOpen: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  /** Called once per opening: true for the confirm button, false for Cancel or Escape. */
  onClose: (isConfirmed: boolean) => void;
};

/**
 * A yes/no question in a native modal <dialog>: showModal() makes the rest of the page inert (focus
 * stays inside), Escape cancels, and the browser gives focus back to whatever opened it. Focus
 * starts on Cancel so a stray Enter never destroys anything.
 */
export function ConfirmDialog({ isOpen, title, description, confirmLabel, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) {
      element.returnValue = '';
      element.showModal();
      cancel.current?.focus();
    } else if (!isOpen && element.open) {
      element.close();
    }
  }, [isOpen]);

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={(event) => onClose(event.currentTarget.returnValue === 'confirm')}
    >
      {/* method="dialog": each button closes the dialog with its value as returnValue. */}
      <form method="dialog" className={styles.dialogForm}>
        <h2 id={titleId} className={styles.dialogTitle}>
          {title}
        </h2>
        <p id={descriptionId} className={styles.dialogText}>
          {description}
        </p>
        <div className={styles.dialogActions}>
          <button ref={cancel} type="submit" value="cancel" className="button button-quiet">
            Cancel
          </button>
          <button type="submit" value="confirm" className="button button-danger">
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
