// Sandbox tests of the sync's integrity: refused colour writes, uncertain sends, recurring and foreign events.
import type { Sandbox } from '../../dev/sandbox';
import { addEvent, calendarEvent, eventResource, HOUR, ledger, MINUTE, newSandbox, outbound, START } from '../support/sandbox';

const PHONE = '+49 151 23456789';
const TOMORROW_11 = START + 26 * HOUR;

/** Adds fields the Calendar fake does not emulate (recurrence, a foreign organizer) to the events `pick` selects. */
function decorate(sandbox: Sandbox, pick: (event: Record<string, any>) => boolean, extra: Record<string, unknown>): void {
  const calendar = sandbox.runtime.calendar as any;
  const render = calendar.render.bind(calendar);
  calendar.render = (...args: unknown[]) => {
    const out = render(...args);
    return pick(out) ? { ...out, ...extra } : out;
  };
}

describe('sync integrity', () => {
  it('saves the ledger before repainting, so a colour write the calendar refuses neither resends nor stalls the sync', () => {
    const sandbox = newSandbox();
    const calendar = sandbox.runtime.calendar as any;
    const doPatch = calendar.doPatch.bind(calendar);
    calendar.doPatch = (method: string, calendarId: string, eventId: string, patch: Record<string, unknown>) => {
      if ('colorId' in patch) throw new Error('API call to calendar.events.patch failed with error: Forbidden');
      return doPatch(method, calendarId, eventId, patch);
    };
    // One valid number is sent; the invalid one makes the event red, and that write is refused.
    const event = addEvent(sandbox, { location: `${PHONE}, +49 123`, start: TOMORROW_11 });
    expect(outbound(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', announcedKind: 'scheduled' });
    sandbox.advance(30 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(1);
    // The token moved on: a later move is announced once.
    sandbox.patchEvent(event.id, {
      start: { dateTime: new Date(TOMORROW_11 + HOUR).toISOString() },
      end: { dateTime: new Date(TOMORROW_11 + 90 * MINUTE).toISOString() },
    });
    expect(outbound(sandbox).map((m) => m.body)).toEqual([expect.stringContaining('is booked'), expect.stringContaining('has moved')]);
  });

  it('after an uncertain 500 does not adopt the message of another appointment to the same number', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 500, count: 1, createdAnyway: false });
    sandbox.insertEvents([
      eventResource({ summary: 'First', location: PHONE, start: TOMORROW_11 }),
      eventResource({ summary: 'Second', location: PHONE, start: TOMORROW_11 + 2 * HOUR }),
    ]);
    expect(outbound(sandbox)).toHaveLength(1);
    sandbox.advance(30 * MINUTE);
    const bodies = outbound(sandbox).map((m) => m.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.some((body) => body.includes('"First"'))).toBe(true);
    expect(bodies.some((body) => body.includes('"Second"'))).toBe(true);
    const sids = ledger(sandbox).map((row) => row.messageSid);
    expect(new Set(sids).size).toBe(2);
  });

  it('adopts the message a 500 did create, in text mode by its text', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 500, count: 1 });
    sandbox.insertEvents([
      eventResource({ summary: 'First', location: PHONE, start: TOMORROW_11 }),
      eventResource({ summary: 'Second', location: PHONE, start: TOMORROW_11 + 2 * HOUR }),
    ]);
    sandbox.advance(30 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(2);
    const rows = ledger(sandbox);
    expect(rows.every((row) => row.pending === '')).toBe(true);
    expect(new Set(rows.map((row) => row.messageSid)).size).toBe(2);
  });

  it('names the time the attendee was told when a move that never went out is cancelled', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.twilio.injectFault({ httpStatus: 503, count: 3 });
    sandbox.patchEvent(event.id, {
      start: { dateTime: new Date(TOMORROW_11 + 3 * HOUR).toISOString() },
      end: { dateTime: new Date(TOMORROW_11 + 3.5 * HOUR).toISOString() },
    });
    expect(ledger(sandbox)[0]).toMatchObject({ pending: 'rescheduled', delivery: 'retrying' });
    sandbox.cancelEvent(event.id);
    const bodies = outbound(sandbox).map((m) => m.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toContain('is cancelled');
    expect(bodies[1]).toContain('11:00');
    expect(bodies[1]).not.toContain('14:00');
  });

  it('announces nothing for an occurrence of a series it never announced (no number in the series)', () => {
    const sandbox = newSandbox();
    decorate(sandbox, (event) => event.summary === 'Instance', {
      recurringEventId: 'series1',
      originalStartTime: { dateTime: new Date(TOMORROW_11).toISOString() },
    });
    addEvent(sandbox, { summary: 'Instance', location: PHONE, start: TOMORROW_11 + 2 * HOUR });
    expect(outbound(sandbox)).toHaveLength(0);
    expect(ledger(sandbox)).toHaveLength(0);
    sandbox.advance(30 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(0);
  });

  it('announces nothing, paints nothing and invites nobody for an event someone else organizes', () => {
    const sandbox = newSandbox({ settings: { INVITATION_MODE: 'email' } });
    decorate(sandbox, (event) => event.summary === 'Team call', { organizer: { email: 'colleague@example.org' } });
    const event = sandbox.insertEvents([
      {
        ...eventResource({ summary: 'Team call', location: 'Dial-in +49 30 12345678', start: TOMORROW_11 }),
        attendees: [{ email: 'someone@example.org' }],
      },
    ])[0] as { id: string };
    expect(outbound(sandbox)).toHaveLength(0);
    expect(ledger(sandbox)).toHaveLength(0);
    expect(sandbox.runtime.mail.sent).toHaveLength(0);
    expect(calendarEvent(sandbox, event.id).colorId).toBeUndefined();
  });
});
