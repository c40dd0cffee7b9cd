// A burst: 1,000 reminders due in one tick while 3,000 status callbacks of 1,000 messages arrive together.
import { runBurst } from '../../bench/burst';
import { ledger } from '../support/sandbox';

describe('a burst of 1,000 reminders and 3,000 callbacks', () => {
  const burst = runBurst();
  const rows = ledger(burst.sandbox);

  it('sends every reminder once', () => {
    expect(burst.remindersSent).toBe(1000);
    expect(rows.every((row) => row.reminded !== '')).toBe(true);
  });

  it('loses no status: every row ends delivered (or read, where the status poll asked Twilio), every event green', () => {
    expect(burst.callbacks).toBe(3000);
    expect(rows.filter((row) => row.delivery !== 'delivered' && row.delivery !== 'read')).toEqual([]);
    const events = burst.sandbox.events() as Array<{ colorId?: string }>;
    expect(events.filter((event) => event.colorId === '10')).toHaveLength(1000);
  });

  it('keeps callbacks cheap: none waits for the lock, "read" after "delivered" takes no lock at all', () => {
    expect(burst.lockWaitMs).toBe(0);
    expect(burst.callbacksWithoutWork).toBe(1000);
  });

  it('repaints each event once and leaves the property store small', () => {
    expect(burst.calendarPatches).toBe(1000);
    expect(burst.propertyStorePeakBytes).toBeLessThan(4 * 1024);
  });
});
