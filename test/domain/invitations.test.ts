// Email invitations: who gets a REQUEST or CANCEL, SEQUENCE rules, and every object checked with ical.js against RFC 5545/5546.
import ICAL from 'ical.js';
import { textsFor } from '../../src/domain/i18n/texts';
import {
  calendarContentType,
  invitationGuests,
  invitationKey,
  invitationMail,
  invitationSent,
  isStaleInvitation,
  nextSequence,
  reconcileInvitations,
  sendUpdatesFor,
  type Invitation,
  type InvitationEventFacts,
  type InvitationMailInput,
} from '../../src/domain/invitations';

const HOUR = 3600_000;
const NOW = Date.parse('2026-01-05T08:00:00Z');
const START = Date.parse('2026-01-06T10:00:00Z');
const END = START + HOUR / 2;

function facts(overrides: Partial<InvitationEventFacts> = {}): InvitationEventFacts {
  return {
    eventId: 'evt1',
    iCalUID: 'evt1@google.com',
    cancelled: false,
    allDay: false,
    summary: 'Checkup',
    start: START,
    end: END,
    sequence: 0,
    guests: [{ email: 'jane@example.org', name: 'Jane Doe' }],
    ...overrides,
  };
}

/** Applies one reconcile and, when `send`, marks each pending row as sent, as the app does. */
function step(
  rows: Invitation[],
  event: InvitationEventFacts,
  send = true,
): { rows: Invitation[]; changed: Invitation[]; sequences: number[] } {
  const changed = reconcileInvitations({ event, rows, now: NOW });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const sequences: number[] = [];
  for (const row of changed) {
    if (send && row.pending !== '') {
      const sequence = nextSequence(row);
      sequences.push(sequence);
      byKey.set(row.key, invitationSent(row, sequence, NOW));
    } else byKey.set(row.key, row);
  }
  return { rows: Array.from(byKey.values()), changed, sequences };
}

function mailInput(row: Invitation, overrides: Partial<InvitationMailInput> = {}): InvitationMailInput {
  return {
    row,
    sequence: nextSequence(row),
    organizer: { email: 'host@example.com', name: 'Alex Morgan' },
    hostName: 'Alex Morgan',
    timeZone: 'Europe/Berlin',
    texts: textsFor('en'),
    link: 'https://script.google.com/macros/s/abc/exec?l=AAAAAAAAAAAAAAAA',
    now: NOW,
    ...overrides,
  };
}

function expectWellFormed(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.slice(0, -2).split('\r\n')) {
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
  }
}

function parse(ics: string): { calendar: ICAL.Component; event: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { calendar, event };
}

/** RFC 5546 3.2.2 (REQUEST) and 3.2.5 (CANCEL): the properties each method requires. */
function expectMethodRequirements(ics: string, method: 'REQUEST' | 'CANCEL'): ICAL.Component {
  expectWellFormed(ics);
  const { calendar, event } = parse(ics);
  expect(calendar.getFirstPropertyValue('method')).toBe(method);
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  for (const name of ['organizer', 'attendee', 'dtstamp', 'uid', 'sequence', 'dtstart']) {
    expect(event.hasProperty(name)).toBe(true);
  }
  expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
  for (const name of ['dtstamp', 'dtstart', 'dtend']) {
    expect(String(event.getFirstPropertyValue(name))).toMatch(/Z$/);
  }
  if (method === 'CANCEL') expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
  else {
    expect(event.getFirstPropertyValue('summary')).toBeTruthy();
    const attendee = event.getFirstProperty('attendee');
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
    expect(attendee?.getParameter('partstat')).toBe('NEEDS-ACTION');
  }
  return event;
}

describe('invitationGuests', () => {
  it('keeps real guests once, without the host, the organizer, self or resources', () => {
    const guests = invitationGuests(
      [
        { email: 'jane@example.org', displayName: 'Jane' },
        { email: 'JANE@example.org', displayName: 'Jane again' },
        { email: 'host@example.com', organizer: true, self: true },
        { email: 'Organizer@Example.com' },
        { email: 'room-4@resource.calendar.google.com', resource: true },
        { email: 'not an address' },
        { email: 'bob@example.net', displayName: 'Bob\u0007 \n Builder' },
        {},
      ],
      ['host@example.com', 'organizer@example.com', ''],
    );
    expect(guests).toEqual([
      { email: 'jane@example.org', name: 'Jane' },
      { email: 'bob@example.net', name: 'Bob Builder' },
    ]);
    expect(invitationGuests(undefined, [])).toEqual([]);
  });
});

describe('sendUpdatesFor', () => {
  it('asks Google to mail guests only in google mode and only when there are guests', () => {
    expect(sendUpdatesFor('google', 1)).toBe('all');
    expect(sendUpdatesFor('google', 0)).toBe('none');
    expect(sendUpdatesFor('email', 1)).toBe('none');
    expect(sendUpdatesFor('off', 2)).toBe('none');
  });
});

describe('reconcileInvitations', () => {
  it("invites a new guest with SEQUENCE 0 (or Google's, if higher), once", () => {
    const first = step([], facts());
    expect(first.changed).toHaveLength(1);
    expect(first.changed[0]).toMatchObject({
      key: invitationKey('evt1', 'jane@example.org'),
      pending: 'REQUEST',
      state: 'active',
      uid: 'evt1@google.com',
    });
    expect(first.sequences).toEqual([0]);
    expect(step(first.rows, facts()).changed).toEqual([]);
    expect(step([], facts({ sequence: 3 })).sequences).toEqual([3]);
  });

  it("raises SEQUENCE on every move and on the cancel, and never below Google's", () => {
    let state = step([], facts());
    const sequences = [...state.sequences];
    state = step(state.rows, facts({ start: START + HOUR, end: END + HOUR, sequence: 1 }));
    sequences.push(...state.sequences);
    state = step(state.rows, facts({ start: START + 2 * HOUR, end: END + 2 * HOUR, sequence: 7 }));
    sequences.push(...state.sequences);
    state = step(state.rows, facts({ start: START + 3 * HOUR, end: END + 3 * HOUR, sequence: 2 }));
    sequences.push(...state.sequences);
    state = step(state.rows, { ...facts(), cancelled: true, guests: [], start: null, end: null, sequence: 0 });
    sequences.push(...state.sequences);
    expect(sequences).toEqual([0, 1, 7, 8, 9]);
    expect(state.rows[0]).toMatchObject({ state: 'cancelled', lastMethod: 'CANCEL', lastStart: START + 3 * HOUR });
    // A repeated cancel (trigger echo) changes nothing.
    expect(step(state.rows, { ...facts(), cancelled: true, guests: [] }).changed).toEqual([]);
  });

  it('sends nothing for a move back to the time last sent, or for a title change', () => {
    const sent = step([], facts()).rows;
    const moved = step(sent, facts({ start: START + HOUR, end: END + HOUR }), false);
    expect(moved.changed[0].pending).toBe('REQUEST');
    const back = step(moved.rows, facts(), false);
    expect(back.changed[0].pending).toBe('');
    const renamed = step(sent, facts({ summary: 'Renamed' }), false);
    expect(renamed.changed[0]).toMatchObject({ pending: '', title: 'Renamed' });
  });

  it('cancels only a guest who was invited; an unsent invitation is simply dropped', () => {
    const unsent = step([], facts(), false).rows;
    const cancelled = step(unsent, { ...facts(), cancelled: true, guests: [] }, false);
    expect(cancelled.changed[0]).toMatchObject({ state: 'cancelled', pending: '' });
    const sent = step(
      [],
      facts({
        guests: [
          { email: 'jane@example.org', name: 'Jane' },
          { email: 'bob@example.net', name: '' },
        ],
      }),
    ).rows;
    const removed = step(sent, facts({ guests: [{ email: 'jane@example.org', name: 'Jane' }] }), false);
    expect(removed.changed).toHaveLength(1);
    expect(removed.changed[0]).toMatchObject({ email: 'bob@example.net', pending: 'CANCEL', state: 'cancelled' });
  });

  it('re-invites a guest added back, with a higher SEQUENCE than the cancel', () => {
    let state = step([], facts());
    state = step(state.rows, facts({ guests: [] }));
    state = step(state.rows, facts());
    expect(state.changed[0]).toMatchObject({ state: 'active', pending: 'REQUEST' });
    expect(state.sequences).toEqual([2]);
  });

  it('ignores ended and all-day events, and marks a REQUEST stale once the appointment began', () => {
    expect(step([], facts({ start: NOW - 2 * HOUR, end: NOW - HOUR })).changed).toEqual([]);
    expect(step([], facts({ allDay: true, start: null, end: null })).changed).toEqual([]);
    const [row] = step([], facts(), false).changed;
    expect(isStaleInvitation(row, START - 1)).toBe(false);
    expect(isStaleInvitation(row, START)).toBe(true);
    expect(isStaleInvitation({ ...row, pending: 'CANCEL' }, START + HOUR)).toBe(false);
  });
});

const tricky = [
  'Plain',
  'Comma, semicolon; colon: backslash \\ done',
  'Quote "double" and \'single\'',
  'Line one\nLine two',
  'München, 東京, Zürich, São Paulo, Київ, القاهرة 😀👍🏽',
  `Long ${'äöü€😀東'.repeat(30)} end`,
];

describe('invitationMail', () => {
  const [fresh] = step([], facts(), false).changed;

  it('builds a REQUEST with ORGANIZER, ATTENDEE RSVP=TRUE, DTSTAMP, UID, SEQUENCE, UTC times, CRLF and folding', () => {
    const mail = invitationMail(mailInput(fresh));
    expect(mail.method).toBe('REQUEST');
    expect(mail.to).toBe('jane@example.org');
    const event = expectMethodRequirements(mail.attachment.content, 'REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe('evt1@google.com');
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:host@example.com');
    expect(event.getFirstProperty('organizer')?.getParameter('cn')).toBe('Alex Morgan');
    expect(event.getFirstPropertyValue('attendee')).toBe('mailto:jane@example.org');
    expect(event.getFirstProperty('attendee')?.getParameter('cn')).toBe('Jane Doe');
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime()).toBe(NOW);
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(START);
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime()).toBe(END);
    expect(mail.attachment).toMatchObject({ fileName: 'invite.ics', contentType: 'text/calendar; charset=UTF-8; method=REQUEST' });
  });

  it('says in the MIME part the same method as in the body, for every method', () => {
    const [sentRow] = step([], facts()).rows;
    const cancel = { ...sentRow, state: 'cancelled' as const, pending: 'CANCEL' as const };
    for (const row of [fresh, cancel]) {
      const mail = invitationMail(mailInput(row));
      const { calendar } = parse(mail.attachment.content);
      const bodyMethod = String(calendar.getFirstPropertyValue('method'));
      expect(mail.attachment.contentType).toBe(calendarContentType(mail.method));
      expect(mail.attachment.contentType.match(/method=([A-Z]+)/)?.[1]).toBe(bodyMethod);
    }
  });

  it('builds a CANCEL with the same UID, STATUS:CANCELLED, a higher SEQUENCE and the time last sent', () => {
    const [sentRow] = step([], facts()).rows;
    const request = parse(invitationMail(mailInput(fresh)).attachment.content).event;
    const cancelRow: Invitation = { ...sentRow, state: 'cancelled', pending: 'CANCEL', start: START + 5 * HOUR };
    const mail = invitationMail(mailInput(cancelRow));
    expect(mail.method).toBe('CANCEL');
    const event = expectMethodRequirements(mail.attachment.content, 'CANCEL');
    expect(event.getFirstPropertyValue('uid')).toBe(request.getFirstPropertyValue('uid'));
    expect(Number(event.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(request.getFirstPropertyValue('sequence')));
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(START);
    expect(mail.subject).toMatch(/^Cancelled: /);
    expect(mail.text).toContain('is cancelled');
  });

  it('marks an update as such and keeps RSVP', () => {
    const sent = step([], facts()).rows;
    const [moved] = step(sent, facts({ start: START + HOUR, end: END + HOUR }), false).changed;
    const mail = invitationMail(mailInput(moved));
    expect(mail.subject).toMatch(/^Updated invitation: /);
    const event = expectMethodRequirements(mail.attachment.content, 'REQUEST');
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
  });

  it.each(tricky)('round-trips names and text: %s', (text) => {
    const row: Invitation = { ...fresh, title: text, name: text.replace(/\n/g, ' ') };
    const mail = invitationMail(mailInput(row, { organizer: { email: 'host@example.com', name: text }, hostName: 'Dr. "Q", Müller; MD' }));
    expectWellFormed(mail.attachment.content);
    const { event } = parse(mail.attachment.content);
    const oneLine = text.replace(/\s+/g, ' ').trim();
    expect(event.getFirstPropertyValue('summary')).toBe(`${oneLine} with Dr. "Q", Müller; MD`);
    expect(event.getFirstProperty('organizer')?.getParameter('cn')).toBe(text);
    expect(event.getFirstProperty('attendee')?.getParameter('cn')).toBe(text.replace(/\n/g, ' '));
    expect(String(event.getFirstPropertyValue('description'))).toContain(`"${oneLine}"`);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('escapes the HTML body and includes the link in both bodies', () => {
    const row: Invitation = { ...fresh, title: '<script>alert(1)</script>', name: 'Jane & "Co"' };
    const mail = invitationMail(mailInput(row));
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('Jane &amp; &quot;Co&quot;');
    expect(mail.html).toContain('href="https://script.google.com/macros/s/abc/exec?l=AAAAAAAAAAAAAAAA"');
    expect(mail.text).toContain('https://script.google.com/macros/s/abc/exec?l=AAAAAAAAAAAAAAAA');
    expect(mail.text).toContain('Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)');
  });

  it('refuses a row with nothing pending', () => {
    const [sentRow] = step([], facts()).rows;
    expect(() => invitationMail(mailInput(sentRow))).toThrow(/nothing pending/);
  });
});
