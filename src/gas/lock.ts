// The script lock: one run at a time changes the ledger and the calendar.
import { flushSpreadsheetWrites, forgetReadAhead } from './sheets';

export type Locked<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `work` holding the script lock, or reports that another run holds it after `waitMs`.
 * Spreadsheet writes are cached inside an execution: they are flushed before the lock is released
 * (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()), or the next holder
 * would read the ledger as it was before this run.
 */
export function withScriptLock<T>(waitMs: number, work: () => T): Locked<T> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ran: false };
  forgetReadAhead();
  try {
    return { ran: true, value: work() };
  } finally {
    try {
      flushSpreadsheetWrites();
    } finally {
      lock.releaseLock();
    }
  }
}
