// Table tests of what the attendee reads: the text key of each kind, the placeholder values, free text and template variables, with exact wording.
import { textsFor } from '../../src/domain/i18n/texts';
import {
  type AppointmentFacts,
  MESSAGE_KINDS,
  messageKey,
  messageText,
  messageValues,
  TEMPLATE_VARIABLE_NUMBERS,
  templateBody,
  templateVariables,
} from '../../src/domain/messages';
import { parseRecurrence } from '../../src/domain/recurrence';

const START = Date.UTC(2026, 0, 12, 9, 0);
const END = START + 30 * 60_000;
const WHEN = 'Monday, 12 January 2026, 10:00–10:30 CET (UTC+1)';
const PREVIOUS = Date.UTC(2026, 0, 9, 14, 0);
const PREVIOUS_TEXT = 'Friday, 9 January 2026, 15:00 CET (UTC+1)';
const en = textsFor('en');
const series = { recurrence: parseRecurrence(['RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6']), seriesZone: 'Europe/Berlin', seriesStart: START };
const SERIES_WHEN = 'every Monday, 10:00–10:30 CET (UTC+1), from Monday, 12 January 2026, 6 times';

function facts(overrides: Partial<AppointmentFacts> = {}): AppointmentFacts {
  return {
    title: 'Checkup',
    hostName: 'Dr. Morgan',
    start: START,
    end: END,
    timeZone: 'Europe/Berlin',
    link: 'https://page',
    bookingLink: 'https://book',
    ...overrides,
  };
}

describe('messageKey', () => {
  it.each([
    ['scheduled', {}, 'message.scheduled'],
    ['rescheduled', {}, 'message.rescheduledPlain'],
    ['rescheduled', { previousStart: 0 }, 'message.rescheduled'],
    ['cancelled', {}, 'message.cancelled'],
    ['reminder', {}, 'message.reminder'],
    ['reminder', { confirmed: false }, 'message.reminder'],
    ['reminder', { confirmed: true }, 'message.reminderConfirmed'],
    ['scheduled', { series }, 'message.seriesScheduled'],
    ['rescheduled', { series, previousStart: 0 }, 'message.seriesChanged'],
    ['cancelled', { series }, 'message.seriesCancelled'],
    ['reminder', { series }, 'message.reminder'],
    ['reminder', { series, confirmed: true }, 'message.reminderConfirmed'],
  ] as const)('%s %j is %s', (kind, given, key) => {
    expect(messageKey(kind, given)).toBe(key);
  });

  it('has the four kinds in order', () => {
    expect(MESSAGE_KINDS).toEqual(['scheduled', 'rescheduled', 'cancelled', 'reminder']);
  });
});

describe('messageValues', () => {
  it.each([
    ['scheduled', facts(), { title: 'Checkup', host: 'Dr. Morgan', when: WHEN, link: 'https://page' }],
    ['cancelled', facts({ title: '  ' }), { title: 'Appointment', host: 'Dr. Morgan', when: WHEN, link: 'https://book' }],
    [
      'rescheduled',
      facts({ title: ' Checkup ', previousStart: PREVIOUS }),
      { title: 'Checkup', host: 'Dr. Morgan', when: WHEN, link: 'https://page', previous: PREVIOUS_TEXT },
    ],
    ['scheduled', facts({ series }), { title: 'Checkup', host: 'Dr. Morgan', when: SERIES_WHEN, link: 'https://page' }],
  ] as const)('%s', (kind, given, expected) => {
    expect(messageValues(kind, given, en)).toEqual(expected);
  });

  it('dates in the attendee language', () => {
    expect(messageValues('scheduled', facts(), textsFor('de')).when).toBe('Montag, 12. Januar 2026, 10:00–10:30 MEZ (UTC+1)');
  });
});

describe('messageText', () => {
  it.each([
    [
      'scheduled',
      facts(),
      `Your appointment "Checkup" with Dr. Morgan is booked for ${WHEN}.\n\nTo cancel, reschedule or add it to your calendar: https://page`,
    ],
    [
      'rescheduled',
      facts({ previousStart: PREVIOUS }),
      `Your appointment "Checkup" with Dr. Morgan has moved from ${PREVIOUS_TEXT} to ${WHEN}.\n\nTo cancel, reschedule or add it to your calendar: https://page`,
    ],
    ['cancelled', facts(), `Your appointment "Checkup" with Dr. Morgan on ${WHEN} is cancelled.\n\nTo book a new time: https://book`],
    [
      'reminder',
      facts({ confirmed: true }),
      `Reminder: your appointment "Checkup" with Dr. Morgan is on ${WHEN}.\n\nYou have confirmed it. To cancel, reschedule or add it to your calendar: https://page`,
    ],
    [
      'cancelled',
      facts({ series }),
      `Your appointments "Checkup" with Dr. Morgan (${SERIES_WHEN}) are cancelled.\n\nTo book a new time: https://book`,
    ],
  ] as const)('%s', (kind, given, expected) => {
    expect(messageText(kind, given, en)).toBe(expected);
  });

  it('cuts a long title so the message stays within 1,600 characters', () => {
    const text = messageText('scheduled', facts({ title: 'T'.repeat(3000) }), en);
    expect(Array.from(text)).toHaveLength(1600);
    expect(text.endsWith('To cancel, reschedule or add it to your calendar: https://page')).toBe(true);
    expect(text).toContain('T…" with Dr. Morgan');
  });
});

describe('templateVariables', () => {
  it.each([
    ['scheduled', facts({ buttonToken: 'tok' }), { '1': 'Checkup', '2': 'Dr. Morgan', '3': WHEN, '4': 'https://page' }],
    ['cancelled', facts(), { '1': 'Checkup', '2': 'Dr. Morgan', '3': WHEN, '4': 'https://book' }],
    ['rescheduled', facts(), { '1': 'Checkup', '2': 'Dr. Morgan', '3': WHEN, '4': 'https://page' }],
    [
      'rescheduled',
      facts({ previousStart: PREVIOUS }),
      { '1': 'Checkup', '2': 'Dr. Morgan', '3': WHEN, '4': 'https://page', '5': PREVIOUS_TEXT },
    ],
    ['scheduled', facts({ previousStart: PREVIOUS }), { '1': 'Checkup', '2': 'Dr. Morgan', '3': WHEN, '4': 'https://page' }],
    ['reminder', facts(), { '1': 'Checkup', '2': 'Dr. Morgan', '3': WHEN, '4': 'https://page' }],
    ['reminder', facts({ buttonToken: '' }), { '1': 'Checkup', '2': 'Dr. Morgan', '3': WHEN, '4': 'https://page' }],
    [
      'reminder',
      facts({ buttonToken: 'tok' }),
      { '1': 'Checkup', '2': 'Dr. Morgan', '3': WHEN, '4': 'https://page', '6': 'confirm:tok', '7': 'cancel:tok' },
    ],
  ] as const)('%s', (kind, given, expected) => {
    expect(templateVariables(kind, given, en)).toEqual(expected);
  });

  it('flattens each value as WhatsApp takes it', () => {
    const variables = templateVariables('scheduled', facts({ title: 'A\n\tB     C', hostName: 'H'.repeat(300) }), en);
    expect(variables['1']).toBe('A B C');
    expect(variables['2']).toBe(`${'H'.repeat(249)}…`);
  });
});

describe('templateBody', () => {
  it('numbers the placeholders as Twilio variables and leaves others', () => {
    expect(TEMPLATE_VARIABLE_NUMBERS).toEqual({ title: '1', host: '2', when: '3', link: '4', previous: '5' });
    expect(templateBody('"{title}" with {host}: {previous} → {when} {link} {count}')).toBe(
      '"{{1}}" with {{2}}: {{5}} → {{3}} {{4}} {count}',
    );
    expect(templateBody('{title}{title}')).toBe('{{1}}{{1}}');
  });
});
