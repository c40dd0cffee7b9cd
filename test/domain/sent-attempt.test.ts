// The attempt fingerprint: what an uncertain create is matched by, what is still owed, what was refused.
import type { Appointment } from '../../src/domain/appointments';
import { decodeAttempt, encodeAttempt, owedAnnouncement, refusedChange, textFingerprint, withAttempt } from '../../src/domain/sent-attempt';

function row(overrides: Partial<Appointment> = {}): Appointment {
  return {
    key: 'e1|+4915123456789',
    eventId: 'e1',
    iCalUID: 'e1@google.com',
    phone: '+4915123456789',
    email: '',
    title: 'Consultation',
    start: 1000,
    end: 2000,
    state: 'active',
    pending: '',
    announcedKind: 'scheduled',
    announcedStart: 1000,
    announcedEnd: 2000,
    announcedAt: 500,
    messageSid: 'SM1',
    delivery: 'queued',
    error: '',
    attempts: 0,
    retryAt: null,
    token: 't',
    updatedAt: 500,
    reminded: '',
    remindedAt: null,
    confirmedAt: null,
    attempt: '',
    ...overrides,
  };
}

describe('textFingerprint', () => {
  it('ignores how whitespace is folded and tells different texts apart', () => {
    expect(textFingerprint('Your appointment  is\nbooked ')).toBe(textFingerprint('Your appointment is booked'));
    expect(textFingerprint('booked at 11:00')).not.toBe(textFingerprint('booked at 12:00'));
    expect(textFingerprint('')).toBe('0-811c9dc5');
  });
});

describe('owedAnnouncement', () => {
  it('owes a move, a cancel of what was announced, a booking never announced, and nothing otherwise', () => {
    expect(owedAnnouncement(row())).toBe('');
    expect(owedAnnouncement(row({ start: 1500, end: 2500 }))).toBe('rescheduled');
    expect(owedAnnouncement(row({ state: 'cancelled' }))).toBe('cancelled');
    expect(owedAnnouncement(row({ state: 'cancelled', announcedKind: '' }))).toBe('');
    expect(owedAnnouncement(row({ announcedKind: '' }))).toBe('scheduled');
    expect(owedAnnouncement(row({ announcedKind: 'cancelled' }))).toBe('scheduled');
  });
});

describe('attempt cell', () => {
  it('round-trips, tolerates junk, and is made from what was announced for older rows', () => {
    const attempt = { kind: 'scheduled' as const, start: 1, end: 2, at: 3, text: 'x' };
    expect(decodeAttempt(encodeAttempt(attempt))).toEqual(attempt);
    expect(decodeAttempt('not json')).toBeNull();
    expect(decodeAttempt('')).toBeNull();
    expect(decodeAttempt(withAttempt(row(), { polledAt: 9 }).attempt)).toEqual({
      kind: 'scheduled',
      start: 1000,
      end: 2000,
      at: 500,
      text: '',
      polledAt: 9,
    });
  });

  it('names a refused change, a cancel included, and nothing while a send is pending', () => {
    const cancel = encodeAttempt({ kind: 'cancelled', start: 1000, end: 2000, at: 3, text: '' });
    expect(refusedChange(row({ state: 'cancelled', delivery: 'failed', error: 'invalid (Twilio 21211)', attempt: cancel }))).toEqual({
      kind: 'cancelled',
      reason: 'invalid (Twilio 21211)',
    });
    expect(refusedChange(row({ delivery: 'failed', pending: 'rescheduled', attempt: cancel }))).toBeNull();
    expect(refusedChange(row({ attempt: cancel }))).toBeNull();
  });
});

describe('one guard at a time', () => {
  // FNV-1a 32-bit reference values (http://www.isthe.com/chongo/tech/comp/fnv/): "a" e40c292c, "foobar" bf9cf968.
  it.each([
    ['a', '1-e40c292c'],
    ['foobar', '6-bf9cf968'],
    ['  foobar\n', '6-bf9cf968'],
    ['Your appointment is booked', 'q-e0c0e227'],
    ['é€', '2-fdca1138'],
    ['Thanks', '6-05024ed0'],
  ])('textFingerprint(%j) is %s', (text, expected) => {
    expect(textFingerprint(text)).toBe(expected);
  });

  it.each([
    ['null', null],
    ['5', null],
    ['"text"', null],
    ['{}', null],
    ['{"kind":3}', null],
    ['true', null],
    ['[]', null],
    ['{"kind":"reminder","start":null,"end":null,"at":1,"text":""}', { kind: 'reminder', start: null, end: null, at: 1, text: '' }],
  ])('decodeAttempt(%s)', (cell, expected) => {
    expect(decodeAttempt(cell)).toEqual(expected);
  });

  it('encodes no attempt as an empty cell', () => {
    expect(encodeAttempt(null)).toBe('');
  });

  it.each([
    ['a row never announced', { announcedKind: '' as const, announcedAt: null, updatedAt: 700 }, { kind: 'scheduled', at: 700 }],
    ['a moved row', { announcedKind: 'rescheduled' as const }, { kind: 'rescheduled', at: 500 }],
  ])('withAttempt builds the attempt of %s from what it announced', (_, overrides, expected) => {
    const attempt = decodeAttempt(withAttempt(row(overrides), {}).attempt);
    expect(attempt).toEqual({ start: 1000, end: 2000, text: '', ...expected });
  });

  it('withAttempt changes a stored attempt and keeps the rest of the row', () => {
    const stored = row({ attempt: encodeAttempt({ kind: 'cancelled', start: 1, end: 2, at: 3, text: 'f' }) });
    const changed = withAttempt(stored, { status: 'read' });
    expect(decodeAttempt(changed.attempt)).toEqual({ kind: 'cancelled', start: 1, end: 2, at: 3, text: 'f', status: 'read' });
    expect({ ...changed, attempt: '' }).toEqual({ ...stored, attempt: '' });
  });

  it.each([
    ['rescheduled announced, same time', { announcedKind: 'rescheduled' as const }, ''],
    ['rescheduled announced, then cancelled', { announcedKind: 'rescheduled' as const, state: 'cancelled' as const }, 'cancelled'],
    ['only the end moved', { end: 2500 }, 'rescheduled'],
    ['only the start moved', { start: 900 }, 'rescheduled'],
    ['a reminder was the last word', { announcedKind: 'reminder' as const }, 'scheduled'],
  ])('owedAnnouncement: %s', (_, overrides, expected) => {
    expect(owedAnnouncement(row(overrides))).toBe(expected);
  });

  const attempt = encodeAttempt({ kind: 'rescheduled', start: 1000, end: 2000, at: 3, text: '' });
  it.each([
    ['undelivered', { delivery: 'undelivered', error: 'x', attempt }, { kind: 'rescheduled', reason: 'x' }],
    ['failed without an attempt', { delivery: 'failed', error: 'x', attempt: '' }, null],
    ['delivered', { delivery: 'delivered', attempt }, null],
    ['rejected by the opt-out', { delivery: 'opted-out', attempt }, null],
  ])('refusedChange: %s', (_, overrides, expected) => {
    expect(refusedChange(row(overrides))).toEqual(expected);
  });
});
