// Sandbox tests of reminders: 24 h and 2 h before, exactly once per offset and start, re-armed on moves, never late, confirm and cancel replies.
import type { Sandbox } from '../../dev/sandbox';
import { addEvent, calendarEvent, HOUR, ledger, MINUTE, newSandbox, outbound, START } from '../support/sandbox';

const ADA = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin (10:00 UTC)
const HX = (n: number) => `HX${String(n).padStart(32, '0')}`;

function reminders(sandbox: Sandbox): Array<{ body: string; sentAt: number; request: Record<string, string> }> {
  return (outbound(sandbox) as Array<{ body: string; request: Record<string, string>; createdAt?: number }>)
    .filter((m) => (m.body ?? '').startsWith('Reminder:') || m.request.ContentSid === HX(4))
    .map((m) => ({ body: m.body, sentAt: Number((m as { createdAt?: number }).createdAt), request: m.request }));
}

function rowOf(sandbox: Sandbox, eventId: string): Record<string, string> {
  return ledger(sandbox).find((row) => row.eventId === eventId) as Record<string, string>;
}

describe('reminder timing', () => {
  it('sends the 24-hour and the 2-hour reminder once each, at the first tick after their moment', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    sandbox.setClock(TOMORROW_11 + HOUR);
    const sent = reminders(sandbox);
    expect(sent.map((m) => m.sentAt - TOMORROW_11)).toEqual([-24 * HOUR, -2 * HOUR]);
    expect(sent[0].body).toBe(
      'Reminder: your appointment "Checkup" with Alex Morgan is on Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1).\n\n' +
        `Reply 1 to confirm, 2 to cancel. To reschedule or add it to your calendar: http://127.0.0.1:8787/exec?l=${rowOf(sandbox, ledger(sandbox)[0].eventId).token}`,
    );
    expect(sent[0].request.StatusCallback).toBeUndefined();
    const row = ledger(sandbox)[0];
    expect(row.reminded).toBe('1440@2026-01-06T10:00:00.000Z 120@2026-01-06T10:00:00.000Z');
    // Repeated triggers and ticks add nothing.
    sandbox.fireCalendarTrigger();
    sandbox.advance(HOUR);
    expect(reminders(sandbox)).toHaveLength(2);
    const log = (sandbox.sheet('Messages') as string[][]).filter((entry) => entry[4] === 'reminder');
    expect(log.map((entry) => entry[7])).toEqual(['1440 minutes before', '120 minutes before']);
  });

  it('follows REMINDER_OFFSETS and sends none when it is off', () => {
    const sandbox = newSandbox({ settings: { REMINDER_OFFSETS: '30m' } });
    addEvent(sandbox, { location: ADA, start: TOMORROW_11 });
    sandbox.setClock(TOMORROW_11);
    expect(reminders(sandbox).map((m) => m.sentAt - TOMORROW_11)).toEqual([-30 * MINUTE]);
    const off = newSandbox({ settings: { REMINDER_OFFSETS: 'off' } });
    addEvent(off, { location: ADA, start: TOMORROW_11 });
    off.setClock(TOMORROW_11);
    expect(reminders(off)).toHaveLength(0);
  });

  it('re-arms both reminders when the appointment moves, and sends none after a cancel', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: ADA, start: TOMORROW_11 });
    sandbox.setClock(TOMORROW_11 - 20 * HOUR);
    expect(reminders(sandbox)).toHaveLength(1);
    const moved = TOMORROW_11 + 48 * HOUR;
    sandbox.patchEvent(event.id, {
      start: { dateTime: new Date(moved).toISOString() },
      end: { dateTime: new Date(moved + 30 * MINUTE).toISOString() },
    });
    sandbox.setClock(moved + HOUR);
    expect(reminders(sandbox).map((m) => m.sentAt - moved)).toEqual([-72 * HOUR, -24 * HOUR, -2 * HOUR]);
    expect(reminders(sandbox)[1].body).toContain('Thursday, 8 January 2026, 11:00–11:30');

    const cancelled = addEvent(sandbox, { location: ADA, start: moved + 72 * HOUR });
    sandbox.setClock(moved + 72 * HOUR - 30 * HOUR);
    sandbox.cancelEvent(cancelled.id);
    const count = reminders(sandbox).length;
    sandbox.setClock(moved + 73 * HOUR);
    expect(reminders(sandbox)).toHaveLength(count);
  });

  it('catches up after missed ticks, skipping a 24-hour reminder once the 2-hour one is due, and never sends after the start', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: ADA, start: TOMORROW_11 });
    addEvent(sandbox, { location: '+14155552671', start: TOMORROW_11 + HOUR });
    // The script lock is held elsewhere from before the 24-hour moment until after the 2-hour moment of the first.
    sandbox.setClock(TOMORROW_11 - 25 * HOUR);
    sandbox.runtime.lock.holdElsewhere(true);
    sandbox.setClock(TOMORROW_11 - 90 * MINUTE);
    sandbox.runtime.lock.holdElsewhere(false);
    sandbox.advance(10 * MINUTE);
    const first = reminders(sandbox).filter((m) => m.body.includes('11:00–11:30'));
    const second = reminders(sandbox).filter((m) => m.body.includes('12:00–12:30'));
    expect(first).toHaveLength(1);
    expect(first[0].body).toContain('Reminder');
    expect(ledger(sandbox)[0].reminded).toBe('120@2026-01-06T10:00:00.000Z');
    expect(second).toHaveLength(1);

    // Missed ticks until after the start: nothing late.
    const later = newSandbox();
    addEvent(later, { location: ADA, start: TOMORROW_11 });
    later.runtime.lock.holdElsewhere(true);
    later.setClock(TOMORROW_11 + MINUTE);
    later.runtime.lock.holdElsewhere(false);
    later.advance(HOUR);
    expect(reminders(later)).toHaveLength(0);
  });

  it('sends no reminder for a booking made after the reminder moment, and none to a number that opted out', () => {
    const sandbox = newSandbox();
    sandbox.setClock(TOMORROW_11 - 5 * HOUR);
    addEvent(sandbox, { location: ADA, start: TOMORROW_11 });
    sandbox.setClock(TOMORROW_11 - 2 * HOUR + 5 * MINUTE);
    expect(reminders(sandbox).map((m) => m.sentAt - TOMORROW_11)).toEqual([-2 * HOUR]);

    const optedOut = newSandbox();
    addEvent(optedOut, { location: ADA, start: TOMORROW_11 });
    optedOut.inbound({ from: ADA, body: 'stop' });
    optedOut.setClock(TOMORROW_11);
    expect(reminders(optedOut)).toHaveLength(0);
  });

  it("counts 24 hours across the spring DST change in the calendar's zone", () => {
    const monday = Date.UTC(2026, 2, 30, 8, 0); // Monday 30 March 2026, 10:00 CEST
    const sandbox = newSandbox({ now: Date.UTC(2026, 2, 27, 8, 0) });
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: monday });
    sandbox.setClock(monday);
    const sent = reminders(sandbox);
    expect(sent.map((m) => m.sentAt - monday)).toEqual([-24 * HOUR, -2 * HOUR]);
    expect(sent[0].body).toContain('Monday, 30 March 2026, 10:00–10:30 CEST (UTC+2)');
  });

  it("costs no Calendar call of their own and one fetchAll batch per 20, none without: the tick's sync list is the only one", () => {
    const sandbox = newSandbox();
    for (let i = 0; i < 25; i++) addEvent(sandbox, { location: `+1415555${String(1000 + i)}`, start: TOMORROW_11 });
    for (const message of sandbox.twilio.messages()) sandbox.messageStatus(message.sid, 'delivered');
    sandbox.setClock(TOMORROW_11 - 24 * HOUR - 5 * MINUTE);
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * MINUTE);
    // The sync's list only (the rows carry what the reminders need); 25 reminders in two fetchAll batches.
    expect(sandbox.runtime.core.calls['Calendar.Events.list']).toBe(1);
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetchAll']).toBe(2);
    expect(reminders(sandbox)).toHaveLength(25);
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * MINUTE);
    expect(sandbox.runtime.core.calls['Calendar.Events.list']).toBe(1);
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetchAll'] ?? 0).toBe(0);
  });
  it('sends the reminders in the same fetchAll as the status poll, and a row polled and reminded keeps both', () => {
    const sandbox = newSandbox();
    // Announced 10 minutes before the 24-hour moment, and no callback comes: from that moment on the
    // tick asks Twilio for each message, and the reminders are due.
    sandbox.setClock(TOMORROW_11 - 24 * HOUR - 10 * MINUTE);
    for (let i = 0; i < 5; i++) addEvent(sandbox, { location: `+1415555${String(1000 + i)}`, start: TOMORROW_11 });
    for (const message of sandbox.twilio.messages()) sandbox.messageStatus(message.sid, 'delivered', undefined, { callback: false });
    sandbox.runtime.core.resetCalls();
    sandbox.advance(20 * MINUTE);
    const sent = reminders(sandbox);
    expect(sent).toHaveLength(5);
    // 5 status requests and 5 reminders: one round trip.
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetchAll']).toBe(1);
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetch'] ?? 0).toBe(0);
    for (const row of ledger(sandbox)) {
      expect(row.reminded).toBe('1440@2026-01-06T10:00:00.000Z');
      expect(JSON.parse(row.attempt).polledAt).toBe(sent[0].sentAt);
      expect(row.delivery).toBe('delivered');
    }
  });
});

describe('answering a reminder', () => {
  it('"1" confirms the reminded appointment in the ledger and colours the event; a move clears it', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    addEvent(sandbox, { summary: 'Later', location: ADA, start: TOMORROW_11 + 7 * 24 * HOUR });
    sandbox.setClock(TOMORROW_11 - 23 * HOUR);
    sandbox.inbound({ from: ADA, body: '1' });
    expect(outbound(sandbox).at(-1)?.body).toContain('"Checkup" on Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1) is confirmed');
    expect(rowOf(sandbox, event.id).confirmedAt).not.toBe('');
    expect(calendarEvent(sandbox, event.id).colorId).toBe('9');
    // The 2-hour reminder knows.
    sandbox.setClock(TOMORROW_11 - HOUR);
    expect(reminders(sandbox).at(-1)?.body).toContain('You have confirmed it.');

    const moved = TOMORROW_11 + 24 * HOUR;
    sandbox.patchEvent(event.id, {
      start: { dateTime: new Date(moved).toISOString() },
      end: { dateTime: new Date(moved + 30 * MINUTE).toISOString() },
    });
    expect(rowOf(sandbox, event.id).confirmedAt).toBe('');
  });

  it('"2" cancels the reminded appointment through the cancel path', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    sandbox.setClock(TOMORROW_11 - 23 * HOUR);
    sandbox.inbound({ from: ADA, body: '2' });
    expect(calendarEvent(sandbox, event.id).status).toBe('cancelled');
    expect(outbound(sandbox).at(-1)?.body).toContain('is cancelled');
    expect(outbound(sandbox).filter((m) => m.body?.includes('is cancelled'))).toHaveLength(1);
  });

  it('without a reminder, "1" lists instead of guessing', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    sandbox.inbound({ from: ADA, body: '1' });
    expect(outbound(sandbox).at(-1)?.body).toMatch(/^Which one\? Reply "confirm 1"/);
  });

  it('template mode: quick-reply buttons carry signed tokens; tapping confirm or cancel acts on that appointment', () => {
    const templates = JSON.stringify({ scheduled: HX(1), rescheduled: HX(2), cancelled: HX(3), reminder: HX(4) });
    const sandbox = newSandbox({ settings: { MESSAGE_MODE: 'template', TEMPLATE_SIDS: templates } });
    const first = addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    const second = addEvent(sandbox, { summary: 'Second', location: ADA, start: TOMORROW_11 + 2 * HOUR });
    sandbox.setClock(TOMORROW_11 - 21 * HOUR);
    const sent = reminders(sandbox);
    expect(sent).toHaveLength(2);
    const variables = sent.map((m) => JSON.parse(m.request.ContentVariables) as Record<string, string>);
    const tokenOf = (id: string) => rowOf(sandbox, id).token;
    expect(variables[0]).toMatchObject({ '1': 'Checkup', '6': `confirm:${tokenOf(first.id)}`, '7': `cancel:${tokenOf(first.id)}` });

    sandbox.inbound({ from: ADA, body: 'Confirm', buttonPayload: variables[0]['6'] });
    expect(rowOf(sandbox, first.id).confirmedAt).not.toBe('');
    expect(rowOf(sandbox, second.id).confirmedAt).toBe('');
    sandbox.inbound({ from: ADA, body: 'Cancel', buttonPayload: variables[1]['7'] });
    expect(calendarEvent(sandbox, second.id).status).toBe('cancelled');
    expect(calendarEvent(sandbox, first.id).status).toBe('confirmed');
    // A forged token does nothing.
    sandbox.inbound({ from: ADA, body: 'Cancel', buttonPayload: `cancel:${'A'.repeat(16)}` });
    expect(calendarEvent(sandbox, first.id).status).toBe('confirmed');
  });
});
