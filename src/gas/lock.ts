// The script lock: one run at a time changes the ledger and the calendar.
export type Locked<T> = { ran: true; value: T } | { ran: false };

/** Runs `work` holding the script lock, or reports that another run holds it after `waitMs`. */
export function withScriptLock<T>(waitMs: number, work: () => T): Locked<T> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ran: false };
  try {
    return { ran: true, value: work() };
  } finally {
    lock.releaseLock();
  }
}
