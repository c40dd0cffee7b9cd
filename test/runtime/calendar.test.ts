// Tests of the in-memory Google Calendar: sync tokens, paging, filters, writes, sequence, Freebusy, counting.

import { CalendarService, type CalendarEvent } from '../../dev/runtime/calendar';
import { RuntimeCore } from '../../dev/runtime/core';

const HOUR = 3600_000;

function setup() {
  const core = new RuntimeCore({ now: Date.UTC(2026, 0, 5, 8, 0, 0), timeZone: 'Europe/Berlin' });
  const cal = new CalendarService(core);
  const Calendar = cal.advanced();
  return { core, cal, Calendar };
}

function timed(startIso: string, endIso: string, extra: Partial<CalendarEvent> = {}): CalendarEvent {
  return { summary: 'Appointment', start: { dateTime: startIso }, end: { dateTime: endIso }, ...extra };
}

function listAllPages(Calendar: GoogleAppsScript.Calendar, args: Record<string, unknown>) {
  const pages: GoogleAppsScript.Calendar.Schema.Events[] = [];
  let pageToken: string | undefined;
  do {
    const page = Calendar.Events!.list('primary', pageToken ? { ...args, pageToken } : args);
    pages.push(page);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return pages;
}

describe('event resources', () => {
  test('insert returns the resource as Google does', () => {
    const { cal, Calendar } = setup();
    const ev = Calendar.Events!.insert(
      timed('2026-01-06T10:00:00+01:00', '2026-01-06T11:00:00+01:00', { location: '+491701234567', colorId: 5 as unknown as string }),
      'primary',
    );
    expect(ev.kind).toBe('calendar#event');
    expect(ev.id).toMatch(/^[0-9a-v]{26}$/);
    expect(ev.iCalUID).toBe(`${ev.id}@google.com`);
    expect(ev.status).toBe('confirmed');
    expect(ev.sequence).toBe(0);
    expect(ev.created).toBe('2026-01-05T08:00:00.000Z');
    expect(ev.updated).toBe('2026-01-05T08:00:00.000Z');
    expect(ev.colorId).toBe('5');
    expect(ev.creator).toEqual({ email: 'host@example.com', self: true });
    expect(ev.organizer).toEqual({ email: 'host@example.com', self: true });
    expect(ev.start).toEqual({ dateTime: '2026-01-06T10:00:00+01:00' });
    expect(ev.eventType).toBe('default');
    expect(ev.reminders).toEqual({ useDefault: true });
    expect(ev.htmlLink).toMatch(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/);
    expect(typeof ev.etag).toBe('string');
    expect(cal.getEvent('primary', ev.id!)).toEqual(ev);
    const other = Calendar.Events!.insert(timed('2026-01-06T12:00:00Z', '2026-01-06T13:00:00Z'), 'primary');
    expect(other.id).not.toBe(ev.id);
  });

  test('returned objects are copies', () => {
    const { cal, Calendar } = setup();
    const ev = Calendar.Events!.insert(timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z'), 'primary');
    ev.summary = 'mutated';
    ev.start!.dateTime = 'x';
    expect(Calendar.Events!.get('primary', ev.id!).summary).toBe('Appointment');
    // Google answers dateTime with the offset of the event's (or else the calendar's) zone.
    expect(cal.getEvent('primary', ev.id!)!.start!.dateTime).toBe('2026-01-06T11:00:00+01:00');
  });

  test('invalid times give the API 400 messages', () => {
    const { Calendar } = setup();
    expect(() => Calendar.Events!.insert(timed('2026-01-06T11:00:00Z', '2026-01-06T10:00:00Z'), 'primary')).toThrow(
      'API call to calendar.events.insert failed with error: The specified time range is empty.',
    );
    expect(() => Calendar.Events!.insert({ start: { dateTime: '2026-01-06T10:00:00Z' }, end: { date: '2026-01-07' } }, 'primary')).toThrow(
      'Start and end times must either both be date or both be dateTime.',
    );
    expect(() =>
      Calendar.Events!.insert({ start: { dateTime: '2026-01-06T10:00:00' }, end: { dateTime: '2026-01-06T11:00:00' } }, 'primary'),
    ).toThrow('Missing time zone definition for start time.');
    expect(() => Calendar.Events!.insert({ start: { dateTime: '2026-01-06T10:00:00Z' } }, 'primary')).toThrow('Missing end time.');
    expect(() =>
      Calendar.Events!.insert(timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z', { recurrence: ['RRULE:FREQ=DAILY'] }), 'primary'),
    ).toThrow('Missing time zone definition for start time.');
  });

  test('unknown calendar and event give 404 messages', () => {
    const { Calendar } = setup();
    expect(() => Calendar.Events!.get('primary', 'nosuchevent')).toThrow(
      /^API call to calendar\.events\.get failed with error: Not Found$/,
    );
    expect(() => Calendar.Events!.list('nobody@example.com')).toThrow('API call to calendar.events.list failed with error: Not Found');
    try {
      Calendar.Events!.get('primary', 'nosuchevent');
    } catch (error) {
      expect((error as Error).name).toBe('GoogleJsonResponseException');
    }
  });

  test('a local time with a timeZone is compared as an instant', () => {
    const { Calendar } = setup();
    Calendar.Events!.insert(
      {
        start: { dateTime: '2026-01-06T10:00:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2026-01-06T11:00:00', timeZone: 'Europe/Berlin' },
      },
      'primary',
    );
    const inWindow = Calendar.Events!.list('primary', { timeMin: '2026-01-06T09:30:00Z', timeMax: '2026-01-06T09:45:00Z' });
    expect(inWindow.items).toHaveLength(1);
    const before = Calendar.Events!.list('primary', { timeMin: '2026-01-06T10:00:00Z', timeMax: '2026-01-06T11:00:00Z' });
    expect(before.items).toHaveLength(0);
  });
});

test('zone arithmetic handles summer time and negative offsets', () => {
  const { cal, Calendar } = setup();
  cal.addCalendar('ny@example.com', 'America/New_York');
  cal.insertEvent('primary', {
    start: { dateTime: '2026-07-01T10:00:00', timeZone: 'Europe/Berlin' },
    end: { dateTime: '2026-07-01T11:00:00', timeZone: 'Europe/Berlin' },
  });
  cal.insertEvent('ny@example.com', { start: { date: '2026-07-01' }, end: { date: '2026-07-02' } });
  const res = Calendar.Freebusy!.query({
    timeMin: '2026-07-01T00:00:00Z',
    timeMax: '2026-07-03T00:00:00Z',
    timeZone: 'America/New_York',
    items: [{ id: 'primary' }, { id: 'ny@example.com' }],
  });
  const cals = res.calendars as Record<string, GoogleAppsScript.Calendar.Schema.FreeBusyCalendar>;
  expect(cals['primary'].busy).toEqual([{ start: '2026-07-01T04:00:00-04:00', end: '2026-07-01T05:00:00-04:00' }]);
  expect(cals['ny@example.com'].busy).toEqual([{ start: '2026-07-01T00:00:00-04:00', end: '2026-07-02T00:00:00-04:00' }]);
});

describe('patch, update, remove and sequence', () => {
  test('patch merges top-level fields, replacing nested objects whole', () => {
    const { Calendar } = setup();
    const ev = Calendar.Events!.insert(
      {
        summary: 'A',
        description: 'd',
        location: 'L',
        start: { dateTime: '2026-01-06T10:00:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2026-01-06T11:00:00', timeZone: 'Europe/Berlin' },
      },
      'primary',
    );
    const patched = Calendar.Events!.patch(
      { start: { dateTime: '2026-01-06T12:00:00+01:00' }, end: { dateTime: '2026-01-06T13:00:00+01:00' } },
      'primary',
      ev.id!,
    );
    expect(patched.summary).toBe('A');
    expect(patched.description).toBe('d');
    expect(patched.start).toEqual({ dateTime: '2026-01-06T12:00:00+01:00' });
    expect(patched.sequence).toBe(1);
  });

  test('update replaces the whole resource', () => {
    const { Calendar } = setup();
    const ev = Calendar.Events!.insert(
      timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z', { description: 'd', colorId: '2' }),
      'primary',
    );
    const updated = Calendar.Events!.update({ summary: 'Appointment', start: ev.start, end: ev.end }, 'primary', ev.id!);
    expect(updated.description).toBeUndefined();
    expect(updated.colorId).toBeUndefined();
    expect(updated.id).toBe(ev.id);
    expect(updated.created).toBe(ev.created);
    expect(updated.sequence).toBe(0);
    expect(() => Calendar.Events!.update({ summary: 'x' }, 'primary', ev.id!)).toThrow('Missing start time.');
  });

  test('colour and description bump updated but not sequence; moves and cancels bump sequence', () => {
    const { core, Calendar } = setup();
    const ev = Calendar.Events!.insert(timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z'), 'primary');
    core.now += 60_000;
    const coloured = Calendar.Events!.patch({ colorId: '10', description: 'Delivered' }, 'primary', ev.id!);
    expect(coloured.sequence).toBe(0);
    expect(coloured.updated).toBe('2026-01-05T08:01:00.000Z');
    expect(coloured.etag).not.toBe(ev.etag);
    const moved = Calendar.Events!.patch({ end: { dateTime: '2026-01-06T11:30:00Z' } }, 'primary', ev.id!);
    expect(moved.sequence).toBe(1);
    Calendar.Events!.remove('primary', ev.id!);
    const gone = Calendar.Events!.get('primary', ev.id!);
    expect(gone.status).toBe('cancelled');
    expect(gone.sequence).toBe(2);
    expect(gone.summary).toBe('Appointment');
    expect(() => Calendar.Events!.remove('primary', ev.id!)).toThrow(
      'API call to calendar.events.delete failed with error: Resource has been deleted',
    );
  });

  test('null in a patch clears a field', () => {
    const { Calendar } = setup();
    const ev = Calendar.Events!.insert(timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z', { colorId: '3' }), 'primary');
    const patched = Calendar.Events!.patch({ colorId: null } as unknown as CalendarEvent, 'primary', ev.id!);
    expect(patched.colorId).toBeUndefined();
  });

  test('sendUpdates is recorded unless none', () => {
    const { cal, Calendar } = setup();
    const ev = Calendar.Events!.insert(
      timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z', { attendees: [{ email: 'a@example.com' }] }),
      'primary',
      { sendUpdates: 'all' },
    );
    expect(ev.attendees).toEqual([{ email: 'a@example.com', responseStatus: 'needsAction' }]);
    Calendar.Events!.patch({ colorId: '2' }, 'primary', ev.id!, { sendUpdates: 'none' });
    Calendar.Events!.update({ start: ev.start, end: ev.end }, 'primary', ev.id!, { sendUpdates: 'externalOnly' });
    Calendar.Events!.remove('primary', ev.id!, { sendUpdates: 'all' });
    expect(cal.guestNotifications).toEqual([
      { method: 'insert', calendarId: 'host@example.com', eventId: ev.id, sendUpdates: 'all' },
      { method: 'update', calendarId: 'host@example.com', eventId: ev.id, sendUpdates: 'externalOnly' },
      { method: 'remove', calendarId: 'host@example.com', eventId: ev.id, sendUpdates: 'all' },
    ]);
    expect(() => Calendar.Events!.patch({ colorId: '2' }, 'primary', ev.id!, { sendUpdates: 'everyone' })).toThrow('Invalid Value');
  });

  test('version increases on every change from the store or the script', () => {
    const { cal, Calendar } = setup();
    expect(cal.version).toBe(0);
    const ev = cal.insertEvent('primary', timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z'));
    expect(cal.version).toBe(1);
    Calendar.Events!.patch({ colorId: '2' }, 'primary', ev.id!);
    expect(cal.version).toBe(2);
    cal.cancelEvent('primary', ev.id!);
    expect(cal.version).toBe(3);
    Calendar.Events!.list('primary');
    expect(cal.version).toBe(3);
  });
});

describe('Events.list', () => {
  function seed(cal: CalendarService, n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      // inserted in reverse start order, so creation order differs from start order
      const start = Date.UTC(2026, 0, 20, 8) - i * HOUR;
      ids.push(
        cal.insertEvent('primary', {
          summary: `E${i}`,
          start: { dateTime: new Date(start).toISOString() },
          end: { dateTime: new Date(start + HOUR / 2).toISOString() },
        }).id!,
      );
    }
    return ids;
  }

  test('pagination with maxResults; nextSyncToken only on the last page', () => {
    const { cal, Calendar } = setup();
    const ids = seed(cal, 5);
    const pages = listAllPages(Calendar, { maxResults: 2 });
    expect(pages.map((p) => p.items!.length)).toEqual([2, 2, 1]);
    expect(pages[0].nextSyncToken).toBeUndefined();
    expect(pages[1].nextSyncToken).toBeUndefined();
    expect(pages[2].nextPageToken).toBeUndefined();
    expect(typeof pages[2].nextSyncToken).toBe('string');
    expect(pages.flatMap((p) => p.items!.map((e) => e.id)).sort()).toEqual([...ids].sort());
    expect(pages[0]).toMatchObject({ kind: 'calendar#events', timeZone: 'Europe/Berlin', summary: 'host@example.com' });
  });

  test('maxResults defaults to 250 and is capped at 2500', () => {
    const { cal, Calendar } = setup();
    seed(cal, 260);
    expect(Calendar.Events!.list('primary').items).toHaveLength(250);
    expect(Calendar.Events!.list('primary', { maxResults: 99999 }).items).toHaveLength(260);
  });

  test('timeMin/timeMax filter by overlap with exclusive bounds', () => {
    const { cal, Calendar } = setup();
    cal.insertEvent('primary', timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z', { summary: 'a' }));
    cal.insertEvent('primary', timed('2026-01-06T11:00:00Z', '2026-01-06T12:00:00Z', { summary: 'b' }));
    cal.insertEvent('primary', timed('2026-01-06T12:00:00Z', '2026-01-06T13:00:00Z', { summary: 'c' }));
    const names = (args: Record<string, unknown>) =>
      Calendar.Events!.list('primary', args)
        .items!.map((e) => e.summary)
        .sort();
    expect(names({ timeMin: '2026-01-06T11:00:00Z', timeMax: '2026-01-06T12:00:00Z' })).toEqual(['b']);
    expect(names({ timeMin: '2026-01-06T10:30:00Z', timeMax: '2026-01-06T12:00:01Z' })).toEqual(['a', 'b', 'c']);
    expect(names({ timeMin: '2026-01-06T12:30:00+00:00' })).toEqual(['c']);
    expect(names({ timeMax: '2026-01-06T11:00:00Z' })).toEqual(['a']);
    expect(() => Calendar.Events!.list('primary', { timeMin: '2026-01-06T12:00:00Z', timeMax: '2026-01-06T11:00:00Z' })).toThrow(
      'The specified time range is empty.',
    );
    expect(() => Calendar.Events!.list('primary', { timeMin: '2026-01-06T12:00:00' })).toThrow('Bad Request');
  });

  test('all-day events are read in the calendar zone', () => {
    const { cal, Calendar } = setup();
    cal.insertEvent('primary', { summary: 'day', start: { date: '2026-01-07' }, end: { date: '2026-01-08' } });
    // 2026-01-07 00:00 Berlin is 2026-01-06T23:00Z
    expect(Calendar.Events!.list('primary', { timeMin: '2026-01-06T22:00:00Z', timeMax: '2026-01-06T23:30:00Z' }).items).toHaveLength(1);
    expect(Calendar.Events!.list('primary', { timeMin: '2026-01-06T22:00:00Z', timeMax: '2026-01-06T23:00:00Z' }).items).toHaveLength(0);
  });

  test('orderBy startTime requires singleEvents and sorts by start', () => {
    const { cal, Calendar } = setup();
    seed(cal, 4);
    expect(() => Calendar.Events!.list('primary', { orderBy: 'startTime' })).toThrow(
      'The requested ordering is not available for the particular query.',
    );
    const items = Calendar.Events!.list('primary', { orderBy: 'startTime', singleEvents: true }).items!;
    expect(items.map((e) => e.summary)).toEqual(['E3', 'E2', 'E1', 'E0']);
    const unordered = Calendar.Events!.list('primary').items!;
    expect(unordered.map((e) => e.summary)).toEqual(['E0', 'E1', 'E2', 'E3']);
  });

  test('orderBy updated, q and showDeleted', () => {
    const { core, cal, Calendar } = setup();
    const [a, b] = seed(cal, 2);
    core.now += 1000;
    cal.patchEvent('primary', a, { description: 'Call +49 170' });
    cal.cancelEvent('primary', b);
    expect(Calendar.Events!.list('primary').items!.map((e) => e.id)).toEqual([a]);
    const withDeleted = Calendar.Events!.list('primary', { showDeleted: true }).items!;
    expect(withDeleted.map((e) => e.id)).toEqual([a, b]);
    expect(withDeleted[1]).toEqual({ kind: 'calendar#event', etag: expect.any(String), id: b, status: 'cancelled' });
    expect(Calendar.Events!.list('primary', { q: '+49 170' }).items!.map((e) => e.id)).toEqual([a]);
    expect(Calendar.Events!.list('primary', { orderBy: 'updated', showDeleted: true }).items!.map((e) => e.id)).toEqual([a, b]);
  });
});

describe('incremental sync', () => {
  test('full sync, then only changes including cancelled events and the script colour echo', () => {
    const { core, cal, Calendar } = setup();
    const a = cal.insertEvent('primary', timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z')).id!;
    const b = cal.insertEvent('primary', timed('2026-01-06T12:00:00Z', '2026-01-06T13:00:00Z')).id!;
    const c = cal.insertEvent('primary', timed('2026-01-06T14:00:00Z', '2026-01-06T15:00:00Z')).id!;
    const full = listAllPages(Calendar, { maxResults: 2 });
    const token1 = full[full.length - 1].nextSyncToken!;

    const none = Calendar.Events!.list('primary', { syncToken: token1 });
    expect(none.items).toEqual([]);
    expect(typeof none.nextSyncToken).toBe('string');

    core.now += HOUR;
    cal.patchEvent('primary', a, { start: { dateTime: '2026-01-06T16:00:00Z' }, end: { dateTime: '2026-01-06T17:00:00Z' } });
    cal.cancelEvent('primary', b);
    const d = cal.insertEvent('primary', timed('2026-01-07T10:00:00Z', '2026-01-07T11:00:00Z')).id!;
    const inc = listAllPages(Calendar, { syncToken: token1, maxResults: 2 });
    expect(inc[0].nextSyncToken).toBeUndefined();
    const items = inc.flatMap((p) => p.items!);
    expect(items.map((e) => e.id).sort()).toEqual([a, b, d].sort());
    expect(items.find((e) => e.id === b)!.status).toBe('cancelled');
    expect(items.some((e) => e.id === c)).toBe(false);
    const token2 = inc[inc.length - 1].nextSyncToken!;

    // the script's own colour write comes back on the next incremental sync
    Calendar.Events!.patch({ colorId: '10' }, 'primary', a);
    const echo = Calendar.Events!.list('primary', { syncToken: token2 });
    expect(echo.items!.map((e) => [e.id, e.colorId, e.sequence])).toEqual([[a, '10', 1]]);

    // old tokens keep working until invalidated
    expect(Calendar.Events!.list('primary', { syncToken: token1 }).items!.length).toBe(3);
  });

  test('changes made between pages of a full sync come back in the next incremental sync', () => {
    const { cal, Calendar } = setup();
    const a = cal.insertEvent('primary', timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z')).id!;
    cal.insertEvent('primary', timed('2026-01-06T12:00:00Z', '2026-01-06T13:00:00Z'));
    const first = Calendar.Events!.list('primary', { maxResults: 1 });
    cal.patchEvent('primary', a, { colorId: '4' });
    const last = Calendar.Events!.list('primary', { maxResults: 1, pageToken: first.nextPageToken });
    const inc = Calendar.Events!.list('primary', { syncToken: last.nextSyncToken });
    expect(inc.items!.map((e) => e.id)).toEqual([a]);
  });

  test('invalidated or unknown tokens give 410; filters with a token give 400', () => {
    const { cal, Calendar } = setup();
    cal.insertEvent('primary', timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z'));
    const token = Calendar.Events!.list('primary').nextSyncToken!;
    expect(() => Calendar.Events!.list('primary', { syncToken: token, timeMin: '2026-01-01T00:00:00Z' })).toThrow(
      'API call to calendar.events.list failed with error: Bad Request',
    );
    expect(() => Calendar.Events!.list('primary', { syncToken: 'CPDAlvWDx70CEPDAlvWDx70CGAU=' })).toThrow(
      'API call to calendar.events.list failed with error: Sync token is no longer valid, a full sync is required.',
    );
    cal.invalidateSyncTokens();
    expect(() => Calendar.Events!.list('primary', { syncToken: token })).toThrow(
      'API call to calendar.events.list failed with error: Sync token is no longer valid, a full sync is required.',
    );
    const fresh = Calendar.Events!.list('primary').nextSyncToken!;
    expect(Calendar.Events!.list('primary', { syncToken: fresh }).items).toEqual([]);
  });

  test('lists filtered by q or ordered give no sync token', () => {
    const { Calendar } = setup();
    expect(Calendar.Events!.list('primary', { q: 'x' }).nextSyncToken).toBeUndefined();
    expect(Calendar.Events!.list('primary', { timeMin: '2026-01-01T00:00:00Z' }).nextSyncToken).toBeDefined();
  });
});

function busyOf(res: GoogleAppsScript.Calendar.Schema.FreeBusyResponse) {
  return res.calendars as Record<string, GoogleAppsScript.Calendar.Schema.FreeBusyCalendar>;
}

describe('Freebusy.query', () => {
  test('merges, clips, skips transparent and cancelled events, counts all-day in the calendar zone', () => {
    const { cal, Calendar } = setup();
    cal.addCalendar('room@example.com', 'America/New_York', 'Room');
    cal.insertEvent('primary', timed('2026-01-06T09:00:00Z', '2026-01-06T10:00:00Z'));
    cal.insertEvent('primary', timed('2026-01-06T09:30:00Z', '2026-01-06T11:00:00Z', { status: 'tentative' }));
    cal.insertEvent('primary', timed('2026-01-06T11:00:00Z', '2026-01-06T11:30:00Z'));
    cal.insertEvent('primary', timed('2026-01-06T13:00:00Z', '2026-01-06T14:00:00Z', { transparency: 'transparent' }));
    const gone = cal.insertEvent('primary', timed('2026-01-06T15:00:00Z', '2026-01-06T16:00:00Z'));
    cal.cancelEvent('primary', gone.id!);
    cal.insertEvent('primary', timed('2026-01-06T17:00:00Z', '2026-01-06T20:00:00Z'));
    cal.insertEvent('room@example.com', { start: { date: '2026-01-06' }, end: { date: '2026-01-07' } });

    const res = Calendar.Freebusy!.query({
      timeMin: '2026-01-06T00:00:00Z',
      timeMax: '2026-01-06T18:00:00Z',
      items: [{ id: 'primary' }, { id: 'room@example.com' }, { id: 'ghost@example.com' }],
    });
    expect(res.kind).toBe('calendar#freeBusy');
    expect(res.timeMin).toBe('2026-01-06T00:00:00.000Z');
    expect(busyOf(res)['primary'].busy).toEqual([
      { start: '2026-01-06T09:00:00Z', end: '2026-01-06T11:30:00Z' },
      { start: '2026-01-06T17:00:00Z', end: '2026-01-06T18:00:00Z' },
    ]);
    // New York midnight is 05:00Z
    expect(busyOf(res)['room@example.com'].busy).toEqual([{ start: '2026-01-06T05:00:00Z', end: '2026-01-06T18:00:00Z' }]);
    expect(busyOf(res)['ghost@example.com']).toEqual({ errors: [{ domain: 'global', reason: 'notFound' }], busy: [] });

    const zoned = Calendar.Freebusy!.query({
      timeMin: '2026-01-06T00:00:00Z',
      timeMax: '2026-01-06T10:00:00Z',
      timeZone: 'Europe/Berlin',
      items: [{ id: 'primary' }],
    });
    expect(busyOf(zoned)['primary'].busy).toEqual([{ start: '2026-01-06T10:00:00+01:00', end: '2026-01-06T11:00:00+01:00' }]);
  });

  test('window limits', () => {
    const { Calendar } = setup();
    expect(() => Calendar.Freebusy!.query({ timeMin: '2026-01-06T10:00:00Z', timeMax: '2026-01-06T10:00:00Z', items: [] })).toThrow(
      'API call to calendar.freebusy.query failed with error: The specified time range is empty.',
    );
    expect(() => Calendar.Freebusy!.query({ timeMin: '2026-01-01T00:00:00Z', timeMax: '2026-04-15T00:00:00Z', items: [] })).toThrow(
      'The requested time range is too long.',
    );
  });
});

describe('Calendars, CalendarApp, counting and stubs', () => {
  test('Calendars.get and CalendarApp', () => {
    const { Calendar, cal } = setup();
    expect(Calendar.Calendars!.get('primary')).toMatchObject({
      kind: 'calendar#calendar',
      id: 'host@example.com',
      summary: 'host@example.com',
      timeZone: 'Europe/Berlin',
    });
    expect(() => Calendar.Calendars!.get('x@example.com')).toThrow('API call to calendar.calendars.get failed with error: Not Found');
    const app = cal.calendarApp();
    expect(app.getDefaultCalendar().getId()).toBe('host@example.com');
    expect(app.getTimeZone()).toBe('Europe/Berlin');
    expect(app.getCalendarById('nobody@example.com')).toBeNull();
    cal.addCalendar('room@example.com', 'UTC', 'Room');
    expect(app.getCalendarById('room@example.com')!.getName()).toBe('Room');
    expect(() => app.getDefaultCalendar().createEvent('x', new Date(), new Date())).toThrow(
      'not emulated: CalendarApp.Calendar.createEvent',
    );
    expect(() => app.getEventById('x')).toThrow('not emulated: CalendarApp.getEventById');
  });

  test('script calls are counted and use the calendar quota; store calls are not', () => {
    const { core, cal, Calendar } = setup();
    const ev = cal.insertEvent('primary', timed('2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z'));
    expect(core.calls).toEqual({});
    Calendar.Events!.list('primary');
    Calendar.Events!.list('primary');
    Calendar.Events!.get('primary', ev.id!);
    expect(() => Calendar.Events!.get('primary', 'missing')).toThrow('Not Found');
    Calendar.Freebusy!.query({ timeMin: '2026-01-06T00:00:00Z', timeMax: '2026-01-07T00:00:00Z', items: [] });
    expect(core.calls).toEqual({ 'Calendar.Events.list': 2, 'Calendar.Events.get': 2, 'Calendar.Freebusy.query': 1 });
    expect(core.quotaUsed.calendarCalls).toBe(5);
    core.quotas.calendarCalls = 5;
    expect(() => Calendar.Events!.list('primary')).toThrow('Service invoked too many times for one day: calendar.');
  });

  test('unemulated methods and arguments throw "not emulated"', () => {
    const { Calendar } = setup();
    expect(() => Calendar.Events!.watch({}, 'primary')).toThrow('not emulated: Calendar.Events.watch');
    expect(() => Calendar.Events!.quickAdd('primary', 'Lunch')).toThrow('not emulated: Calendar.Events.quickAdd');
    expect(() => Calendar.Colors!.get()).toThrow('not emulated: Calendar.Colors.get');
    expect(() => Calendar.CalendarList!.list()).toThrow('not emulated: Calendar.CalendarList.list');
    expect(() => Calendar.Events!.list('primary', { fields: 'items(id)' })).toThrow(
      'not emulated: Calendar.Events.list optional argument fields',
    );
    expect(() => Calendar.Events!.get('primary', 'x', {}, { 'If-None-Match': '"1"' })).toThrow('not emulated');
    expect(Calendar.newEvent()).toEqual({});
  });
});

describe('events the owner was invited to', () => {
  it('name the other organizer without self, and the owner as an attendee with self', () => {
    const { cal, Calendar } = setup();
    const own = Calendar.Events!.insert(timed('2026-01-06T10:00:00+01:00', '2026-01-06T11:00:00+01:00'), 'primary');
    const invited = cal.insertInvitation('primary', timed('2026-01-06T12:00:00+01:00', '2026-01-06T13:00:00+01:00'), {
      email: 'colleague@example.org',
      displayName: 'A Colleague',
    });
    const [ownListed, invitedListed] = Calendar.Events!.list('primary', { timeMin: '2026-01-06T00:00:00Z' }).items!;
    expect(ownListed.organizer).toEqual({ email: 'host@example.com', self: true });
    expect(invitedListed.id).toBe(invited.id);
    expect(invitedListed.organizer).toEqual({ email: 'colleague@example.org', displayName: 'A Colleague' });
    expect(invitedListed.creator).toEqual({ email: 'colleague@example.org' });
    expect(invitedListed.attendees).toEqual([
      { email: 'colleague@example.org', displayName: 'A Colleague', organizer: true, responseStatus: 'accepted' },
      { email: 'host@example.com', self: true, responseStatus: 'needsAction' },
    ]);
    expect(own.organizer?.self).toBe(true);
  });
});

describe('fields the fake does not model', () => {
  it('refuses a read of a field Google sets and the fake does not, and reads back one the caller set', () => {
    const { Calendar } = setup();
    const plain = Calendar.Events!.insert(timed('2026-01-06T10:00:00+01:00', '2026-01-06T11:00:00+01:00'), 'primary');
    expect(plain.eventType).toBe('default');
    expect(plain.reminders).toEqual({ useDefault: true });
    expect(() => plain.conferenceData).toThrow('not emulated: Calendar event field conferenceData');
    expect(() => Calendar.Events!.get('primary', plain.id!).conferenceData).toThrow('not emulated');
    const listed = Calendar.Events!.list('primary', {}).items![0];
    expect(() => listed.hangoutLink).toThrow('not emulated');
    const set = Calendar.Events!.insert(
      timed('2026-01-07T10:00:00+01:00', '2026-01-07T11:00:00+01:00', { attachments: [{ fileUrl: 'https://example.org/a' }] }),
      'primary',
    );
    expect(set.attachments).toEqual([{ fileUrl: 'https://example.org/a' }]);
    expect(JSON.parse(JSON.stringify(plain)).summary).toBe('Appointment');
  });
});
