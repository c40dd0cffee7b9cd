// Busy buttons for every page: a button marked busy is disabled (and aria-busy) until released, so a double click sends nothing twice.

/** The parts of a button that marking it busy touches. */
export type BusyButton = Pick<HTMLButtonElement, 'disabled' | 'textContent' | 'setAttribute' | 'removeAttribute'>;

/** Disables the button, showing `busyText` when given; returns what restores the button as it was. */
export function markBusy(button: BusyButton, busyText?: string): () => void {
  const idleText = button.textContent ?? '';
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  if (busyText !== undefined) button.textContent = busyText;
  return () => {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (busyText !== undefined) button.textContent = idleText;
  };
}

/** Marks a button busy while `work` runs (the host's panels). */
export async function whileBusy<T>(button: BusyButton, work: () => Promise<T>): Promise<T> {
  const release = markBusy(button);
  try {
    return await work();
  } finally {
    release();
  }
}

/**
 * One server call at a time per page (the attendee pages): `start` marks the button busy with
 * `busyText` while the call runs; the call gets `release`, which restores the button (for a failure,
 * or a success that stays on the page). Returns false, doing nothing, while another call is running.
 */
export function busyButtons(): (button: BusyButton, busyText: string, call: (release: () => void) => void) => boolean {
  let busy = false;
  return (button, busyText, call) => {
    if (busy) return false;
    busy = true;
    const restore = markBusy(button, busyText);
    call(() => {
      busy = false;
      restore();
    });
    return true;
  };
}
