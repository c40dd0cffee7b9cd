// Table tests of the WhatsApp replies: the numbered list and its budget, every short answer's text key, and the host's forward.
import { textsFor } from '../../src/domain/i18n/texts';
import {
  busyReply,
  cancelFailedReply,
  confirmedReply,
  emptyReply,
  forwardedReply,
  helpReply,
  hostForward,
  languageSetReply,
  languageUnknownReply,
  type ListedAppointment,
  listForgottenNote,
  listReply,
  mediaReply,
  noSuchItemReply,
  notCurrentNote,
  notYoursReply,
  type ReplyContext,
  slowDownReply,
  startReply,
  stopReply,
  titleOrDefault,
  whenText,
  whichOneNote,
} from '../../src/domain/replies';

const START = Date.UTC(2026, 0, 12, 9, 0);
const END = START + 30 * 60_000;
const WHEN = 'Monday, 12 January 2026, 10:00–10:30 CET (UTC+1)';
const en = textsFor('en');
const context: ReplyContext = { hostName: 'Dr. Morgan', timeZone: 'Europe/Berlin', texts: en, bookingLink: 'https://book' };

function item(overrides: Partial<ListedAppointment> = {}): ListedAppointment {
  return { title: 'Checkup', start: START, end: END, link: 'https://x/1', confirmed: false, ...overrides };
}

describe('titles and times', () => {
  it.each([
    ['Checkup', 'Checkup'],
    ['  Checkup  ', 'Checkup'],
    ['', 'Appointment'],
    ['   ', 'Appointment'],
  ])('titleOrDefault(%j)', (title, expected) => {
    expect(titleOrDefault(title, en)).toBe(expected);
  });

  it('whenText is the range in the zone and locale', () => {
    expect(whenText({ start: START, end: END }, context)).toBe(WHEN);
    expect(whenText({ start: START, end: END }, { ...context, texts: textsFor('de') })).toBe(
      'Montag, 12. Januar 2026, 10:00–10:30 MEZ (UTC+1)',
    );
  });
});

describe('listReply', () => {
  it('empty list: the booking link, after the note', () => {
    expect(listReply([], context)).toBe('You have no appointments with Dr. Morgan in the next 30 days. To book one: https://book');
    expect(listReply([], context, 'Note.')).toBe(
      'Note.\n\nYou have no appointments with Dr. Morgan in the next 30 days. To book one: https://book',
    );
  });

  it('one appointment, confirmed', () => {
    expect(listReply([item({ confirmed: true })], context)).toBe(
      `Your appointment with Dr. Morgan in the next 30 days:\n\n1. "Checkup" (confirmed)\n${WHEN}\nhttps://x/1\n\n` +
        'Reply "cancel 1" to cancel it, or open the link to reschedule. HELP shows everything I understand.',
    );
  });

  it('two appointments, an untitled one, with a note', () => {
    expect(listReply([item(), item({ title: ' ', link: 'https://x/2' })], context, 'N')).toBe(
      `N\n\nYour 2 appointments with Dr. Morgan in the next 30 days:\n\n1. "Checkup"\n${WHEN}\nhttps://x/1\n\n2. "Appointment"\n${WHEN}\nhttps://x/2\n\n` +
        'Reply "cancel 2" to cancel the second one, or open a link to reschedule. HELP shows everything I understand.',
    );
  });

  it('stops at the budget and says how many more, numbers kept', () => {
    const link = 'x'.repeat(500);
    const line = (n: number) => `${n}. "Checkup"\n${WHEN}\n${link}`;
    const text = listReply(
      Array.from({ length: 5 }, () => item({ link })),
      context,
    );
    expect(text).toBe(
      `Your 5 appointments with Dr. Morgan in the next 30 days:\n\n${line(1)}\n\n${line(2)}\n\n… and 3 more.\n\n` +
        'Reply "cancel 2" to cancel the second one, or open a link to reschedule. HELP shows everything I understand.',
    );
  });

  it('counts the blank line between entries against the budget', () => {
    const base = `1. "Checkup"\n${WHEN}\n`.length;
    // Two lines of 1,199 characters together: with the two newlines between them they are one over.
    const first = item({ link: 'a'.repeat(600 - base) });
    const second = item({ link: 'b'.repeat(599 - base) });
    expect(listReply([first, second], context)).toContain(`${'a'.repeat(600 - base)}\n\n… and 1 more.`);
    const shorter = item({ link: 'b'.repeat(597 - base) });
    expect(listReply([first, shorter], context)).toContain(`2. "Checkup"\n${WHEN}\n${'b'.repeat(597 - base)}`);
  });

  it('a line that ends exactly at the budget still fits', () => {
    const base = `1. ""\n${WHEN}\n`.length;
    const link = 'x'.repeat(1200 - base - 'Checkup'.length);
    const exact = item({ link });
    expect(`1. "Checkup"\n${WHEN}\n${link}`.length).toBe(1200);
    expect(listReply([exact, item()], context)).toContain(`${link}\n\n… and 1 more.`);
    const over = item({ link: `${link}y` });
    expect(listReply([over], context)).toContain('… and 1 more.');
  });
});

describe('short replies', () => {
  it('help names the host, the booking link and every language', () => {
    expect(helpReply(context)).toBe(
      "This is Dr. Morgan's appointment number. You can reply:\nLIST: your appointments in the next 30 days\nCANCEL 2: cancel appointment 2 of the list\n" +
        'CONFIRM 2: confirm appointment 2 of the list (or 1 after a reminder)\nSTOP: no more WhatsApp messages from us; START: receive them again\n' +
        'LANGUAGE ES: write to me in another language (en, es, pt, de, fr, it, nl, tr, id, hi, ar)\nAnything else you write is passed on to Dr. Morgan.\nTo book a new time: https://book',
    );
  });

  it.each([
    [
      'stop',
      stopReply(context),
      'You will no longer receive WhatsApp messages about appointments with Dr. Morgan. Reply START to receive them again.',
    ],
    [
      'start',
      startReply(context),
      'Welcome back: you will receive WhatsApp messages about your appointments with Dr. Morgan again. Reply LIST to see them.',
    ],
    [
      'confirmed',
      confirmedReply(item({ title: '' }), context),
      `Thank you, "Appointment" on ${WHEN} is confirmed. Dr. Morgan will see it in the calendar.`,
    ],
    ['no items', noSuchItemReply(3, 0, en), 'You have no upcoming appointments to choose from.'],
    ['no such item of one', noSuchItemReply(3, 1, en), 'There is no appointment 3 in your list; it has 1 appointment.'],
    ['no such item of many', noSuchItemReply(3, 2, en), 'There is no appointment 3 in your list; it has 2 appointments.'],
    [
      'forgotten cancel',
      listForgottenNote('cancel', 2, en),
      'I no longer know which list you mean, so nothing was changed. Here is your current list: reply "cancel 2" again if it is the one you mean.',
    ],
    [
      'forgotten confirm',
      listForgottenNote('confirm', 2, en),
      'I no longer know which list you mean, so nothing was changed. Here is your current list: reply "confirm 2" again if it is the one you mean.',
    ],
    ['not current', notCurrentNote(4, en), 'Appointment 4 of the list you were shown is no longer upcoming, so nothing was changed.'],
    ['which cancel', whichOneNote('cancel', en), 'Which one? Reply "cancel 1", "cancel 2" … with the number from this list.'],
    ['which confirm', whichOneNote('confirm', en), 'Which one? Reply "confirm 1", "confirm 2" … with the number from this list.'],
    ['forwarded', forwardedReply(context), 'Thank you, I have passed your message on to Dr. Morgan. Reply LIST to see your appointments.'],
    [
      'media',
      mediaReply(context),
      'Thank you, I have passed it on to Dr. Morgan. I can only read text myself: reply LIST to see your appointments or HELP for more.',
    ],
    ['empty', emptyReply(en), 'Your message was empty. Reply LIST to see your appointments or HELP for more.'],
    [
      'slow down',
      slowDownReply(en),
      'You are sending messages very quickly, so I will not answer for a few minutes. Your messages are kept for the host.',
    ],
    ['busy', busyReply(en), 'Sorry, I am busy for a moment. Please send your message again in a minute.'],
    [
      'not yours',
      notYoursReply(en),
      'That button belongs to an appointment that is no longer current. Reply LIST to see your appointments.',
    ],
    [
      'cancel failed',
      cancelFailedReply(en),
      'Sorry, that did not work. Nothing was changed. Please use the link in your appointment message.',
    ],
    ['language set', languageSetReply(en), 'From now on I will write to you in English. Reply LIST to see your appointments.'],
    [
      'language unknown',
      languageUnknownReply(en),
      'I cannot write in that language yet. Reply LANGUAGE with one of: en, es, pt, de, fr, it, nl, tr, id, hi, ar.',
    ],
  ])('%s', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('hostForward', () => {
  const base = { phone: '+4915123456789', profileName: '', text: 'Hello', mediaCount: 0, messageSid: 'SM1', appointments: [], context };
  const tail = '\n\nTo answer, write to +4915123456789 on WhatsApp.';

  it('without a name, media or appointments', () => {
    expect(hostForward(base)).toEqual({
      subject: 'WhatsApp message from +4915123456789',
      body: `+4915123456789 wrote on WhatsApp:\n\nHello\n\nTheir appointments:\nNo upcoming appointments in the next 30 days.${tail}`,
    });
  });

  it('a blank name is no name; empty text says so', () => {
    expect(hostForward({ ...base, profileName: '  ', text: '' }).body).toBe(
      `+4915123456789 wrote on WhatsApp:\n\n(no text)\n\nTheir appointments:\nNo upcoming appointments in the next 30 days.${tail}`,
    );
  });

  it.each([
    [1, '(1 attachment: open message SM1 in the Twilio console.)'],
    [2, '(2 attachments: open message SM1 in the Twilio console.)'],
  ])('with %i attachments, a name and appointments', (mediaCount, media) => {
    const forward = hostForward({ ...base, profileName: ' Ana ', mediaCount, appointments: [item(), item({ title: '' })] });
    expect(forward).toEqual({
      subject: 'WhatsApp message from Ana (+4915123456789)',
      body: `Ana (+4915123456789) wrote on WhatsApp:\n\nHello\n\n${media}\n\nTheir appointments:\n- "Checkup", ${WHEN}\n- "Appointment", ${WHEN}${tail}`,
    });
  });
});
