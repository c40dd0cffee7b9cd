// Table tests that trip one guard of reconcileEvent, isDue, isStale and retryDelayMs at a time, with exact values.
import { isDue, isStale, reconcileEvent, retryDelayMs, type Appointment, type EventSnapshot } from '../../src/domain/appointments';

const NOW = Date.UTC(2026, 2, 2, 9, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PHONE = '+4915123456789';
const S = NOW + 24 * HOUR;
const E = NOW + 25 * HOUR;

function event(overrides: Partial<EventSnapshot> = {}): EventSnapshot {
  return {
    id: 'ev1',
    iCalUID: 'ev1@google.com',
    cancelled: false,
    allDay: false,
    summary: 'Checkup',
    location: PHONE,
    start: S,
    end: E,
    ...overrides,
  };
}

/** A row announced (and delivered) at S–E, as after a successful first message. */
function announcedRow(overrides: Partial<Appointment> = {}): Appointment {
  return {
    key: `ev1|${PHONE}`,
    eventId: 'ev1',
    iCalUID: 'ev1@google.com',
    phone: PHONE,
    email: '',
    title: 'Checkup',
    start: S,
    end: E,
    state: 'active',
    pending: '',
    announcedKind: 'scheduled',
    announcedStart: S,
    announcedEnd: E,
    announcedAt: NOW - HOUR,
    messageSid: 'SM1',
    delivery: 'delivered',
    error: '',
    attempts: 0,
    retryAt: null,
    token: 'tok',
    updatedAt: NOW - HOUR,
    reminded: '',
    remindedAt: null,
    confirmedAt: null,
    attempt: '',
    ...overrides,
  };
}

function reconcile(
  snapshot: EventSnapshot,
  rows: Appointment[],
  phones: string[] = [PHONE],
  invalid: Array<{ text: string; reason: string }> = [],
) {
  return reconcileEvent({ event: snapshot, rows, phones: { phones, invalid }, now: NOW, newToken: (key) => `t-${key}` });
}

describe('reconcileEvent: events that change nothing', () => {
  it.each([
    ['ended an hour ago', { start: NOW - 2 * HOUR, end: NOW - HOUR }],
    ['ending exactly now', { start: NOW - HOUR, end: NOW }],
    ['all day', { allDay: true }],
    ['without a start', { start: null }],
    ['without an end', { end: null }],
  ])('an event %s leaves an announced row alone, even with its time or number changed', (_label, overrides) => {
    const result = reconcile(event({ ...overrides, summary: 'Renamed' }), [announcedRow()], ['+4915123456700']);
    expect(result).toEqual({ changed: [], problem: null });
  });

  it('an event ending one millisecond from now is still live and its move is announced', () => {
    const { changed } = reconcile(event({ start: NOW - HOUR, end: NOW + 1 }), [announcedRow()]);
    expect(changed.map((row) => row.pending)).toEqual(['rescheduled']);
  });
});

describe('reconcileEvent: which time changes are announced', () => {
  it.each([
    ['only the end moves', { end: E + 30 * MINUTE }, 'rescheduled'],
    ['only the start moves', { start: S - 30 * MINUTE }, 'rescheduled'],
    ['both move', { start: S + HOUR, end: E + HOUR }, 'rescheduled'],
  ])('%s: pending %s, with the new times on the row', (_label, overrides, pending) => {
    const snapshot = event(overrides);
    const [row] = reconcile(snapshot, [announcedRow({ confirmedAt: NOW - MINUTE })]).changed;
    expect(row).toMatchObject({ pending, start: snapshot.start, end: snapshot.end, confirmedAt: null, updatedAt: NOW });
  });

  it('a move back to exactly the announced time cancels the pending move', () => {
    const moved = announcedRow({ start: S + HOUR, end: E + HOUR, pending: 'rescheduled' });
    const [row] = reconcile(event(), [moved]).changed;
    expect(row).toMatchObject({ pending: '', start: S, end: E });
  });

  it.each([
    ['the start only', { start: S, end: E + 2 * HOUR }],
    ['the end only', { start: S - 2 * HOUR, end: E }],
  ])('a move back to %s of the announced time is still a move', (_label, times) => {
    const moved = announcedRow({ start: S + HOUR, end: E + HOUR, pending: 'rescheduled' });
    const [row] = reconcile(event(times), [moved]).changed;
    expect(row.pending).toBe('rescheduled');
  });

  it('a row whose last announcement was a move announces the next move too', () => {
    const [row] = reconcile(event({ start: S + HOUR, end: E + HOUR }), [announcedRow({ announcedKind: 'rescheduled' })]).changed;
    expect(row.pending).toBe('rescheduled');
  });

  it('a row never announced (a failed first message) only follows the new time', () => {
    const failed = announcedRow({ announcedKind: '', announcedStart: null, announcedEnd: null, pending: '', delivery: 'failed' });
    const [row] = reconcile(event({ start: S + HOUR, end: E + HOUR }), [failed]).changed;
    expect(row).toMatchObject({ pending: '', start: S + HOUR, end: E + HOUR });
  });
});

describe('reconcileEvent: retry bookkeeping', () => {
  it('a new pending announcement starts its attempts afresh', () => {
    const [row] = reconcile(event({ start: S + HOUR, end: E + HOUR }), [announcedRow({ attempts: 3, retryAt: NOW + 5 * MINUTE })]).changed;
    expect(row).toMatchObject({ pending: 'rescheduled', attempts: 0, retryAt: null });
  });

  it('a second move while one is still pending keeps its attempts and retry time', () => {
    const pendingMove = announcedRow({ start: S + HOUR, end: E + HOUR, pending: 'rescheduled', attempts: 3, retryAt: NOW + 5 * MINUTE });
    const [row] = reconcile(event({ start: S + 2 * HOUR, end: E + 2 * HOUR }), [pendingMove]).changed;
    expect(row).toMatchObject({ pending: 'rescheduled', attempts: 3, retryAt: NOW + 5 * MINUTE, start: S + 2 * HOUR });
  });
});

describe('reconcileEvent: quiet updates', () => {
  it('the same event again changes nothing', () => {
    expect(reconcile(event(), [announcedRow()]).changed).toEqual([]);
  });

  it.each([
    ['a new title', { summary: 'Check-up (room 2)' }, { title: 'Check-up (room 2)', iCalUID: 'ev1@google.com' }],
    ['a new iCalUID', { iCalUID: 'other@google.com' }, { title: 'Checkup', iCalUID: 'other@google.com' }],
  ])('%s updates the row without announcing', (_label, overrides, expected) => {
    const [row] = reconcile(event(overrides), [announcedRow()]).changed;
    expect(row).toMatchObject({ ...expected, pending: '', updatedAt: NOW });
  });
});

describe('reconcileEvent: a number removed or the event cancelled', () => {
  it.each([
    ['announced and delivered', { announcedKind: 'scheduled', delivery: 'delivered' }, 'cancelled'],
    ['sent with an uncertain answer and never confirmed', { announcedKind: '', delivery: 'uncertain' }, 'cancelled'],
    ['never announced', { announcedKind: '', delivery: 'failed' }, ''],
    ['already told of a cancellation', { announcedKind: 'cancelled', delivery: 'delivered' }, ''],
  ] as const)('a row %s gets pending %j', (_label, overrides, pending) => {
    const row = announcedRow({ ...overrides, attempts: 2, retryAt: NOW + MINUTE });
    const [next] = reconcile(event({ cancelled: true }), [row], []).changed;
    expect(next).toMatchObject({ state: 'cancelled', pending, attempts: 0, retryAt: null, updatedAt: NOW });
  });

  it('a row already cancelled is not touched again', () => {
    const row = announcedRow({ state: 'cancelled', announcedKind: 'cancelled' });
    expect(reconcile(event({ cancelled: true }), [row], []).changed).toEqual([]);
  });

  it('a cancelled row whose number comes back is scheduled again, unconfirmed', () => {
    const row = announcedRow({ state: 'cancelled', announcedKind: 'cancelled', confirmedAt: NOW - HOUR, attempts: 4, retryAt: NOW });
    const [next] = reconcile(event(), [row]).changed;
    expect(next).toMatchObject({ state: 'active', pending: 'scheduled', confirmedAt: null, attempts: 0, retryAt: null });
  });
});

describe('reconcileEvent: a new number', () => {
  it('is a complete row with empty delivery fields', () => {
    const { changed } = reconcile(event(), []);
    expect(changed).toEqual([
      {
        key: `ev1|${PHONE}`,
        eventId: 'ev1',
        iCalUID: 'ev1@google.com',
        phone: PHONE,
        email: '',
        title: 'Checkup',
        start: S,
        end: E,
        state: 'active',
        pending: 'scheduled',
        announcedKind: '',
        announcedStart: null,
        announcedEnd: null,
        announcedAt: null,
        messageSid: '',
        delivery: '',
        error: '',
        attempts: 0,
        retryAt: null,
        token: `t-ev1|${PHONE}`,
        updatedAt: NOW,
        reminded: '',
        remindedAt: null,
        confirmedAt: null,
        attempt: '',
      },
    ]);
  });

  it('names every unusable number of a live event, joined by "; "', () => {
    const invalid = [
      { text: '12', reason: '"12" is too short' },
      { text: '+999', reason: '"+999" has no country' },
    ];
    expect(reconcile(event(), [], [], invalid).problem).toBe('"12" is too short; "+999" has no country');
    expect(reconcile(event({ cancelled: true }), [], [], invalid).problem).toBeNull();
  });
});

describe('isDue', () => {
  it.each([
    ['nothing pending', { pending: '', retryAt: null }, false],
    ['nothing pending even past a retry time', { pending: '', retryAt: NOW - MINUTE }, false],
    ['pending, no retry time', { pending: 'scheduled', retryAt: null }, true],
    ['pending, retry time passed', { pending: 'rescheduled', retryAt: NOW - 1 }, true],
    ['pending, retry time exactly now', { pending: 'cancelled', retryAt: NOW }, true],
    ['pending, retry time a millisecond ahead', { pending: 'scheduled', retryAt: NOW + 1 }, false],
  ] as const)('%s → %s', (_label, overrides, expected) => {
    expect(isDue(announcedRow(overrides), NOW)).toBe(expected);
  });
});

describe('isStale', () => {
  it.each([
    ['a move whose appointment began', { pending: 'rescheduled', start: NOW - MINUTE }, true],
    ['a move starting exactly now', { pending: 'scheduled', start: NOW }, true],
    ['a move starting a millisecond from now', { pending: 'rescheduled', start: NOW + 1 }, false],
    ['a cancellation after the start (still worth sending)', { pending: 'cancelled', start: NOW - HOUR }, false],
  ] as const)('%s → %s', (_label, overrides, expected) => {
    expect(isStale(announcedRow(overrides), NOW)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 4],
    [4, 8],
    [6, 32],
    [7, 60],
    [8, 60],
    [20, 60],
  ])('after %i attempts: %i minutes', (attempts, minutes) => {
    expect(retryDelayMs(attempts)).toBe(minutes * MINUTE);
  });
});
