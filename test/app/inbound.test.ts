// Sandbox tests of the conversation on the host's number: commands, privacy, forged and repeated webhooks, opt-out, forwarding, limits.
import type { Sandbox } from '../../dev/sandbox';
import { addEvent, calendarEvent, HOUR, ledger, MINUTE, newSandbox, outbound, START } from '../support/sandbox';

const ADA = '+4915123456789';
const BOB = '+14155552671';
const STRANGER = '+447700900123';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin

/** The text replies the host's number sent to one attendee, oldest first. */
function repliesTo(sandbox: Sandbox, phone: string): string[] {
  return outbound(sandbox)
    .filter((m) => m.to === `whatsapp:${phone}`)
    .map((m) => m.body);
}

function lastReplyTo(sandbox: Sandbox, phone: string): string {
  return repliesTo(sandbox, phone).at(-1) ?? '';
}

function messagesLog(sandbox: Sandbox): Array<Record<string, string>> {
  const [header, ...rows] = (sandbox.sheet('Messages') ?? []) as string[][];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, String(row[i] ?? '')])));
}

function write(sandbox: Sandbox, phone: string, body: string, extra: { buttonPayload?: string; messageSid?: string } = {}): string {
  const before = repliesTo(sandbox, phone).length;
  const response = sandbox.inbound({ from: phone, body, ...extra });
  expect(response.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  const after = repliesTo(sandbox, phone);
  return after.length > before ? after[after.length - 1] : '';
}

/** Ada has two appointments (the second untitled), Bob one; one of Ada's is 40 days away. */
function twoAttendees(): { sandbox: Sandbox; adaFirst: string; adaSecond: string; bob: string } {
  const sandbox = newSandbox();
  const adaSecond = addEvent(sandbox, { summary: '', location: ADA, start: TOMORROW_11 + 48 * HOUR }).id;
  const adaFirst = addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 }).id;
  const bob = addEvent(sandbox, { summary: 'Bob only', location: BOB, start: TOMORROW_11 + HOUR }).id;
  addEvent(sandbox, { summary: 'Far away', location: ADA, start: START + 40 * 24 * HOUR });
  return { sandbox, adaFirst, adaSecond, bob };
}

describe('listing appointments', () => {
  it('answers "list" with only the sender\'s appointments in the next 30 days, numbered, with zone and link', () => {
    const { sandbox } = twoAttendees();
    const reply = write(sandbox, ADA, 'list');
    expect(reply).toContain('Your 2 appointments with Alex Morgan in the next 30 days');
    expect(reply).toContain('1. "Checkup"\nTuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)\nhttp://127.0.0.1:8787/exec?l=');
    // The seed crashed on an event without a title.
    expect(reply).toContain('2. "Appointment"\nThursday, 8 January 2026, 11:00–11:30 CET (UTC+1)');
    expect(reply).not.toContain('Bob only');
    expect(reply).not.toContain('Far away');
    const adaTokens = ledger(sandbox)
      .filter((row) => row.phone === ADA)
      .map((row) => row.token);
    for (const link of reply.match(/\?l=[\w-]+/g) ?? []) expect(adaTokens).toContain(link.slice(3));
  });

  it.each(['Termine', 'mis citas', 'rendez-vous', 'agendamentos', 'hello', '👋'])('lists for "%s" too', (body) => {
    const { sandbox } = twoAttendees();
    expect(write(sandbox, BOB, body)).toContain('1. "Bob only"');
  });

  it("tells a stranger there is nothing, with the booking link, and reveals no one else's appointment", () => {
    const { sandbox } = twoAttendees();
    const reply = write(sandbox, STRANGER, 'list');
    expect(reply).toBe('You have no appointments with Alex Morgan in the next 30 days. To book one: http://127.0.0.1:8787/exec?p=book');
    expect(write(sandbox, STRANGER, 'cancel 1')).toContain('You have no appointments');
    expect(ledger(sandbox).every((row) => row.state === 'active')).toBe(true);
  });

  it('answers help in any language and logs both directions', () => {
    const { sandbox } = twoAttendees();
    expect(write(sandbox, ADA, 'Hilfe')).toContain('CANCEL 2: cancel appointment 2');
    const log = messagesLog(sandbox).filter((entry) => entry.phone === ADA && entry.kind === 'help');
    expect(log.map((entry) => entry.direction)).toEqual(['in', 'out']);
    expect(log[0].detail).toBe('Hilfe');
  });
});

describe('webhook security', () => {
  function forged(sandbox: Sandbox, overrides: Record<string, string>, url = sandbox.inboundWebhookUrl()) {
    const params = sandbox.twilio.inbound({ from: `whatsapp:${ADA}`, to: 'whatsapp:+14155238886', body: 'list' });
    return sandbox.postToWebApp(url, { ...params, ...overrides });
  }

  it('ignores a wrong key or another account, answering Twilio with an empty response', () => {
    const { sandbox } = twoAttendees();
    const before = outbound(sandbox).length;
    expect(forged(sandbox, {}, `${sandbox.webAppUrl}?hook=twilio&k=wrong`).body).toContain('<Response/>');
    expect(forged(sandbox, { AccountSid: 'AC' + 'f'.repeat(32) }).body).toContain('<Response/>');
    expect(outbound(sandbox)).toHaveLength(before);
  });

  it('reveals nothing for a message Twilio does not know, or one from another number', () => {
    const { sandbox } = twoAttendees();
    const before = outbound(sandbox).length;
    // Right key and account, but a MessageSid Twilio never saw.
    forged(sandbox, { MessageSid: 'SM' + '1'.repeat(32) });
    // A real inbound message of the stranger, replayed with Ada's number.
    const stranger = sandbox.twilio.inbound({ from: `whatsapp:${STRANGER}`, to: 'whatsapp:+14155238886', body: 'list' });
    sandbox.postToWebApp(sandbox.inboundWebhookUrl(), { ...stranger, From: `whatsapp:${ADA}` });
    expect(outbound(sandbox)).toHaveLength(before);
    expect(messagesLog(sandbox).filter((entry) => entry.status === 'rejected')).toHaveLength(2);
  });

  it('can skip the lookup at Twilio when VERIFY_INBOUND is off', () => {
    const { sandbox } = twoAttendees();
    sandbox.mergeSettings({ VERIFY_INBOUND: 'off' });
    sandbox.runtime.core.resetCalls();
    expect(write(sandbox, ADA, 'list')).toContain('"Checkup"');
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetch']).toBe(1);
  });

  it('refuses an old genuine message posted again after the dedupe window, as it is or with another body', () => {
    const { sandbox, adaFirst, adaSecond } = twoAttendees();
    const url = sandbox.inboundWebhookUrl();
    const hello = sandbox.twilio.inbound({ from: `whatsapp:${ADA}`, to: 'whatsapp:+14155238886', body: 'hello' });
    sandbox.postToWebApp(url, hello);
    const cancel = sandbox.twilio.inbound({ from: `whatsapp:${ADA}`, to: 'whatsapp:+14155238886', body: 'cancel 1' });
    sandbox.postToWebApp(url, cancel);
    expect(ledger(sandbox).find((row) => row.eventId === adaFirst)?.state).toBe('cancelled');
    // Seven hours later the dedupe cache has forgotten both SIDs; whoever holds the key replays them.
    sandbox.advance(7 * HOUR);
    const before = outbound(sandbox).length;
    sandbox.postToWebApp(url, cancel);
    sandbox.postToWebApp(url, { ...hello, Body: 'cancel 1' });
    expect(ledger(sandbox).find((row) => row.eventId === adaSecond)?.state).toBe('active');
    expect(outbound(sandbox)).toHaveLength(before);
    expect(messagesLog(sandbox).filter((entry) => entry.status === 'rejected')).toHaveLength(2);
  });

  it('answers a message Twilio posts twice (same MessageSid) only once', () => {
    const { sandbox } = twoAttendees();
    const sid = 'SM' + 'a'.repeat(32);
    write(sandbox, ADA, 'list', { messageSid: sid });
    const count = repliesTo(sandbox, ADA).length;
    sandbox.postToWebApp(sandbox.inboundWebhookUrl(), {
      ...sandbox.twilio.inbound({ from: `whatsapp:${ADA}`, to: 'whatsapp:+14155238886', body: 'list', messageSid: sid }),
    });
    expect(repliesTo(sandbox, ADA)).toHaveLength(count);
  });
});

describe('cancel and confirm from the chat', () => {
  it('"cancel 2" cancels the second listed appointment through the web app\'s path, with one cancellation message', () => {
    const { sandbox, adaSecond, adaFirst } = twoAttendees();
    write(sandbox, ADA, 'list');
    const before = repliesTo(sandbox, ADA).length;
    sandbox.inbound({ from: ADA, body: 'cancel 2' });
    const after = repliesTo(sandbox, ADA);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toContain('"Appointment" with Alex Morgan on Thursday, 8 January 2026, 11:00–11:30 CET (UTC+1) is cancelled');
    expect(calendarEvent(sandbox, adaSecond).status).toBe('cancelled');
    expect(calendarEvent(sandbox, adaFirst).status).toBe('confirmed');
    expect(write(sandbox, ADA, 'list')).toContain('Your appointment with Alex Morgan');
  });

  it('"cancel 1" sent twice cancels one appointment: numbers refer to the list the attendee was shown', () => {
    const { sandbox, adaFirst, adaSecond } = twoAttendees();
    write(sandbox, ADA, 'list');
    sandbox.inbound({ from: ADA, body: 'cancel 1' });
    expect(calendarEvent(sandbox, adaFirst).status).toBe('cancelled');
    // The same words again (a resend, a double tap): appointment 1 of the shown list is already cancelled.
    expect(write(sandbox, ADA, 'cancel 1')).toBe('This appointment is already cancelled. Nothing else needs doing.');
    expect(calendarEvent(sandbox, adaSecond).status).toBe('confirmed');
    expect(ledger(sandbox).find((row) => row.eventId === adaSecond)?.state).toBe('active');
    // "cancel 2" still means the second appointment of the list she saw.
    sandbox.inbound({ from: ADA, body: 'cancel 2' });
    expect(calendarEvent(sandbox, adaSecond).status).toBe('cancelled');
  });

  it('shows the list again instead of guessing when the shown list is no longer remembered', () => {
    const { sandbox, adaFirst, adaSecond } = twoAttendees();
    write(sandbox, ADA, 'list');
    // The script cache keeps an entry at most 6 hours.
    sandbox.advance(7 * HOUR);
    const reply = write(sandbox, ADA, 'cancel 2');
    expect(reply).toMatch(
      /^I no longer know which list you mean, so nothing was changed\. Here is your current list: reply "cancel 2" again if it is the one you mean\.\n\nYour 2 appointments/,
    );
    expect(ledger(sandbox).every((row) => row.state === 'active')).toBe(true);
    sandbox.inbound({ from: ADA, body: 'cancel 2' });
    expect(calendarEvent(sandbox, adaSecond).status).toBe('cancelled');
    expect(calendarEvent(sandbox, adaFirst).status).toBe('confirmed');
  });

  it('explains a number that is not in the list, and asks which one for a bare "cancel"', () => {
    const { sandbox } = twoAttendees();
    write(sandbox, ADA, 'list');
    expect(write(sandbox, ADA, 'cancel 5')).toMatch(/^There is no appointment 5 in your list; it has 2 appointments\.\n\n/);
    expect(write(sandbox, ADA, 'cancel')).toMatch(/^Which one\? Reply "cancel 1"/);
    expect(ledger(sandbox).every((row) => row.state === 'active')).toBe(true);
  });

  it('"confirm 1" marks the appointment confirmed in the ledger and colours the event', () => {
    const { sandbox, adaFirst } = twoAttendees();
    write(sandbox, ADA, 'list');
    expect(write(sandbox, ADA, 'confirm 1')).toBe(
      'Thank you, "Checkup" on Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1) is confirmed. Alex Morgan will see it in the calendar.',
    );
    const row = ledger(sandbox).find((r) => r.eventId === adaFirst);
    expect(row?.confirmedAt).toBe(new Date(START).toISOString());
    expect(calendarEvent(sandbox, adaFirst).colorId).toBe('9');
    expect(write(sandbox, ADA, 'list')).toContain('1. "Checkup" (confirmed)');
  });

  it("refuses a button carrying someone else's token", () => {
    const { sandbox, bob } = twoAttendees();
    const bobToken = ledger(sandbox).find((row) => row.eventId === bob)?.token;
    expect(write(sandbox, ADA, 'Cancel', { buttonPayload: `cancel:${bobToken}` })).toContain('no longer current');
    expect(calendarEvent(sandbox, bob).status).toBe('confirmed');
  });
});

describe('opt-out', () => {
  it('stops and restarts: stored, confirmed, honoured, shown on the event and in the log', () => {
    const sandbox = newSandbox();
    expect(write(sandbox, ADA, 'STOP')).toContain('You will no longer receive WhatsApp messages');
    const [, row] = (sandbox.sheet('OptOuts') ?? []) as string[][];
    expect(row[0]).toBe(ADA);

    const event = addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11, description: 'Host notes' });
    expect(repliesTo(sandbox, ADA)).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'opted-out', pending: '' });
    const stored = calendarEvent(sandbox, event.id);
    expect(stored.colorId).toBe('11');
    expect(stored.description).toContain('not sent: the attendee opted out of WhatsApp messages (replied STOP)');
    expect(messagesLog(sandbox).some((entry) => entry.status === 'opted-out' && entry.phone === ADA)).toBe(true);

    // Reminders do not reach the number either.
    sandbox.setClock(TOMORROW_11 - HOUR);
    expect(repliesTo(sandbox, ADA)).toHaveLength(1);

    sandbox.inbound({ from: ADA, body: 'start' });
    expect(sandbox.sheet('OptOuts')).toHaveLength(1);
    // The announcement the opt-out held back goes out with the next sync run (here the echo of the repaint).
    const [welcome, booked] = repliesTo(sandbox, ADA).slice(1);
    expect(welcome).toContain('Welcome back');
    expect(booked).toContain('"Checkup" with Alex Morgan is booked');
    sandbox.advance(10 * MINUTE);
    expect(repliesTo(sandbox, ADA).filter((body) => body.includes('is booked'))).toHaveLength(1);
    expect(calendarEvent(sandbox, event.id).description).toBe('Host notes');
  });

  it('marks the appointments the number already has when it stops', () => {
    const { sandbox, adaFirst } = twoAttendees();
    write(sandbox, ADA, 'Stopp');
    expect(
      ledger(sandbox)
        .filter((row) => row.phone === ADA)
        .every((row) => row.delivery === 'opted-out'),
    ).toBe(true);
    expect(calendarEvent(sandbox, adaFirst).colorId).toBe('11');
    sandbox.cancelEvent(adaFirst);
    expect(repliesTo(sandbox, ADA).filter((body) => body.includes('is cancelled'))).toHaveLength(0);
  });
});

describe('messages for the host', () => {
  it('forwards a question to the owner by email and tells the attendee', () => {
    const { sandbox } = twoAttendees();
    const reply = write(sandbox, ADA, "I'll be 10 minutes late, sorry!");
    expect(reply).toBe('Thank you, I have passed your message on to Alex Morgan. Reply LIST to see your appointments.');
    const [mail] = sandbox.runtime.mail.sent;
    expect(mail.to).toBe('host@example.com');
    expect(mail.subject).toBe(`WhatsApp message from ${ADA}`);
    expect(mail.body).toContain("I'll be 10 minutes late, sorry!");
    expect(mail.body).toContain('"Checkup", Tuesday, 6 January 2026');
    expect(mail.body).not.toContain('Bob only');
    expect(messagesLog(sandbox).some((entry) => entry.kind === 'forward' && entry.status === 'forwarded')).toBe(true);
  });

  it("forwards to the host's WhatsApp number when one is set", () => {
    const { sandbox } = twoAttendees();
    sandbox.mergeSettings({ HOST_WHATSAPP: '+49 30 901820' });
    write(sandbox, ADA, 'Is there parking near you?');
    const [toHost] = repliesTo(sandbox, '+4930901820');
    expect(toHost).toContain(`WhatsApp message from ${ADA}`);
    expect(toHost).toContain('Is there parking near you?');
    expect(sandbox.runtime.mail.sent).toHaveLength(0);
  });

  it('answers a photo without text and passes it on', () => {
    const { sandbox } = twoAttendees();
    const params = sandbox.twilio.inbound({ from: `whatsapp:${ADA}`, to: 'whatsapp:+14155238886', body: '', numMedia: 1 });
    sandbox.postToWebApp(sandbox.inboundWebhookUrl(), params);
    expect(lastReplyTo(sandbox, ADA)).toContain('I can only read text myself');
    expect(sandbox.runtime.mail.sent[0].body).toContain('1 attachment: open message MM');
  });
});

describe('odd input and limits', () => {
  it('copes with an empty body, control characters, emoji and 5,000+ characters', () => {
    const { sandbox } = twoAttendees();
    expect(write(sandbox, ADA, '')).toContain('Your message was empty');
    expect(write(sandbox, ADA, 'li\u0000st\u0007')).toContain('"Checkup"');
    expect(write(sandbox, ADA, '🙂🙂')).toContain('"Checkup"');
    const long = `Question: ${'🙂 blah '.repeat(1000)}?`;
    expect(write(sandbox, ADA, long)).toContain('passed your message on');
    const forwarded = sandbox.runtime.mail.sent.at(-1)?.body ?? '';
    expect(forwarded).toContain('…');
    expect(Array.from(forwarded).length).toBeLessThan(5400);
  });

  it('limits each sender to 10 messages in 10 minutes: one "slow down", then silence, still logged', () => {
    const { sandbox } = twoAttendees();
    for (let i = 0; i < 13; i++) sandbox.inbound({ from: ADA, body: 'list' });
    const replies = repliesTo(sandbox, ADA).filter((body) => !body.includes('is booked'));
    expect(replies).toHaveLength(11);
    expect(replies.at(-1)).toContain('You are sending messages very quickly');
    expect(messagesLog(sandbox).filter((entry) => entry.direction === 'in' && entry.status === 'rate-limited')).toHaveLength(3);
    // Another sender is not affected, and the limit lifts after the window.
    expect(write(sandbox, BOB, 'list')).toContain('"Bob only"');
    sandbox.advance(11 * MINUTE);
    expect(write(sandbox, ADA, 'list')).toContain('"Checkup"');
  });

  it('counts only messages found at Twilio: spoofed posts with the key do not silence the real attendee', () => {
    const { sandbox } = twoAttendees();
    const url = sandbox.inboundWebhookUrl();
    for (let i = 0; i < 15; i++) {
      const sid = `SM${i.toString(16).padStart(32, '0')}`;
      const real = sandbox.twilio.inbound({ from: `whatsapp:${STRANGER}`, to: 'whatsapp:+14155238886', body: 'list' });
      // Right key and account, Ada's number, but a MessageSid Twilio never received from her.
      sandbox.postToWebApp(url, { ...real, MessageSid: sid, From: `whatsapp:${ADA}` });
    }
    expect(messagesLog(sandbox).filter((entry) => entry.phone === ADA && entry.status === 'rejected')).toHaveLength(15);
    expect(messagesLog(sandbox).filter((entry) => entry.status === 'rate-limited')).toHaveLength(0);
    expect(write(sandbox, ADA, 'list')).toContain('"Checkup"');
  });

  it('forwards a 6,000-character one-word message to the host instead of answering with the list', () => {
    const { sandbox } = twoAttendees();
    expect(write(sandbox, ADA, 'z'.repeat(6000))).toBe(
      'Thank you, I have passed your message on to Alex Morgan. Reply LIST to see your appointments.',
    );
    expect(sandbox.runtime.mail.sent.at(-1)?.body).toContain(`${'z'.repeat(5000)}…`);
  });
});
