// Exactly once against strict fakes: fetchAll's all-or-nothing failures, uncertain creates, the write cache, lost callbacks, true colours.
import type { Sandbox } from '../../dev/sandbox';
import { addEvent, calendarEvent, eventResource, HOUR, ledger, MINUTE, newSandbox, outbound, START } from '../support/sandbox';

const PHONE = '+49 151 23456789';
const E164 = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR;
const GREEN = '10';
const RED = '11';

function moveBy(sandbox: Sandbox, id: string, start: number, ms: number): void {
  sandbox.patchEvent(id, {
    start: { dateTime: new Date(start + ms).toISOString() },
    end: { dateTime: new Date(start + ms + 30 * MINUTE).toISOString() },
  });
}

function perNumber(sandbox: Sandbox): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const message of outbound(sandbox)) counts[message.to] = (counts[message.to] ?? 0) + 1;
  return counts;
}

describe('a batch with one failed request', () => {
  it('sends none of the others again when one request of a fetchAll times out', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ network: 'timeout', count: 1 });
    sandbox.insertEvents([
      eventResource({ location: '+49 151 11111111', start: TOMORROW_11 }),
      eventResource({ location: '+49 151 22222222', start: TOMORROW_11 + HOUR }),
      eventResource({ location: '+49 151 33333333', start: TOMORROW_11 + 2 * HOUR }),
    ]);
    sandbox.advance(40 * MINUTE);
    expect(perNumber(sandbox)).toEqual({
      'whatsapp:+4915111111111': 1,
      'whatsapp:+4915122222222': 1,
      'whatsapp:+4915133333333': 1,
    });
    expect(ledger(sandbox).map((row) => row.pending)).toEqual(['', '', '']);
    expect(new Set(ledger(sandbox).map((row) => row.messageSid)).size).toBe(3);
  });

  it('looks a timed-out create up at Twilio instead of sending it again', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ network: 'timeout', count: 1, createdAnyway: true });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(ledger(sandbox)[0]).toMatchObject({ pending: 'scheduled', delivery: 'uncertain' });
    sandbox.advance(40 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', messageSid: outbound(sandbox)[0].sid });
  });

  it('paints the event once a timed-out create is found delivered at Twilio (its callback lost)', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ network: 'timeout', count: 1, createdAnyway: true });
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.messageStatus(outbound(sandbox)[0].sid, 'delivered', undefined, { callback: false });
    sandbox.advance(40 * MINUTE);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', delivery: 'delivered' });
    expect(calendarEvent(sandbox, event.id).colorId).toBe(GREEN);
  });

  it('paints the event red once a timed-out create is found failed at Twilio', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ network: 'timeout', count: 1, createdAnyway: true });
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.messageStatus(outbound(sandbox)[0].sid, 'undelivered', 30003, { callback: false });
    sandbox.advance(40 * MINUTE);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', delivery: 'undelivered' });
    expect(calendarEvent(sandbox, event.id).colorId).toBe(RED);
    expect(calendarEvent(sandbox, event.id).description).toContain('30003');
  });

  it('sends a timed-out create again once Twilio shows it never arrived', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ network: 'timeout', count: 1 });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.advance(40 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', delivery: 'queued' });
  });
});

describe('a late callback of the previous message while a send is uncertain', () => {
  it('does not turn the uncertain cancel into a plain resend', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const [booked] = outbound(sandbox);
    sandbox.twilio.injectFault({ httpStatus: 500, count: 1 });
    sandbox.cancelEvent(event.id);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: 'cancelled', delivery: 'uncertain' });
    sandbox.messageStatus(booked.sid, 'delivered');
    sandbox.advance(40 * MINUTE);
    expect(outbound(sandbox).map((message) => message.body.includes('is cancelled'))).toEqual([false, true]);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', announcedKind: 'cancelled', messageSid: outbound(sandbox)[1].sid });
  });

  it('does not turn an uncertain move into a second "moved" message', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const [booked] = outbound(sandbox);
    sandbox.twilio.injectFault({ network: 'timeout', count: 1, createdAnyway: true });
    moveBy(sandbox, event.id, TOMORROW_11, HOUR);
    sandbox.messageStatus(booked.sid, 'read');
    sandbox.advance(40 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(2);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', announcedKind: 'rescheduled', messageSid: outbound(sandbox)[1].sid });
  });
});

describe('the lookup after an uncertain send matches what was sent', () => {
  it('a title edit in between does not double the message', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 500, count: 1 });
    const event = addEvent(sandbox, { summary: 'Consultation', location: PHONE, start: TOMORROW_11 });
    sandbox.patchEvent(event.id, { summary: 'Follow-up consultation' });
    sandbox.advance(40 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', messageSid: outbound(sandbox)[0].sid });
  });

  it('a move in between leaves one "booked" time and announces the move', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 500, count: 1 });
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    moveBy(sandbox, event.id, TOMORROW_11, 2 * HOUR);
    sandbox.advance(40 * MINUTE);
    const bodies = outbound(sandbox).map((message) => message.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.filter((body) => body.includes('is booked'))).toHaveLength(1);
    expect(bodies[0]).toContain('11:00');
    expect(bodies[1]).toContain('has moved');
    expect(bodies[1]).toContain('13:00');
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', announcedKind: 'rescheduled' });
  });
});

describe('the ledger across executions', () => {
  it('is flushed before the lock is released, so a callback right after the sync sees the new row', () => {
    const sandbox = newSandbox();
    sandbox.interleave('Lock.releaseLock', () => {
      const [message] = outbound(sandbox);
      sandbox.messageStatus(message.sid, 'delivered');
    });
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(ledger(sandbox)[0].delivery).toBe('delivered');
    expect(calendarEvent(sandbox, event.id).colorId).toBe(GREEN);
  });

  it('the next run to take the lock reads the row the sync just wrote (an attendee answering at once)', () => {
    const sandbox = newSandbox();
    // The attendee answers the booking message at once: the inbound run reads the ledger the sync just wrote.
    sandbox.interleave('Lock.releaseLock', () => {
      sandbox.inbound({ from: E164, body: 'list' });
    });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const replies = outbound(sandbox).map((message) => message.body);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toContain('1. "Consultation"');
  });

  it('a save never writes back a row it read before someone else changed it', () => {
    const sandbox = newSandbox();
    const first = addEvent(sandbox, { location: '+49 151 11111111', start: TOMORROW_11 });
    const keyColumn = (sandbox.sheet('Appointments') as string[][])[0].indexOf('error');
    // While the next sync waits for Twilio, the host writes a note into the first row by hand.
    sandbox.interleave('UrlFetchApp.fetch', () => {
      sandbox.runtime.spreadsheet.spreadsheet.findSheet('Appointments')?.write(2, keyColumn + 1, 'checked by hand');
    });
    addEvent(sandbox, { location: '+49 151 22222222', start: TOMORROW_11 + HOUR });
    const rows = ledger(sandbox);
    expect(rows.find((row) => row.eventId === first.id)?.error).toBe('checked by hand');
    expect(rows).toHaveLength(2);
  });
});

describe('a calendar trigger that finds the lock busy', () => {
  it('gives up after 20 s and the holder syncs again in the same run, so the change is announced before any tick', () => {
    const sandbox = newSandbox();
    // While the run holding the lock waits for Twilio, the host adds another appointment; its trigger
    // waits the whole 20 s for the lock, records that a sync was asked for, and ends.
    sandbox.interleave('UrlFetchApp.fetch', () => {
      sandbox.insertEvents([eventResource({ location: '+49 151 22222222', start: TOMORROW_11 + HOUR })]);
    });
    addEvent(sandbox, { location: '+49 151 11111111', start: TOMORROW_11 });
    expect(sandbox.runtime.lock.stats.timedOut).toBe(1);
    expect(outbound(sandbox).map((message) => message.to)).toEqual(['whatsapp:+4915111111111', 'whatsapp:+4915122222222']);
    expect(sandbox.settings().SYNC_REQUESTED_AT).toBe('0');
  });

  it('a run that lists, sends and saves within half the wait reads SYNC_REQUESTED_AT no second time', () => {
    const sandbox = newSandbox();
    sandbox.runtime.core.resetCalls();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(outbound(sandbox)).toHaveLength(1);
    // A run that gave up waiting did so 20 s after it began; every change made before this run listed is in its list.
    expect(sandbox.runtime.core.calls['Properties.getProperty'] ?? 0).toBe(0);
  });
});

describe('a status callback that never came', () => {
  it('is recovered by the tick asking Twilio, so the event turns green', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.messageStatus(outbound(sandbox)[0].sid, 'delivered', undefined, { callback: false });
    sandbox.advance(40 * MINUTE);
    expect(ledger(sandbox)[0].delivery).toBe('delivered');
    expect(calendarEvent(sandbox, event.id).colorId).toBe(GREEN);
  });

  it('or red with the reason when Twilio shows it failed', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.messageStatus(outbound(sandbox)[0].sid, 'undelivered', 30003, { callback: false });
    sandbox.advance(40 * MINUTE);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'undelivered', error: expect.stringContaining('30003') });
    expect(calendarEvent(sandbox, event.id).colorId).toBe(RED);
  });
});

describe('colours tell the truth', () => {
  function write(sandbox: Sandbox, body: string): void {
    sandbox.inbound({ from: E164, body });
  }

  it('a late delivery callback after STOP leaves the event red with the opt-out reason; START restores green', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const sid = outbound(sandbox)[0].sid;
    write(sandbox, 'STOP');
    sandbox.messageStatus(sid, 'delivered');
    expect(calendarEvent(sandbox, event.id).colorId).toBe(RED);
    expect(calendarEvent(sandbox, event.id).description).toContain('opted out');
    write(sandbox, 'START');
    expect(calendarEvent(sandbox, event.id).colorId).toBe(GREEN);
    expect(calendarEvent(sandbox, event.id).description ?? '').not.toContain('opted out');
    expect(ledger(sandbox)[0].delivery).toBe('delivered');
  });

  it('a moved event is no longer green until its new message is delivered', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.messageStatus(outbound(sandbox)[0].sid, 'delivered');
    expect(calendarEvent(sandbox, event.id).colorId).toBe(GREEN);
    moveBy(sandbox, event.id, TOMORROW_11, HOUR);
    expect(calendarEvent(sandbox, event.id).colorId).not.toBe(GREEN);
    sandbox.messageStatus(outbound(sandbox)[1].sid, 'delivered');
    expect(calendarEvent(sandbox, event.id).colorId).toBe(GREEN);
  });

  it('a red event that moves keeps its reason until the new message succeeds', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.messageStatus(outbound(sandbox)[0].sid, 'undelivered', 30003);
    moveBy(sandbox, event.id, TOMORROW_11, HOUR);
    expect(outbound(sandbox)).toHaveLength(2);
    expect(calendarEvent(sandbox, event.id).colorId).toBe(RED);
    expect(calendarEvent(sandbox, event.id).description).toContain('30003');
    sandbox.messageStatus(outbound(sandbox)[1].sid, 'delivered');
    expect(calendarEvent(sandbox, event.id).colorId).toBe(GREEN);
    expect(calendarEvent(sandbox, event.id).description ?? '').not.toContain('30003');
  });

  it("a refused cancel stays visible when the booking's own callback comes late", () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const [booked] = outbound(sandbox);
    sandbox.twilio.injectFault({ httpStatus: 400, errorCode: 63024, count: 1 });
    sandbox.cancelEvent(event.id);
    sandbox.messageStatus(booked.sid, 'read');
    sandbox.advance(40 * MINUTE);
    expect(ledger(sandbox)[0]).toMatchObject({ state: 'cancelled', delivery: 'failed', error: expect.stringContaining('63024') });
  });

  it("a refused move stays red when the booking's own callback comes late", () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const [booked] = outbound(sandbox);
    sandbox.twilio.injectFault({ httpStatus: 400, errorCode: 21211, count: 1 });
    moveBy(sandbox, event.id, TOMORROW_11, HOUR);
    sandbox.messageStatus(booked.sid, 'read');
    sandbox.advance(40 * MINUTE);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'failed', error: expect.stringContaining('21211') });
    expect(calendarEvent(sandbox, event.id).colorId).toBe(RED);
  });

  it("a dropped change stays red when the last message's callback comes late", () => {
    const sandbox = newSandbox();
    const soon = START + 90 * MINUTE;
    const event = addEvent(sandbox, { location: PHONE, start: soon });
    const [booked] = outbound(sandbox);
    sandbox.twilio.injectFault({ httpStatus: 503, count: 1000 });
    moveBy(sandbox, event.id, soon, 30 * MINUTE);
    sandbox.advance(3 * HOUR);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'error', pending: '' });
    sandbox.twilio.clearFaults();
    sandbox.messageStatus(booked.sid, 'delivered');
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'error', error: expect.stringContaining('began') });
    expect(calendarEvent(sandbox, event.id).colorId).toBe(RED);
  });

  it('a cancel Twilio refused stays visible in the ledger and the Messages sheet', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.twilio.injectFault({ httpStatus: 400, errorCode: 21211, count: 1 });
    sandbox.cancelEvent(event.id);
    const row = ledger(sandbox)[0];
    expect(row).toMatchObject({ state: 'cancelled', pending: '', delivery: 'failed', error: expect.stringContaining('21211') });
    // The refused message's kind, for the health check (refusedChange in src/domain/sent-attempt.ts).
    expect(JSON.parse(row.attempt)).toMatchObject({ kind: 'cancelled', start: TOMORROW_11 });
    const log = (sandbox.sheet('Messages') as string[][]).slice(1).map((row) => `${row[1]} ${row[4]} ${row[6]}`);
    expect(log).toContain('out cancelled failed');
  });
});

describe('the lookup after an uncertain send in template mode', () => {
  const TEMPLATES = { scheduled: `HX${'1'.repeat(32)}`, rescheduled: `HX${'2'.repeat(32)}`, cancelled: `HX${'3'.repeat(32)}` };

  it('does not take a chat reply sent to the same number in between for the booking message', () => {
    const sandbox = newSandbox({
      settings: { MESSAGE_MODE: 'template', TEMPLATE_SIDS: JSON.stringify(TEMPLATES) },
      contentTemplates: { [TEMPLATES.scheduled]: 'Hello, {{1}} with {{2}} is booked for {{3}}. Details: {{4}}' },
    });
    sandbox.twilio.injectFault({ network: 'timeout', count: 1 });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(ledger(sandbox)[0]).toMatchObject({ pending: 'scheduled', delivery: 'uncertain' });
    // The attendee writes while the create is uncertain: the reply is an outbound message to the same number.
    sandbox.inbound({ from: E164, body: 'help' });
    sandbox.advance(40 * MINUTE);
    const bookings = sandbox.twilio.messages().filter((message) => message.request?.ContentSid === TEMPLATES.scheduled);
    expect(bookings).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', messageSid: bookings[0].sid });
  });
});
