// Table tests that trip one guard of the invitations at a time: guests, liveness, each reconcile branch as whole rows, and the mails' exact words.
import { textsFor } from '../../src/domain/i18n/texts';
import {
  type Invitation,
  type InvitationEventFacts,
  invitationGuests,
  invitationKey,
  invitationMail,
  invitationSent,
  nextSequence,
  reconcileInvitations,
} from '../../src/domain/invitations';

const HOUR = 3600_000;
const NOW = Date.parse('2026-01-05T08:00:00Z');
const START = Date.parse('2026-01-06T10:00:00Z');
const END = START + HOUR / 2;
const WHEN = 'Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)';

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
    guests: [{ email: 'Jane@Example.org', name: 'Jane Doe' }],
    ...overrides,
  };
}

/** A row that was sent a REQUEST for the event as facts() describes it. */
function sent(overrides: Partial<Invitation> = {}): Invitation {
  return {
    key: 'evt1|jane@example.org',
    eventId: 'evt1',
    email: 'Jane@Example.org',
    name: 'Jane Doe',
    title: 'Checkup',
    start: START,
    end: END,
    uid: 'evt1@google.com',
    eventSequence: 0,
    sequence: 0,
    lastMethod: 'REQUEST',
    lastStart: START,
    lastEnd: END,
    state: 'active',
    pending: '',
    error: 'old',
    attempts: 2,
    sentAt: NOW - HOUR,
    updatedAt: NOW - HOUR,
    ...overrides,
  };
}

const reconcile = (event: InvitationEventFacts, rows: Invitation[]) => reconcileInvitations({ event, rows, now: NOW });

describe('invitationGuests, one guard at a time', () => {
  it.each([
    ['a guest, trimmed', [{ email: ' ann@example.org ', displayName: 'Ann' }], [{ email: 'ann@example.org', name: 'Ann' }]],
    ['no display name', [{ email: 'ann@example.org', displayName: null }], [{ email: 'ann@example.org', name: '' }]],
    ['a null email', [{ email: null }], []],
    ['self only', [{ email: 'ann@example.org', self: true }], []],
    ['organizer only', [{ email: 'ann@example.org', organizer: true }], []],
    ['resource only', [{ email: 'ann@example.org', resource: true }], []],
    [
      'flags false',
      [{ email: 'ann@example.org', self: false, organizer: false, resource: false }],
      [{ email: 'ann@example.org', name: '' }],
    ],
    ['the host in other case', [{ email: 'HOST@example.com' }], []],
    ['no dot in the domain', [{ email: 'ann@localhost' }], []],
    ['text around the address', [{ email: 'Ann <ann@example.org>' }], []],
    ['a local part of 65 characters', [{ email: `${'a'.repeat(65)}@example.org` }], []],
    ['a local part of 64 characters', [{ email: `${'a'.repeat(64)}@example.org` }], [{ email: `${'a'.repeat(64)}@example.org`, name: '' }]],
    ['a space inside', [{ email: 'ann smith@example.org' }], []],
    ['trailing text', [{ email: 'ann@example.org x' }], []],
  ])('%s', (_, attendees, expected) => {
    expect(invitationGuests(attendees, ['host@example.com', ''])).toEqual(expected);
  });

  it('an empty host address excludes no guest without an address', () => {
    expect(invitationGuests([{ email: 'ann@example.org' }], [''])).toEqual([{ email: 'ann@example.org', name: '' }]);
  });

  it('cleans names: controls and runs of spaces become one space, at most 100 characters, emoji kept whole', () => {
    const [guest] = invitationGuests([{ email: 'a@b.cd', displayName: `  A\u0000\u009F  B\t\tC ${'😀'.repeat(120)}` }], []);
    expect(guest.name).toBe(`A B C ${'😀'.repeat(94)}`);
    expect(Array.from(guest.name)).toHaveLength(100);
  });

  it('keys by event and lower-case email', () => {
    expect(invitationKey('evt1', 'Jane@Example.ORG')).toBe('evt1|jane@example.org');
  });
});

describe('reconcileInvitations, each branch as a whole row', () => {
  it('a new guest: the whole new row', () => {
    expect(reconcile(facts({ sequence: -3 }), [])).toEqual([
      {
        key: 'evt1|jane@example.org',
        eventId: 'evt1',
        email: 'Jane@Example.org',
        name: 'Jane Doe',
        title: 'Checkup',
        start: START,
        end: END,
        uid: 'evt1@google.com',
        eventSequence: 0,
        sequence: -1,
        lastMethod: '',
        lastStart: null,
        lastEnd: null,
        state: 'active',
        pending: 'REQUEST',
        error: '',
        attempts: 0,
        sentAt: null,
        updatedAt: NOW,
      },
    ]);
  });

  it('a cancelled event cancels the guest who was sent a REQUEST', () => {
    const event = facts({ cancelled: true, start: null, end: null });
    expect(reconcile(event, [sent()])).toEqual([sent({ state: 'cancelled', pending: 'CANCEL', error: '', attempts: 0, updatedAt: NOW })]);
  });

  it.each([
    ['all day', facts({ allDay: true })],
    ['without a start', facts({ start: null })],
    ['without an end', facts({ end: null })],
    ['ended exactly now', facts({ start: NOW - HOUR, end: NOW })],
  ])('an event %s that is not cancelled changes nothing', (_, event) => {
    expect(reconcile(event, [sent()])).toEqual([]);
    expect(reconcile(event, [])).toEqual([]);
  });

  it('an event ending a moment from now still invites', () => {
    expect(reconcile(facts({ start: NOW - HOUR, end: NOW + 1 }), [])).toHaveLength(1);
  });

  it('a guest removed after a CANCEL was sent, or never sent anything', () => {
    expect(reconcile(facts({ guests: [] }), [sent({ lastMethod: 'CANCEL', state: 'cancelled' })])).toEqual([]);
    expect(reconcile(facts({ guests: [] }), [sent({ lastMethod: '', error: '', attempts: 0 })])).toEqual([
      sent({ lastMethod: '', state: 'cancelled', pending: '', error: '', attempts: 0, updatedAt: NOW }),
    ]);
  });

  it('a cancelled guest added back is invited again', () => {
    expect(reconcile(facts(), [sent({ state: 'cancelled', lastMethod: 'CANCEL' })])).toEqual([
      sent({ lastMethod: 'CANCEL', pending: 'REQUEST', error: '', attempts: 0, updatedAt: NOW }),
    ]);
  });

  it.each([
    ['the start moved', { start: START + HOUR, end: END }, 'REQUEST'],
    ['only the end moved', { start: START, end: END + HOUR }, 'REQUEST'],
  ])('%s: a REQUEST with the new time', (_, times, pending) => {
    expect(reconcile(facts(times), [sent()])).toEqual([
      sent({ ...times, pending: pending as 'REQUEST', error: '', attempts: 0, updatedAt: NOW }),
    ]);
  });

  it.each([
    ['back to the time last sent', sent({ start: START + HOUR, pending: 'REQUEST' }), ''],
    ['back to the start only', sent({ start: START + HOUR, end: END + HOUR, lastEnd: END + HOUR * 2, pending: 'REQUEST' }), 'REQUEST'],
    ['back to the end only', sent({ start: START + HOUR, lastStart: START + 2 * HOUR, pending: 'REQUEST' }), 'REQUEST'],
    ['back to a time last cancelled', sent({ start: START + HOUR, lastMethod: 'CANCEL', pending: 'REQUEST' }), 'REQUEST'],
  ])('a move %s', (_, row, pending) => {
    const [next] = reconcile(facts(), [row]);
    expect(next.pending).toBe(pending);
    expect([next.start, next.end]).toEqual([START, END]);
    // The error and attempts start again only when what is pending changes.
    expect([next.error, next.attempts]).toEqual(pending === row.pending ? ['old', 2] : ['', 0]);
  });

  it.each([
    ['nothing', {}, null],
    ['the title', { summary: 'Renamed' }, { title: 'Renamed' }],
    ['the uid', { iCalUID: 'other@google.com' }, { uid: 'other@google.com' }],
    ["Google's sequence", { sequence: 4 }, { eventSequence: 4 }],
    ['a lower sequence of Google', { sequence: -1 }, null],
  ])('the same time, changed %s', (_, change, fields) => {
    const expected = fields === null ? [] : [sent({ ...fields, updatedAt: NOW })];
    expect(reconcile(facts(change), [sent()])).toEqual(expected);
  });

  it("the guest's new name is recorded silently", () => {
    expect(reconcile(facts({ guests: [{ email: 'jane@example.org', name: 'Jane' }] }), [sent()])).toEqual([
      sent({ name: 'Jane', updatedAt: NOW }),
    ]);
  });

  it('an event without a uid keeps the row uid', () => {
    expect(reconcile(facts({ iCalUID: '', summary: 'X' }), [sent()])).toEqual([sent({ title: 'X', updatedAt: NOW })]);
  });
});

describe('sequence and sent rows', () => {
  it.each([
    [{ lastMethod: '' as const, sequence: 5, eventSequence: 0 }, 0],
    [{ lastMethod: '' as const, sequence: -1, eventSequence: 3 }, 3],
    [{ lastMethod: 'REQUEST' as const, sequence: 5, eventSequence: 0 }, 6],
    [{ lastMethod: 'CANCEL' as const, sequence: 5, eventSequence: 9 }, 9],
    [{ lastMethod: 'REQUEST' as const, sequence: -3, eventSequence: -5 }, 0],
  ])('nextSequence(%j) is %i', (fields, expected) => {
    expect(nextSequence(sent(fields))).toBe(expected);
  });

  it('a sent REQUEST records its times, a sent CANCEL keeps the last ones', () => {
    const request = sent({ pending: 'REQUEST', start: START + HOUR, end: END + HOUR, error: 'e', attempts: 3 });
    expect(invitationSent(request, 4, NOW)).toEqual({
      ...request,
      pending: '',
      sequence: 4,
      lastMethod: 'REQUEST',
      lastStart: START + HOUR,
      lastEnd: END + HOUR,
      error: '',
      attempts: 0,
      sentAt: NOW,
      updatedAt: NOW,
    });
    const cancel = sent({ pending: 'CANCEL', start: START + HOUR, end: END + HOUR });
    expect(invitationSent(cancel, 5, NOW)).toMatchObject({ lastMethod: 'CANCEL', lastStart: START, lastEnd: END, sequence: 5 });
  });
});

describe('invitation mails, word for word', () => {
  const input = (row: Invitation) => ({
    row,
    sequence: 1,
    organizer: { email: 'host@example.com', name: 'Alex Morgan' },
    hostName: 'Alex Morgan',
    timeZone: 'Europe/Berlin',
    texts: textsFor('en'),
    link: 'https://x/page',
    now: NOW,
  });
  const rsvp = 'Accept or decline with the buttons of your calendar app, or open the attached invite.ics.';

  it.each([
    [
      'a first invitation',
      sent({ lastMethod: '', pending: 'REQUEST' }),
      `Invitation: Checkup with Alex Morgan – ${WHEN}`,
      `You are invited to "Checkup" with Alex Morgan on ${WHEN}.`,
      'To see, cancel or reschedule it',
      true,
    ],
    [
      'an update',
      sent({ pending: 'REQUEST' }),
      `Updated invitation: Checkup with Alex Morgan – ${WHEN}`,
      `Your appointment "Checkup" with Alex Morgan has moved to ${WHEN}.`,
      'To see, cancel or reschedule it',
      true,
    ],
    [
      'a cancel at the time last sent',
      sent({ pending: 'CANCEL', start: START + HOUR, end: END + HOUR }),
      `Cancelled: Checkup with Alex Morgan – ${WHEN}`,
      `Your appointment "Checkup" with Alex Morgan on ${WHEN} is cancelled.`,
      'To book a new time',
      false,
    ],
    [
      'a cancel never sent before, at the row time',
      sent({ pending: 'CANCEL', lastMethod: '', lastStart: null, lastEnd: null }),
      `Cancelled: Checkup with Alex Morgan – ${WHEN}`,
      `Your appointment "Checkup" with Alex Morgan on ${WHEN} is cancelled.`,
      'To book a new time',
      false,
    ],
  ])('%s', (_, row, subject, headline, action, withRsvp) => {
    const mail = invitationMail(input(row));
    expect(mail.subject).toBe(subject);
    expect(mail.text).toBe(
      ['Hello Jane Doe,', headline, ...(withRsvp ? [rsvp] : []), `${action}: https://x/page`, '— Alex Morgan'].join('\n\n'),
    );
    expect(mail.html).toBe(
      // The body names its language and direction, so an Arabic mail reads right to left.
      `<div lang="en" dir="ltr">\n<p>Hello Jane Doe,</p>\n<p><strong>${headline.replace(/"/g, '&quot;')}</strong></p>\n${withRsvp ? `<p>${rsvp}</p>` : ''}\n` +
        `<p>${action}: <a href="https://x/page">https://x/page</a></p>\n<p>— Alex Morgan</p>\n</div>`,
    );
    const ics = mail.attachment.content.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`STATUS:${withRsvp ? 'CONFIRMED' : 'CANCELLED'}`);
    expect(ics).toContain('DTSTART:20260106T100000Z');
    expect(ics).toContain('DTEND:20260106T103000Z');
    expect(ics).toContain('UID:evt1@google.com');
    expect(ics).toContain(`RSVP=${withRsvp ? 'TRUE' : 'FALSE'}`);
  });

  it("in the guest's language: German words and dates, an Arabic body right to left", () => {
    const german = invitationMail({ ...input(sent({ pending: 'REQUEST', lastMethod: '' })), texts: textsFor('de') });
    expect(german.subject).toMatch(/^Einladung: Checkup bei Alex Morgan – Dienstag, 6\. Januar 2026/);
    expect(german.text).toContain('Guten Tag Jane Doe,\n\nSie sind zu „Checkup“ bei Alex Morgan am Dienstag, 6. Januar 2026');
    expect(german.html).toContain('<p>Zum Ansehen, Absagen oder Verschieben: <a href="https://x/page">https://x/page</a></p>');
    const arabic = invitationMail({ ...input(sent({ pending: 'CANCEL' })), texts: textsFor('ar') });
    expect(arabic.html.startsWith('<div lang="ar" dir="rtl">')).toBe(true);
    expect(arabic.subject.startsWith('أُلغي: Checkup مع Alex Morgan')).toBe(true);
    expect(arabic.attachment.content.replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:Checkup مع Alex Morgan');
  });

  it('an untitled row, a guest without a name, a row without a uid', () => {
    const mail = invitationMail(input(sent({ pending: 'REQUEST', lastMethod: '', title: ' \n ', name: '', uid: '' })));
    expect(mail.subject).toBe(`Invitation: Appointment with Alex Morgan – ${WHEN}`);
    expect(mail.text.startsWith(`Hello,\n\nYou are invited to "Appointment" with Alex Morgan on ${WHEN}.`)).toBe(true);
    expect(mail.html.startsWith('<div lang="en" dir="ltr">\n<p>Hello,</p>')).toBe(true);
    const ics = mail.attachment.content.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('UID:evt1@google.com');
    expect(ics).toContain('SUMMARY:Appointment with Alex Morgan');
  });

  it('a title with controls and runs of spaces is one line everywhere', () => {
    const mail = invitationMail(input(sent({ pending: 'REQUEST', lastMethod: '', title: 'Check\u0007  up\n\nnow' })));
    expect(mail.subject).toBe(`Invitation: Check up now with Alex Morgan – ${WHEN}`);
    expect(mail.attachment.content.replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:Check up now with Alex Morgan');
  });
});
