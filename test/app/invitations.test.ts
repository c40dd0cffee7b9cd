// Invitations for attendees with an email address, through the real bundle: Google's invitations in google mode, our own iMIP mail in email mode.
import ICAL from 'ical.js';
import type { Sandbox } from '../../dev/sandbox';
import type { SentMail } from '../../dev/runtime/mail';
import { HOUR, MINUTE, START, eventResource, ledger, newSandbox, outbound, ok, sheetReads } from '../support/sandbox';

const PHONE = '+49 151 23456789';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin
const JANE = { email: 'jane@example.org', displayName: 'Jane Doe' };

function addGuestEvent(
  sandbox: Sandbox,
  input: { location?: string; start?: number; attendees?: object[]; summary?: string },
): { id: string } {
  const resource = {
    ...eventResource({ location: input.location, start: input.start ?? TOMORROW_11, summary: input.summary }),
    attendees: input.attendees ?? [JANE],
  };
  return sandbox.insertEvents([resource])[0] as { id: string };
}

function moveTo(sandbox: Sandbox, id: string, start: number): void {
  sandbox.patchEvent(id, {
    start: { dateTime: new Date(start).toISOString() },
    end: { dateTime: new Date(start + 30 * MINUTE).toISOString() },
  });
}

function invitations(sandbox: Sandbox): Array<Record<string, string>> {
  const values = (sandbox.sheet('Invitations') ?? []) as string[][];
  const [header, ...rows] = values;
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => Object.fromEntries(header.map((name, i) => [name, String(row[i] ?? '')])));
}

function mails(sandbox: Sandbox): SentMail[] {
  return sandbox.runtime.mail.sent;
}

interface ParsedInvite {
  method: string;
  mimeMethod: string;
  uid: string;
  sequence: number;
  status: string;
  start: number;
  attendee: string;
  organizer: string;
}

function invite(mail: SentMail): ParsedInvite {
  expect(mail.attachments).toHaveLength(1);
  const [file] = mail.attachments;
  expect(file.name).toBe('invite.ics');
  expect(file.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of file.text.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(file.text));
  const event = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  for (const name of ['organizer', 'attendee', 'dtstart', 'dtstamp', 'uid', 'sequence']) expect(event.hasProperty(name)).toBe(true);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    mimeMethod: /method=([A-Z]+)/.exec(file.contentType ?? '')?.[1] ?? '',
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: String(event.getFirstPropertyValue('status')),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(),
    attendee: String(event.getFirstPropertyValue('attendee')),
    organizer: String(event.getFirstPropertyValue('organizer')),
  };
}

function emailSandbox(options: Parameters<typeof newSandbox>[0] = {}): Sandbox {
  return newSandbox({ ...options, settings: { INVITATION_MODE: 'email', ...(options.settings ?? {}) } });
}

describe('google mode (the default)', () => {
  test("the project's own writes ask Google to notify guests; the project mails nothing", () => {
    const sandbox = newSandbox();
    const slots = ok<Array<{ start: string }>>(sandbox.run('listBookingSlots', []));
    ok(sandbox.run('bookAppointment', [{ name: 'Jane Doe', phone: PHONE, email: JANE.email, start: slots[2].start, website: '' }]));
    const [event] = sandbox.events() as Array<{ id: string }>;
    const token = ledger(sandbox)[0].token;
    const later = ok<Array<{ start: string }>>(sandbox.run('listSlots', [token]));
    ok(sandbox.run('rescheduleAppointment', [token, later[5].start]));
    ok(sandbox.run('cancelAppointment', [token]));
    expect(sandbox.runtime.calendar.guestNotifications.map((n) => [n.method, n.eventId, n.sendUpdates])).toEqual([
      ['insert', event.id, 'all'],
      ['patch', event.id, 'all'],
      ['remove', event.id, 'all'],
    ]);
    expect(mails(sandbox)).toHaveLength(0);
    expect(sandbox.sheetNames()).not.toContain('Invitations');
    // WhatsApp goes its own way: booked, moved, cancelled.
    expect(outbound(sandbox)).toHaveLength(3);
  });

  test('a booking without an email address asks Google for nothing', () => {
    const sandbox = newSandbox();
    const slots = ok<Array<{ start: string }>>(sandbox.run('listBookingSlots', []));
    ok(sandbox.run('bookAppointment', [{ name: 'Jane Doe', phone: PHONE, start: slots[2].start, website: '' }]));
    expect(sandbox.runtime.calendar.guestNotifications).toEqual([]);
  });

  test("the host's own edits are Google's business: no mail, no Invitations sheet", () => {
    const sandbox = newSandbox();
    const event = addGuestEvent(sandbox, { location: PHONE });
    moveTo(sandbox, event.id, TOMORROW_11 + HOUR);
    sandbox.cancelEvent(event.id);
    expect(mails(sandbox)).toHaveLength(0);
    expect(sandbox.sheetNames()).not.toContain('Invitations');
  });

  test('off mode sends nothing, not even through Google', () => {
    const sandbox = newSandbox({ settings: { INVITATION_MODE: 'off' } });
    const slots = ok<Array<{ start: string }>>(sandbox.run('listBookingSlots', []));
    ok(sandbox.run('bookAppointment', [{ name: 'Jane Doe', phone: PHONE, email: JANE.email, start: slots[2].start, website: '' }]));
    expect(sandbox.runtime.calendar.guestNotifications).toEqual([]);
    expect(mails(sandbox)).toHaveLength(0);
  });
});

describe('email mode', () => {
  test('invites on create, updates with a higher SEQUENCE on a move, cancels with STATUS:CANCELLED', () => {
    const sandbox = emailSandbox();
    const event = addGuestEvent(sandbox, { summary: 'Checkup', location: PHONE });
    moveTo(sandbox, event.id, TOMORROW_11 + 24 * HOUR);
    sandbox.cancelEvent(event.id);
    const sent = mails(sandbox);
    expect(sent.map((m) => m.to)).toEqual([JANE.email, JANE.email, JANE.email]);
    const [created, moved, cancelled] = sent.map(invite);
    expect(created).toMatchObject({
      method: 'REQUEST',
      mimeMethod: 'REQUEST',
      uid: `${event.id}@google.com`,
      start: TOMORROW_11,
      attendee: `mailto:${JANE.email}`,
      organizer: 'mailto:host@example.com',
      status: 'CONFIRMED',
    });
    expect(moved).toMatchObject({ method: 'REQUEST', mimeMethod: 'REQUEST', uid: created.uid, start: TOMORROW_11 + 24 * HOUR });
    expect(cancelled).toMatchObject({
      method: 'CANCEL',
      mimeMethod: 'CANCEL',
      uid: created.uid,
      status: 'CANCELLED',
      start: TOMORROW_11 + 24 * HOUR,
    });
    expect(moved.sequence).toBeGreaterThan(created.sequence);
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
    expect(sent[0].subject).toMatch(/^Invitation: Checkup with Alex Morgan – Tuesday, 6 January 2026/);
    expect(sent[1].subject).toMatch(/^Updated invitation: /);
    expect(sent[2].subject).toMatch(/^Cancelled: /);
    expect(sent[0].name).toBe('Alex Morgan');
    expect(sent[0].htmlBody).toContain('<a href=');
    expect(invitations(sandbox)).toEqual([
      expect.objectContaining({
        email: JANE.email,
        state: 'cancelled',
        lastMethod: 'CANCEL',
        pending: '',
        sequence: String(cancelled.sequence),
      }),
    ]);
    // The project's own Calendar writes never ask Google to mail as well.
    expect(sandbox.runtime.calendar.guestNotifications).toEqual([]);
  });

  test('an attendee with a phone and an email gets both, and the mail links to their own appointment page', () => {
    const sandbox = emailSandbox();
    addGuestEvent(sandbox, { location: PHONE });
    expect(outbound(sandbox)).toHaveLength(1);
    expect(mails(sandbox)).toHaveLength(1);
    const link = outbound(sandbox)[0].body.match(/http\S+\?l=[A-Za-z0-9_-]{16}/)?.[0];
    expect(link).toBeTruthy();
    expect(mails(sandbox)[0].body).toContain(link);
    expect(mails(sandbox)[0].htmlBody).toContain(`href="${link}"`);
  });

  test('an attendee with only an email gets invitations (with the booking link) and no WhatsApp', () => {
    const sandbox = emailSandbox();
    const event = addGuestEvent(sandbox, { location: 'Room 4' });
    sandbox.cancelEvent(event.id);
    expect(outbound(sandbox)).toHaveLength(0);
    expect(ledger(sandbox)).toHaveLength(0);
    expect(mails(sandbox).map((m) => invite(m).method)).toEqual(['REQUEST', 'CANCEL']);
    expect(mails(sandbox)[0].body).toContain('/exec?p=book');
  });

  test('never invites the host, and cancels only the guest who was removed', () => {
    const sandbox = emailSandbox();
    const bob = { email: 'bob@example.net', displayName: 'Bob' };
    const event = addGuestEvent(sandbox, { attendees: [{ email: 'host@example.com', organizer: true, self: true }, JANE, bob] });
    expect(
      mails(sandbox)
        .map((m) => m.to)
        .sort(),
    ).toEqual([bob.email, JANE.email]);
    sandbox.patchEvent(event.id, { attendees: [{ email: 'host@example.com', organizer: true, self: true }, JANE] });
    expect(mails(sandbox)).toHaveLength(3);
    expect(mails(sandbox)[2].to).toBe(bob.email);
    expect(invite(mails(sandbox)[2]).method).toBe('CANCEL');
  });

  test('after a 410 the full resync cancels invitations of deleted events, and re-invites nobody', () => {
    const sandbox = emailSandbox();
    const kept = addGuestEvent(sandbox, {});
    const gone = addGuestEvent(sandbox, { attendees: [{ email: 'bob@example.net' }], start: TOMORROW_11 + 2 * HOUR });
    expect(mails(sandbox)).toHaveLength(2);
    sandbox.runtime.calendar.invalidateSyncTokens();
    sandbox.runtime.calendar.cancelEvent('primary', gone.id);
    sandbox.fireCalendarTrigger();
    expect(mails(sandbox)).toHaveLength(3);
    expect(mails(sandbox)[2].to).toBe('bob@example.net');
    expect(invite(mails(sandbox)[2]).method).toBe('CANCEL');
    expect(kept.id).toBeTruthy();
  });

  test('the booking page adds the email as a guest and the sync mails the invitation itself', () => {
    const sandbox = emailSandbox();
    const slots = ok<Array<{ start: string }>>(sandbox.run('listBookingSlots', []));
    ok(sandbox.run('bookAppointment', [{ name: 'Jane Doe', phone: PHONE, email: JANE.email, start: slots[2].start, website: '' }]));
    expect(sandbox.runtime.calendar.guestNotifications).toEqual([]);
    expect(mails(sandbox)).toHaveLength(1);
    expect(invite(mails(sandbox)[0]).start).toBe(Date.parse(slots[2].start));
  });

  test('ORGANIZER_EMAIL and INVITATION_SENDER_NAME name the organizer and sender; replies go to the organizer', () => {
    const sandbox = emailSandbox({ settings: { ORGANIZER_EMAIL: 'desk@example.com', INVITATION_SENDER_NAME: 'Practice Morgan' } });
    addGuestEvent(sandbox, { attendees: [JANE, { email: 'desk@example.com' }] });
    expect(mails(sandbox)).toHaveLength(1);
    expect(invite(mails(sandbox)[0]).organizer).toBe('mailto:desk@example.com');
    expect(mails(sandbox)[0]).toMatchObject({ name: 'Practice Morgan', replyTo: 'desk@example.com' });
  });

  test('costs no mail or sheet call for events without guests, and a trigger echo sends nothing twice', () => {
    const sandbox = emailSandbox();
    sandbox.runtime.core.resetCalls();
    sandbox.insertEvents([eventResource({ location: 'Room 4', start: TOMORROW_11 })]);
    expect(Object.keys(sandbox.runtime.core.calls).filter((name) => name.startsWith('MailApp'))).toEqual([]);
    expect(sheetReads(sandbox)).toBe(1); // the Appointments ledger only
    expect(sandbox.sheetNames()).not.toContain('Invitations');
    const event = addGuestEvent(sandbox, {});
    sandbox.fireCalendarTrigger();
    sandbox.advance(30 * MINUTE);
    expect(mails(sandbox)).toHaveLength(1);
    // Once the invitation is settled, another event's change reads no Invitations sheet.
    sandbox.runtime.core.resetCalls();
    sandbox.insertEvents([eventResource({ location: 'Room 5', start: TOMORROW_11 + 3 * HOUR })]);
    expect(Object.keys(sandbox.runtime.core.calls).filter((name) => name.startsWith('MailApp'))).toEqual([]);
    expect(sheetReads(sandbox)).toBe(1); // the Appointments ledger only
    expect(event.id).toBeTruthy();
  });
});

describe('the daily mail quota', () => {
  test('when it runs out the invitation is queued, and the tick sends it once the quota renews', () => {
    const sandbox = emailSandbox({ quotas: { emailRecipients: 1 } });
    addGuestEvent(sandbox, {});
    addGuestEvent(sandbox, { attendees: [{ email: 'bob@example.net' }], start: TOMORROW_11 + 2 * HOUR });
    expect(mails(sandbox).map((m) => m.to)).toEqual([JANE.email]);
    expect(invitations(sandbox).find((row) => row.email === 'bob@example.net')).toMatchObject({
      pending: 'REQUEST',
      error: expect.stringContaining('quota'),
    });
    sandbox.advance(20 * MINUTE);
    expect(mails(sandbox)).toHaveLength(1);
    sandbox.runtime.core.quotas.emailRecipients = 100;
    sandbox.advance(10 * MINUTE);
    expect(mails(sandbox).map((m) => m.to)).toEqual([JANE.email, 'bob@example.net']);
    expect(invite(mails(sandbox)[1]).method).toBe('REQUEST');
    expect(invitations(sandbox).every((row) => row.pending === '' && row.error === '')).toBe(true);
    sandbox.advance(30 * MINUTE);
    expect(mails(sandbox)).toHaveLength(2);
  });

  test('a send that MailApp refuses for quota stays queued, not lost', () => {
    const sandbox = emailSandbox();
    const mail = sandbox.runtime.mail as unknown as { send: (options: unknown) => void };
    const realSend = mail.send.bind(mail);
    mail.send = () => {
      throw new Error('Service invoked too many times for one day: email.');
    };
    addGuestEvent(sandbox, {});
    expect(mails(sandbox)).toHaveLength(0);
    expect(invitations(sandbox)[0]).toMatchObject({ pending: 'REQUEST' });
    mail.send = realSend;
    sandbox.advance(10 * MINUTE);
    expect(mails(sandbox)).toHaveLength(1);
    expect(invite(mails(sandbox)[0]).sequence).toBe(0);
  });
});
