// Table tests of a ledger row's delivery state changes: every field each change sets, with exact values.
import { MAX_SEND_ATTEMPTS, type Appointment } from '../../src/domain/appointments';
import type { MessageKind } from '../../src/domain/messages';
import {
  reportsLastMessage,
  OPTED_OUT_ERROR,
  UNCERTAIN_WAIT_MS,
  deliveryAccepted,
  deliveryAdopted,
  deliveryDropped,
  deliveryLookupFailed,
  deliveryNotFound,
  deliveryOptedIn,
  deliveryOptedOut,
  deliveryRejected,
  deliveryRetry,
  deliveryStatusKeptAside,
  deliveryStatusReported,
  deliveryUncertain,
} from '../../src/domain/delivery';
import { decodeAttempt, encodeAttempt, type SentAttempt } from '../../src/domain/sent-attempt';

const MINUTE = 60_000;
const AT = Date.UTC(2026, 0, 5, 8, 0);
/** Monday 12 January 2026, 09:00–09:30 Berlin. */
const START = Date.UTC(2026, 0, 12, 8, 0);
const END = START + 30 * MINUTE;
/** The time first announced, an hour earlier. */
const OLD_START = START - 60 * MINUTE;
const OLD_END = OLD_START + 30 * MINUTE;

function row(overrides: Partial<Appointment> = {}): Appointment {
  return {
    key: 'ev1|+4915123456789',
    eventId: 'ev1',
    iCalUID: 'ev1@google.com',
    phone: '+4915123456789',
    email: '',
    title: 'Checkup',
    start: START,
    end: END,
    state: 'active',
    pending: 'rescheduled',
    announcedKind: 'scheduled',
    announcedStart: OLD_START,
    announcedEnd: OLD_END,
    announcedAt: AT - 60 * MINUTE,
    messageSid: 'SM0001',
    delivery: 'retrying',
    error: 'Twilio is busy',
    attempts: 2,
    retryAt: AT - MINUTE,
    token: 'tok',
    updatedAt: AT - 2 * MINUTE,
    reminded: '',
    remindedAt: null,
    confirmedAt: null,
    attempt: '',
    ...overrides,
  };
}

/** A change sets exactly `fields`: every other field comes through as it was. */
function expectChange(before: Appointment, after: Appointment, fields: Partial<Appointment>): void {
  expect(after).toEqual({ ...before, ...fields });
}

/** The fingerprint of a `kind` message sent now for the row as it stands (a cancel names the time last announced). */
function sent(before: Appointment, kind: MessageKind): SentAttempt {
  const told = kind === 'cancelled';
  return {
    kind,
    start: told ? before.announcedStart : before.start,
    end: told ? before.announcedEnd : before.end,
    at: AT,
    text: '1x-00000000',
  };
}

describe('deliveryAccepted', () => {
  it.each<[string, MessageKind, Partial<Appointment>, Partial<Appointment>]>([
    [
      'a move: the new time becomes the announced one',
      'rescheduled',
      {},
      { announcedKind: 'rescheduled', announcedStart: START, announcedEnd: END },
    ],
    ['a booking: announced at its time', 'scheduled', {}, { announcedKind: 'scheduled', announcedStart: START, announcedEnd: END }],
    ['a cancel keeps the time last announced', 'cancelled', { state: 'cancelled' }, { announcedKind: 'cancelled' }],
  ])('%s', (_, kind, state, announced) => {
    const before = row({ pending: kind, ...state });
    const attempt = sent(before, kind);
    expectChange(before, deliveryAccepted(before, attempt, 'SM0002', 'queued', AT), {
      pending: '',
      ...announced,
      announcedAt: AT,
      messageSid: 'SM0002',
      delivery: 'queued',
      error: '',
      attempts: 0,
      retryAt: null,
      updatedAt: AT,
      attempt: encodeAttempt(attempt),
    });
  });

  it('a cancel of a row whose announced time is unknown keeps it unknown, whatever time the cancel named', () => {
    const before = row({ state: 'cancelled', pending: 'cancelled', announcedStart: null, announcedEnd: null });
    const attempt = { ...sent(before, 'cancelled'), start: START, end: END };
    expect(deliveryAccepted(before, attempt, 'SM0002', 'queued', AT)).toMatchObject({
      announcedKind: 'cancelled',
      announcedStart: null,
      announcedEnd: null,
      pending: '',
    });
  });

  it('announces what the attempt named: a move made while it was on its way stays owed', () => {
    const before = row({ pending: 'scheduled', announcedKind: '', announcedStart: null, announcedEnd: null });
    const attempt = { ...sent(before, 'scheduled'), start: OLD_START, end: OLD_END };
    expect(deliveryAccepted(before, attempt, 'SM0002', 'queued', AT)).toMatchObject({
      announcedKind: 'scheduled',
      announcedStart: OLD_START,
      announcedEnd: OLD_END,
      pending: 'rescheduled',
    });
  });

  it('keeps the reason of a failed message until the new one succeeds', () => {
    const before = row({ delivery: 'undelivered', error: 'the phone is unreachable (Twilio 30003)' });
    expect(deliveryAccepted(before, sent(before, 'rescheduled'), 'SM0002', 'queued', AT).error).toBe(
      'the phone is unreachable (Twilio 30003)',
    );
  });

  it('adopting a message found after an uncertain send is the same as its acceptance', () => {
    const before = row({ delivery: 'uncertain', error: 'Twilio answered 500; checking whether it was sent before trying again' });
    const attempt = sent(before, 'rescheduled');
    expect(deliveryAdopted(before, attempt, { sid: 'SM0003', status: 'delivered' }, AT)).toEqual(
      deliveryAccepted(before, attempt, 'SM0003', 'delivered', AT),
    );
    expect(deliveryAdopted(before, attempt, { sid: 'SM0003', status: 'delivered' }, AT)).toMatchObject({
      pending: '',
      messageSid: 'SM0003',
      delivery: 'delivered',
      error: '',
      attempts: 0,
    });
  });

  it('adopts a message Twilio already shows failed with the reason', () => {
    const before = row({ delivery: 'uncertain', error: 'Twilio answered 500; checking whether it was sent before trying again' });
    const attempt = sent(before, 'rescheduled');
    expect(deliveryAdopted(before, attempt, { sid: 'SM0003', status: 'undelivered', errorCode: 30003 }, AT)).toMatchObject({
      messageSid: 'SM0003',
      delivery: 'undelivered',
      error: expect.stringContaining('30003'),
    });
    expect(deliveryAdopted(before, attempt, { sid: 'SM0003', status: 'failed' }, AT).error).toBe('Twilio reported the message as failed');
  });
});

describe('refusals and retries', () => {
  it.each<[string, Appointment, Partial<Appointment>]>([
    [
      'rejected: nothing pending, failed with the reason, one more attempt',
      deliveryRejected(row(), 'invalid number', AT),
      { pending: '', messageSid: '', delivery: 'failed', error: 'invalid number', attempts: 3, retryAt: null, updatedAt: AT },
    ],
    [
      'uncertain: still pending, looked up after the wait',
      deliveryUncertain(row(), 'Twilio answered 500', AT),
      {
        delivery: 'uncertain',
        error: 'Twilio answered 500; checking whether it was sent before trying again',
        attempts: 3,
        retryAt: AT + 5 * MINUTE,
        updatedAt: AT,
      },
    ],
    [
      'retry after the third attempt: backoff of 4 minutes',
      deliveryRetry(row(), 'Twilio is busy (429)', AT),
      { error: 'Twilio is busy (429)', attempts: 3, retryAt: AT + 4 * MINUTE, updatedAt: AT },
    ],
    [
      'retry after the first attempt: backoff of 1 minute',
      deliveryRetry(row({ attempts: 0, delivery: '' }), 'could not reach Twilio', AT),
      { delivery: 'retrying', error: 'could not reach Twilio', attempts: 1, retryAt: AT + MINUTE, updatedAt: AT },
    ],
    [
      'retry one short of the limit: still retrying, backoff capped at an hour',
      deliveryRetry(row({ attempts: MAX_SEND_ATTEMPTS - 2 }), 'Twilio is busy (429)', AT),
      { error: 'Twilio is busy (429)', attempts: 7, retryAt: AT + 60 * MINUTE, updatedAt: AT },
    ],
    [
      'retry reaching the limit: given up, failed, nothing pending',
      deliveryRetry(row({ attempts: MAX_SEND_ATTEMPTS - 1 }), 'Twilio is busy (429)', AT),
      {
        pending: '',
        messageSid: '',
        delivery: 'failed',
        error: 'gave up after 8 attempts: Twilio is busy (429)',
        attempts: 8,
        retryAt: null,
        updatedAt: AT,
      },
    ],
  ])('%s', (_, after, expected) => {
    expectChange(row(), after, expected);
  });

  it('waits five minutes before looking up an uncertain send', () => {
    expect(UNCERTAIN_WAIT_MS).toBe(300_000);
  });
});

describe('opting out and back in', () => {
  it("an opt-out keeps Twilio's status aside for START", () => {
    const before = row({ pending: '', delivery: 'delivered', error: '' });
    const after = deliveryOptedOut(before, AT);
    expect(after.delivery).toBe('opted-out');
    expect(decodeAttempt(after.attempt)?.status).toBe('delivered');
    expect(deliveryOptedIn({ ...after, announcedStart: START, announcedEnd: END }, AT)).toMatchObject({
      delivery: 'delivered',
      pending: '',
    });
  });

  it.each([
    ['queued', 'queued'],
    ['accepted', 'accepted'],
    ['read', 'read'],
    ['retrying', undefined],
    ['error', undefined],
  ])("an opt-out of a row whose delivery is %s keeps Twilio's status %s aside", (delivery, kept) => {
    const after = deliveryOptedOut(row({ delivery }), AT);
    expect(after.attempt === '' ? undefined : decodeAttempt(after.attempt)).toEqual(
      kept === undefined ? undefined : { kind: 'scheduled', start: OLD_START, end: OLD_END, at: AT - 60 * MINUTE, text: '', status: kept },
    );
  });

  it('an opt-out clears what is pending and says why', () => {
    expectChange(row(), deliveryOptedOut(row(), AT), {
      pending: '',
      delivery: 'opted-out',
      error: 'the attendee opted out of WhatsApp messages (replied STOP); nothing is sent to this number',
      attempts: 0,
      retryAt: null,
      updatedAt: AT,
    });
    expect(OPTED_OUT_ERROR).toBe('the attendee opted out of WhatsApp messages (replied STOP); nothing is sent to this number');
  });

  const optedOut = (overrides: Partial<Appointment>): Appointment =>
    row({ pending: '', delivery: 'opted-out', error: OPTED_OUT_ERROR, attempts: 0, retryAt: null, ...overrides });

  it.each<[string, Appointment, Appointment['pending']]>([
    [
      'never announced, still ahead: announced as booked',
      optedOut({ announcedKind: '', announcedStart: null, announcedEnd: null }),
      'scheduled',
    ],
    ['announced at another time: announced as moved', optedOut({}), 'rescheduled'],
    ['announced as moved to another time: moved again', optedOut({ announcedKind: 'rescheduled' }), 'rescheduled'],
    ['announced at this very time: nothing to send', optedOut({ announcedStart: START, announcedEnd: END }), ''],
    ['only the end moved: announced as moved', optedOut({ announcedStart: START, announcedEnd: END + 15 * MINUTE }), 'rescheduled'],
    ['only the start moved: announced as moved', optedOut({ announcedStart: START + 15 * MINUTE, announcedEnd: END }), 'rescheduled'],
    ['last told it was cancelled: announced as booked', optedOut({ announcedKind: 'cancelled' }), 'scheduled'],
    ['already begun: nothing to send', optedOut({ start: AT, end: AT + 30 * MINUTE }), ''],
    ['cancelled in the calendar: nothing to send', optedOut({ state: 'cancelled' }), ''],
  ])('opting back in, %s', (_, before, pending) => {
    expectChange(before, deliveryOptedIn(before, AT), {
      pending,
      attempts: 0,
      retryAt: null,
      delivery: '',
      error: '',
      updatedAt: AT,
    });
  });
});

describe('dropped and reported', () => {
  it.each<[MessageKind, string]>([
    ['rescheduled', 'not sent: the appointment began before the rescheduled message could go out'],
    ['scheduled', 'not sent: the appointment began before the scheduled message could go out'],
  ])('a %s message the appointment overtook is dropped', (kind, error) => {
    const before = row({ pending: kind });
    expectChange(before, deliveryDropped(before, kind, AT), { pending: '', delivery: 'error', error, updatedAt: AT });
  });

  it.each([
    ['delivered', '', { delivery: 'delivered', error: '', updatedAt: AT }],
    ['undelivered', 'the number is not on WhatsApp', { delivery: 'undelivered', error: 'the number is not on WhatsApp', updatedAt: AT }],
  ])('a status callback %s sets delivery and error only', (status, error, expected) => {
    const before = row({ pending: '', delivery: 'sent', error: '' });
    expectChange(before, deliveryStatusReported(before, status, error, AT), expected);
  });
});

describe('an uncertain send looked up', () => {
  const uncertain = (overrides: Partial<Appointment> = {}): Appointment =>
    row({
      delivery: 'uncertain',
      error: 'Twilio answered 502; checking whether it was sent before trying again',
      attempts: 1,
      ...overrides,
    });

  it('Twilio could not be asked: the row waits five minutes and says so, nothing else changes', () => {
    const before = uncertain();
    expectChange(before, deliveryLookupFailed(before, 'Twilio could not be asked whether the message went out', AT), {
      retryAt: AT + 5 * MINUTE,
      error: 'Twilio could not be asked whether the message went out; asking again later',
      updatedAt: AT,
    });
    expect(UNCERTAIN_WAIT_MS).toBe(5 * MINUTE);
  });

  it.each<[string, Partial<Appointment>, Appointment['pending']]>([
    ['announced at another time: the move is owed', {}, 'rescheduled'],
    [
      'never announced: the booking is owed',
      { pending: 'scheduled', announcedKind: '', announcedStart: null, announcedEnd: null },
      'scheduled',
    ],
    ['cancelled after it was announced: the cancel is owed', { pending: 'cancelled', state: 'cancelled' }, 'cancelled'],
    [
      'announced as moved, to another time again: the move is owed',
      { pending: 'rescheduled', announcedKind: 'rescheduled' },
      'rescheduled',
    ],
  ])('not found, %s, and it stays uncertain until sent', (_, overrides, pending) => {
    const before = uncertain(overrides);
    expectChange(before, deliveryNotFound(before, AT), { pending, retryAt: null, updatedAt: AT });
  });

  it.each<[string, Partial<Appointment>]>([
    [
      'a cancel of a booking that never reached them',
      { pending: 'cancelled', state: 'cancelled', announcedKind: '', announcedStart: null, announcedEnd: null },
    ],
    ['a move back to the very time announced', { pending: 'rescheduled', announcedStart: START, announcedEnd: END }],
  ])('not found, %s, is owed nothing: the row settles with no delivery and no error', (_, overrides) => {
    const before = uncertain(overrides);
    expectChange(before, deliveryNotFound(before, AT), { pending: '', delivery: '', error: '', retryAt: null, updatedAt: AT });
  });
});

describe('a status while opted out', () => {
  it('is kept aside in the attempt; the row stays opted out with its reason', () => {
    const attempt: SentAttempt = { kind: 'scheduled', start: START, end: END, at: AT - MINUTE, text: '1x-00000000', status: 'sent' };
    const before = row({
      pending: '',
      delivery: 'opted-out',
      error: OPTED_OUT_ERROR,
      attempts: 0,
      retryAt: null,
      attempt: encodeAttempt(attempt),
    });
    const after = deliveryStatusKeptAside(before, 'read', AT);
    expectChange(before, after, { attempt: encodeAttempt({ ...attempt, status: 'read' }), updatedAt: AT });
    expect(decodeAttempt(after.attempt)).toEqual({
      kind: 'scheduled',
      start: START,
      end: END,
      at: AT - MINUTE,
      text: '1x-00000000',
      status: 'read',
    });
  });
});

describe('reportsLastMessage', () => {
  it.each([
    ['queued', true],
    ['delivered', true],
    ['failed', true],
    ['opted-out', true],
    ['uncertain', false],
    ['retrying', false],
    ['error', false],
  ])('a row whose delivery is %s: %s', (delivery, expected) => {
    expect(reportsLastMessage(row({ delivery }))).toBe(expected);
  });
});
