// Tests of how calendar changes update the ledger: what is announced and what is noise.
import { reconcileEvent, snapshotLanguage, type Appointment, type EventSnapshot } from '../../src/domain/appointments';

const NOW = Date.UTC(2026, 2, 2, 9, 0);
const HOUR = 3600_000;
const token = (key: string): string => `t-${key}`;

function event(overrides: Partial<EventSnapshot> = {}): EventSnapshot {
  return {
    id: 'ev1',
    iCalUID: 'ev1@google.com',
    cancelled: false,
    allDay: false,
    summary: 'Checkup',
    location: '+4915123456789',
    start: NOW + 24 * HOUR,
    end: NOW + 25 * HOUR,
    ...overrides,
  };
}

function reconcile(snapshot: EventSnapshot, rows: Appointment[], phones = ['+4915123456789'], baseline = false) {
  return reconcileEvent({
    event: snapshot,
    rows,
    phones: { phones: snapshot.cancelled ? [] : phones, invalid: [] },
    now: NOW,
    baseline,
    newToken: token,
  });
}

function announced(row: Appointment): Appointment {
  return {
    ...row,
    pending: '',
    announcedKind: row.pending || 'scheduled',
    announcedStart: row.start,
    announcedEnd: row.end,
    delivery: 'delivered',
  };
}

describe('reconcileEvent', () => {
  it('schedules a new future event with a phone, with a token for its key', () => {
    const { changed, problem } = reconcile(event(), []);
    expect(problem).toBeNull();
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ key: 'ev1|+4915123456789', pending: 'scheduled', state: 'active', token: 't-ev1|+4915123456789' });
  });

  it('records existing events as already announced in baseline mode', () => {
    const [row] = reconcile(event(), [], undefined, true).changed;
    expect(row.pending).toBe('');
    expect(row.announcedKind).toBe('scheduled');
  });

  it('announces a move, and nothing when the same event comes again unchanged', () => {
    const row = announced(reconcile(event(), []).changed[0]);
    expect(reconcile(event(), [row]).changed).toEqual([]);
    const moved = reconcile(event({ start: NOW + 48 * HOUR, end: NOW + 49 * HOUR }), [row]).changed[0];
    expect(moved.pending).toBe('rescheduled');
    expect(moved.announcedStart).toBe(NOW + 24 * HOUR);
  });

  it('forgets a pending move when the event returns to the announced time', () => {
    const row = announced(reconcile(event(), []).changed[0]);
    const moved = reconcile(event({ start: NOW + 48 * HOUR, end: NOW + 49 * HOUR }), [row]).changed[0];
    const back = reconcile(event(), [moved]).changed[0];
    expect(back.pending).toBe('');
  });

  it('keeps a never-sent booking as "scheduled" when it moves before going out', () => {
    const row = reconcile(event(), []).changed[0];
    const moved = reconcile(event({ start: NOW + 48 * HOUR, end: NOW + 49 * HOUR }), [row]).changed[0];
    expect(moved.pending).toBe('scheduled');
    expect(moved.start).toBe(NOW + 48 * HOUR);
  });

  it('cancels an announced appointment, and sends nothing for one never announced', () => {
    const fresh = reconcile(event(), []).changed[0];
    expect(reconcile(event({ cancelled: true }), [fresh]).changed[0]).toMatchObject({ state: 'cancelled', pending: '' });
    expect(reconcile(event({ cancelled: true }), [announced(fresh)]).changed[0]).toMatchObject({
      state: 'cancelled',
      pending: 'cancelled',
    });
    const again = reconcile(event({ cancelled: true }), [{ ...announced(fresh), state: 'cancelled' }]).changed;
    expect(again).toEqual([]);
  });

  it('moves the announcement to the new number when the phone changes', () => {
    const row = announced(reconcile(event(), []).changed[0]);
    const { changed } = reconcile(event({ location: '+14155552671' }), [row], ['+14155552671']);
    expect(changed.find((r) => r.phone === '+4915123456789')).toMatchObject({ pending: 'cancelled', state: 'cancelled' });
    expect(changed.find((r) => r.phone === '+14155552671')).toMatchObject({ pending: 'scheduled' });
  });

  it('treats all-day and ended events as noise', () => {
    expect(reconcile(event({ allDay: true, start: null, end: null }), []).changed).toEqual([]);
    expect(reconcile(event({ start: NOW - 2 * HOUR, end: NOW - HOUR }), []).changed).toEqual([]);
  });

  it('updates a title silently', () => {
    const row = announced(reconcile(event(), []).changed[0]);
    const [renamed] = reconcile(event({ summary: 'Follow-up' }), [row]).changed;
    expect(renamed.title).toBe('Follow-up');
    expect(renamed.pending).toBe('');
  });

  it('announces again when a cancelled event is restored', () => {
    const row = { ...announced(reconcile(event(), []).changed[0]), state: 'cancelled' as const, announcedKind: 'cancelled' as const };
    expect(reconcile(event(), [row]).changed[0]).toMatchObject({ state: 'active', pending: 'scheduled' });
  });

  it('reports invalid numbers as the problem of a live event', () => {
    const result = reconcileEvent({
      event: event({ location: '+49 123' }),
      rows: [],
      phones: { phones: [], invalid: [{ text: '+49 123', reason: '"+49 123" is not a valid phone number' }] },
      now: NOW,
      newToken: token,
    });
    expect(result.changed).toEqual([]);
    expect(result.problem).toContain('+49 123');
  });
});

describe("the event's language in its rows", () => {
  it('is given to a new row, and a row without a language of its own gets none from a snapshot without one', () => {
    expect(reconcile(event({ language: 'de' }), []).changed[0].language).toBe('de');
    expect(reconcile(event({ language: '' }), []).changed[0].language).toBe('');
    expect(reconcile(event(), []).changed[0]).not.toHaveProperty('language');
  });

  it('changes the row silently, like a title, and only when it differs', () => {
    const row = announced(reconcile(event({ language: 'de' }), []).changed[0]);
    expect(reconcile(event({ language: 'de' }), [row]).changed).toEqual([]);
    // A snapshot that does not say leaves the row's language alone.
    expect(reconcile(event(), [row]).changed).toEqual([]);
    const [changed] = reconcile(event({ language: 'fr' }), [row]).changed;
    expect(changed).toEqual({ ...row, language: 'fr', updatedAt: NOW });
    expect(reconcile(event({ language: '' }), [row]).changed[0]).toMatchObject({ language: '', pending: '' });
  });

  it('is kept by the cancel of a deleted event, whose snapshot has none, and by a move', () => {
    const row = announced(reconcile(event({ language: 'de' }), []).changed[0]);
    const [cancelled] = reconcile(event({ cancelled: true }), [row]).changed;
    expect(cancelled).toMatchObject({ state: 'cancelled', pending: 'cancelled', language: 'de' });
    const [moved] = reconcile(event({ start: NOW + 26 * HOUR, end: NOW + 27 * HOUR }), [row]).changed;
    expect(moved).toMatchObject({ pending: 'rescheduled', language: 'de' });
  });

  it("is the code of the description's Language: line, '' for none or an unknown one, nothing for a cancelled event", () => {
    expect(snapshotLanguage(false, 'Bring card\nLanguage: pt-BR')).toBe('pt');
    expect(snapshotLanguage(false, 'language: DE')).toBe('de');
    expect(snapshotLanguage(false, 'Language: xx')).toBe('');
    expect(snapshotLanguage(false, undefined)).toBe('');
    expect(snapshotLanguage(true, 'Language: de')).toBeUndefined();
  });
});
