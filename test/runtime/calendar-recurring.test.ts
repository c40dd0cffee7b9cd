// Tests of recurring events in the in-memory Google Calendar: expansion, instances, exceptions, cancelled instances, splits, sync.

import { CalendarService, type CalendarEvent } from '../../dev/runtime/calendar';
import { RuntimeCore } from '../../dev/runtime/core';

function setup() {
  const core = new RuntimeCore({ now: Date.UTC(2027, 2, 1, 8, 0, 0), timeZone: 'Europe/Berlin' });
  const cal = new CalendarService(core);
  const Calendar = cal.advanced();
  return { core, cal, Calendar, Events: Calendar.Events! };
}

/** Tuesdays 10:00–10:50 Berlin from 16 March 2027: the last Sunday of March (28th) lies between the 2nd and 3rd. */
function weekly(recurrence: string[], extra: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    summary: 'Session',
    location: '+491701234567',
    start: { dateTime: '2027-03-16T10:00:00', timeZone: 'Europe/Berlin' },
    end: { dateTime: '2027-03-16T10:50:00', timeZone: 'Europe/Berlin' },
    recurrence,
    ...extra,
  };
}

const starts = (items: CalendarEvent[] | undefined) => (items ?? []).map((e) => e.start?.dateTime);

describe('a series and its instances', () => {
  test('weekly instances keep their wall time across DST, with Google instance ids', () => {
    const { Events } = setup();
    const series = Events.insert(weekly(['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4']), 'primary');
    expect(series.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4']);
    expect(series.start).toEqual({ dateTime: '2027-03-16T10:00:00+01:00', timeZone: 'Europe/Berlin' });
    const page = Events.instances('primary', series.id!);
    expect(page.items!.map((e) => e.id)).toEqual([
      `${series.id}_20270316T090000Z`,
      `${series.id}_20270323T090000Z`,
      `${series.id}_20270330T080000Z`,
      `${series.id}_20270406T080000Z`,
    ]);
    expect(starts(page.items)).toEqual([
      '2027-03-16T10:00:00+01:00',
      '2027-03-23T10:00:00+01:00',
      '2027-03-30T10:00:00+02:00',
      '2027-04-06T10:00:00+02:00',
    ]);
    const third = page.items![2];
    expect(third.recurringEventId).toBe(series.id);
    expect(third.originalStartTime).toEqual({ dateTime: '2027-03-30T10:00:00+02:00', timeZone: 'Europe/Berlin' });
    expect(third.end).toEqual({ dateTime: '2027-03-30T10:50:00+02:00', timeZone: 'Europe/Berlin' });
    expect(third.iCalUID).toBe(series.iCalUID);
    expect(third.recurrence).toBeUndefined();
    expect(Events.get('primary', third.id!)).toEqual(third);
    expect(() => Events.get('primary', `${series.id}_20270331T080000Z`)).toThrow(/Not Found/);
  });

  test('a timed series needs start.timeZone, and the rule must parse', () => {
    const { Events } = setup();
    expect(() =>
      Events.insert(
        weekly(['RRULE:FREQ=WEEKLY'], { start: { dateTime: '2027-03-16T10:00:00+01:00' }, end: { dateTime: '2027-03-16T10:50:00+01:00' } }),
        'primary',
      ),
    ).toThrow('API call to calendar.events.insert failed with error: Missing time zone definition for start time.');
    expect(() => Events.insert(weekly(['RRULE:WEEKLY']), 'primary')).toThrow(/Invalid recurrence rule/);
    expect(() => Events.insert(weekly(['FOO:BAR']), 'primary')).toThrow(/Invalid recurrence rule/);
  });

  test('EXDATE removes and RDATE adds occurrences; UNTIL is inclusive', () => {
    const { Events } = setup();
    const series = Events.insert(
      weekly(['RRULE:FREQ=WEEKLY;UNTIL=20270330T080000Z', 'EXDATE;TZID=Europe/Berlin:20270323T100000', 'RDATE:20270325T150000Z']),
      'primary',
    );
    expect(starts(Events.instances('primary', series.id!).items)).toEqual([
      '2027-03-16T10:00:00+01:00',
      '2027-03-25T16:00:00+01:00',
      '2027-03-30T10:00:00+02:00',
    ]);
  });

  test('singleEvents expands series in start order with single events; masters are not listed', () => {
    const { Events } = setup();
    const series = Events.insert(weekly(['RRULE:FREQ=WEEKLY;INTERVAL=2']), 'primary');
    Events.insert(
      { summary: 'One-off', start: { dateTime: '2027-03-17T09:00:00+01:00' }, end: { dateTime: '2027-03-17T09:30:00+01:00' } },
      'primary',
    );
    const page = Events.list('primary', {
      singleEvents: true,
      orderBy: 'startTime',
      timeMin: '2027-03-16T00:00:00Z',
      timeMax: '2027-04-14T00:00:00Z',
    });
    expect(page.items!.map((e) => [e.summary, e.start?.dateTime])).toEqual([
      ['Session', '2027-03-16T10:00:00+01:00'],
      ['One-off', '2027-03-17T09:00:00+01:00'],
      ['Session', '2027-03-30T10:00:00+02:00'],
      ['Session', '2027-04-13T10:00:00+02:00'],
    ]);
    expect(page.items!.some((e) => e.id === series.id)).toBe(false);
    // Without singleEvents the endless series is one item in any later window.
    const masters = Events.list('primary', { timeMin: '2030-01-01T00:00:00Z' }).items!;
    expect(masters.map((e) => e.id)).toEqual([series.id]);
  });

  test('all-day series use the date form of instance ids', () => {
    const { Events } = setup();
    const series = Events.insert(
      { summary: 'Day', start: { date: '2027-03-16' }, end: { date: '2027-03-17' }, recurrence: ['RRULE:FREQ=DAILY;COUNT=2'] },
      'primary',
    );
    const items = Events.instances('primary', series.id!).items!;
    expect(items.map((e) => [e.id, e.start, e.end, e.originalStartTime])).toEqual([
      [`${series.id}_20270316`, { date: '2027-03-16' }, { date: '2027-03-17' }, { date: '2027-03-16' }],
      [`${series.id}_20270317`, { date: '2027-03-17' }, { date: '2027-03-18' }, { date: '2027-03-17' }],
    ]);
  });

  test('Freebusy counts every instance', () => {
    const { Calendar, Events } = setup();
    Events.insert(weekly(['RRULE:FREQ=WEEKLY;COUNT=3']), 'primary');
    const answer = Calendar.Freebusy!.query({
      timeMin: '2027-03-20T00:00:00Z',
      timeMax: '2027-04-10T00:00:00Z',
      items: [{ id: 'primary' }],
    });
    expect((answer.calendars as Record<string, { busy: unknown }>).primary.busy).toEqual([
      { start: '2027-03-23T09:00:00Z', end: '2027-03-23T09:50:00Z' },
      { start: '2027-03-30T08:00:00Z', end: '2027-03-30T08:50:00Z' },
    ]);
  });
});

describe('changing one instance, the series, or this and following', () => {
  function syncFrom(Events: GoogleAppsScript.Calendar.Collection.EventsCollection) {
    let token = Events.list('primary', {}).nextSyncToken!;
    return () => {
      const page = Events.list('primary', { syncToken: token });
      token = page.nextSyncToken!;
      return page.items!;
    };
  }

  test('patching an instance makes an exception; sync returns it alone with rising sequence', () => {
    const { Events } = setup();
    const series = Events.insert(weekly(['RRULE:FREQ=WEEKLY;COUNT=4']), 'primary');
    const changes = syncFrom(Events);
    const id = `${series.id}_20270323T090000Z`;
    const moved = Events.patch(
      { start: { dateTime: '2027-03-24T15:00:00+01:00' }, end: { dateTime: '2027-03-24T15:50:00+01:00' } },
      'primary',
      id,
    );
    expect(moved.id).toBe(id);
    expect(moved.sequence).toBe(1);
    expect(moved.recurringEventId).toBe(series.id);
    expect(moved.originalStartTime).toEqual({ dateTime: '2027-03-23T10:00:00+01:00', timeZone: 'Europe/Berlin' });
    const changed = changes();
    expect(changed.map((e) => [e.id, e.start?.dateTime])).toEqual([[id, '2027-03-24T15:00:00+01:00']]);
    expect(starts(Events.instances('primary', series.id!).items)).toEqual([
      '2027-03-16T10:00:00+01:00',
      '2027-03-24T15:00:00+01:00',
      '2027-03-30T10:00:00+02:00',
      '2027-04-06T10:00:00+02:00',
    ]);
    expect(() => Events.patch({ recurrence: ['RRULE:FREQ=DAILY'] }, 'primary', id)).toThrow(/Invalid recurrence rule/);
    // The master did not change.
    expect(Events.get('primary', series.id!).sequence).toBe(0);
  });

  test('a deleted instance is a cancelled exception: minimal in sync, listed without showDeleted only when not expanded', () => {
    const { Events } = setup();
    const series = Events.insert(weekly(['RRULE:FREQ=WEEKLY;COUNT=4']), 'primary');
    const changes = syncFrom(Events);
    const id = `${series.id}_20270330T080000Z`;
    Events.remove('primary', id);
    const [cancelled] = changes();
    expect(cancelled).toEqual({
      kind: 'calendar#event',
      etag: expect.any(String),
      id,
      status: 'cancelled',
      recurringEventId: series.id,
      originalStartTime: { dateTime: '2027-03-30T10:00:00+02:00', timeZone: 'Europe/Berlin' },
    });
    expect(Events.instances('primary', series.id!).items!.map((e) => e.id)).not.toContain(id);
    expect(Events.instances('primary', series.id!, { showDeleted: true }).items!.find((e) => e.id === id)?.status).toBe('cancelled');
    expect(Events.list('primary', { singleEvents: true }).items!.map((e) => e.id)).not.toContain(id);
    expect(Events.list('primary', {}).items!.map((e) => [e.id, e.status])).toEqual([
      [series.id, 'confirmed'],
      [id, 'cancelled'],
    ]);
    expect(() => Events.remove('primary', id)).toThrow(/Resource has been deleted/);
  });

  test('patching the series moves every unchanged instance, keeps exceptions, and raises its sequence', () => {
    const { Events } = setup();
    const series = Events.insert(weekly(['RRULE:FREQ=WEEKLY;COUNT=3']), 'primary');
    Events.patch({ summary: 'Special' }, 'primary', `${series.id}_20270323T090000Z`);
    const changes = syncFrom(Events);
    const patched = Events.patch(
      {
        start: { dateTime: '2027-03-16T11:00:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2027-03-16T11:50:00', timeZone: 'Europe/Berlin' },
      },
      'primary',
      series.id!,
    );
    expect(patched.sequence).toBe(1);
    expect(changes().map((e) => e.id)).toEqual([series.id]);
    const items = Events.instances('primary', series.id!).items!;
    expect(items.map((e) => [e.summary, e.start?.dateTime])).toEqual([
      ['Session', '2027-03-16T11:00:00+01:00'],
      ['Special', '2027-03-23T10:00:00+01:00'],
      ['Session', '2027-03-23T11:00:00+01:00'],
      ['Session', '2027-03-30T11:00:00+02:00'],
    ]);
  });

  test('this and following: the old series ends with UNTIL, a new series carries on with the remaining COUNT', () => {
    const { cal, Events } = setup();
    const series = Events.insert(weekly(['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6']), 'primary');
    Events.patch({ summary: 'Late one' }, 'primary', `${series.id}_20270413T080000Z`);
    const changes = syncFrom(Events);
    const [ended, next] = cal.splitSeries('primary', `${series.id}_20270330T080000Z`, {
      start: { dateTime: '2027-03-30T12:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2027-03-30T12:50:00', timeZone: 'Europe/Berlin' },
    });
    expect(ended.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T075959Z']);
    expect(ended.sequence).toBe(1);
    expect(next.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4']);
    expect(next.id).not.toBe(series.id);
    expect(starts(Events.instances('primary', series.id!).items)).toEqual(['2027-03-16T10:00:00+01:00', '2027-03-23T10:00:00+01:00']);
    expect(starts(Events.instances('primary', next.id!).items)).toEqual([
      '2027-03-30T12:00:00+02:00',
      '2027-04-06T12:00:00+02:00',
      '2027-04-13T12:00:00+02:00',
      '2027-04-20T12:00:00+02:00',
    ]);
    const changed = changes();
    expect(changed.map((e) => [e.id, e.status])).toEqual([
      [series.id, 'confirmed'],
      [`${series.id}_20270413T080000Z`, 'cancelled'],
      [next.id, 'confirmed'],
    ]);
  });

  test('deleting the series cancels it and its exceptions; a full resync after 410 finds the same state', () => {
    const { cal, Events } = setup();
    const keep = Events.insert(weekly(['RRULE:FREQ=WEEKLY']), 'primary');
    Events.remove('primary', `${keep.id}_20270323T090000Z`);
    const gone = Events.insert(weekly(['RRULE:FREQ=DAILY;COUNT=5']), 'primary');
    Events.patch({ summary: 'x' }, 'primary', `${gone.id}_20270317T090000Z`);
    const changes = syncFrom(Events);
    Events.remove('primary', gone.id!);
    expect(changes().map((e) => [e.id, e.status])).toEqual([
      [gone.id, 'cancelled'],
      [`${gone.id}_20270317T090000Z`, 'cancelled'],
    ]);
    cal.invalidateSyncTokens();
    expect(() => Events.list('primary', { syncToken: 'CAg' })).toThrow(/full sync is required/);
    const full = Events.list('primary', { timeMin: '2027-03-01T00:00:00Z' }).items!;
    expect(full.map((e) => [e.id, e.status])).toEqual([
      [keep.id, 'confirmed'],
      [`${keep.id}_20270323T090000Z`, 'cancelled'],
      [`${gone.id}_20270317T090000Z`, 'cancelled'],
    ]);
  });

  test('a sync token cannot be combined with orderBy or timeMin', () => {
    const { Events } = setup();
    const token = Events.list('primary', {}).nextSyncToken!;
    expect(() => Events.list('primary', { syncToken: token, orderBy: 'startTime', singleEvents: true })).toThrow(/Bad Request/);
    expect(() => Events.list('primary', { syncToken: token, timeMin: '2027-01-01T00:00:00Z' })).toThrow(/Bad Request/);
  });
});
