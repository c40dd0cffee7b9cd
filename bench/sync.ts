// Benchmark of the calendar sync: the echo of our own writes, N changes per run, and API calls per day against polling.
import { Sandbox } from '../dev/sandbox';
import { eventResource } from '../test/support/sandbox';
import { median, round, sheetCalls, sheetWrites, sumCalls, timeMs } from './measure';

const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const HOUR = 3600_000;

function fresh(backgroundEvents: number): Sandbox {
  const sandbox = new Sandbox({ now: START, skipSetup: true });
  for (let i = 0; i < backgroundEvents; i++) {
    sandbox.runtime.calendar.insertEvent(
      'primary',
      eventResource({ summary: `Busy ${i}`, location: 'Room 4', start: START + (1 + (i % 2000)) * HOUR }),
    );
  }
  sandbox.run('setup', [], { caller: 'owner' });
  sandbox.runtime.core.resetCalls();
  return sandbox;
}

function phoneOf(i: number): string {
  return `+4915${String(100000000 + i).padStart(9, '0')}`;
}

export function benchEcho(): Record<string, unknown> {
  const sandbox = fresh(100);
  const event = sandbox.insertEvents([eventResource({ location: phoneOf(1), start: START + 30 * HOUR })])[0] as { id: string };
  const sid = sandbox.twilio.messages()[0].sid;
  const callback = sandbox.twilio.setStatus(sid, 'delivered');
  sandbox.postToWebApp(callback!.url, callback!.params); // applies green; its echo runs inside
  // Measure one echo on its own: the same colour write again, as Google reports it.
  sandbox.runtime.calendar.patchEvent('primary', event.id, { colorId: '10' });
  sandbox.runtime.core.resetCalls();
  sandbox.fireCalendarTrigger();
  const calls = sandbox.runtime.core.calls;
  return {
    'echo: Calendar calls': sumCalls(calls, 'Calendar.'),
    'echo: UrlFetch calls': sumCalls(calls, 'UrlFetchApp.'),
    'echo: sheet writes': sheetWrites(calls),
  };
}

export function benchChanges(): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const calendarSize of [100, 10_000]) {
    for (const changes of [1, 100, 1000]) {
      const sandbox = fresh(calendarSize);
      const resources = Array.from({ length: changes }, (_, i) => eventResource({ location: phoneOf(i), start: START + (48 + i) * HOUR }));
      for (const resource of resources) sandbox.runtime.calendar.insertEvent('primary', resource);
      sandbox.runtime.core.resetCalls();
      const before = sandbox.twilio.messages().length;
      const ms = timeMs(() => sandbox.fireCalendarTrigger());
      const calls = sandbox.runtime.core.calls;
      rows.push({
        'calendar events': calendarSize,
        'changes in one run': changes,
        'Events.list calls': calls['Calendar.Events.list'] ?? 0,
        'other Calendar calls': sumCalls(calls, 'Calendar.') - (calls['Calendar.Events.list'] ?? 0),
        'spreadsheet calls': sheetCalls(calls),
        'Twilio requests': sandbox.twilio.messages().length - before,
        'fetchAll calls': calls['UrlFetchApp.fetchAll'] ?? 0,
        'ms per change (whole run incl. sandbox)': round(ms / changes, 3),
      });
    }
  }
  return rows;
}

/** A host's day: 30 changes, each delivered (so each colours its event, and the colour write echoes), ticks every 10 min. */
export function benchDay(): Record<string, unknown> {
  const sandbox = fresh(500);
  const day = 24 * HOUR;
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    sandbox.setClock(START + (i * day) / 30);
    if (i % 3 === 2 && ids.length > 0) {
      const id = ids[ids.length - 1];
      const at = START + (50 + i) * HOUR;
      sandbox.patchEvent(id, { start: { dateTime: new Date(at).toISOString() }, end: { dateTime: new Date(at + HOUR / 2).toISOString() } });
    } else {
      ids.push((sandbox.insertEvents([eventResource({ location: phoneOf(i), start: START + (40 + i) * HOUR })])[0] as { id: string }).id);
    }
    const latest = sandbox.twilio.messages().at(-1);
    if (latest) {
      const callback = sandbox.twilio.setStatus(latest.sid, 'delivered');
      if (callback) sandbox.postToWebApp(callback.url, callback.params);
    }
  }
  sandbox.setClock(START + day);
  const ours = sumCalls(sandbox.runtime.core.calls, 'Calendar.');

  const result: Record<string, unknown> = { 'ours: Calendar calls per day (30 changes, each delivered)': ours };
  // The older design: every 5 minutes, list the whole next 90 days (250 events a page).
  for (const size of [500, 2000]) {
    const polling = new Sandbox({ now: START, skipSetup: true });
    for (let i = 0; i < size; i++)
      polling.runtime.calendar.insertEvent('primary', eventResource({ location: 'Room 4', start: START + (1 + (i % 2000)) * HOUR }));
    const api = polling.runtime.calendar.advanced();
    for (let poll = 0; poll < 288; poll++) {
      let pageToken: string | undefined;
      do {
        const page = api.Events!.list('primary', {
          timeMin: new Date(START).toISOString(),
          timeMax: new Date(START + 90 * day).toISOString(),
          singleEvents: true,
          maxResults: 250,
          pageToken,
        });
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
    }
    const theirs = sumCalls(polling.runtime.core.calls, 'Calendar.');
    result[`polling, ${size} events in 90 days`] = theirs;
    result[`ratio polling / ours, ${size} events`] = round(theirs / ours, 1);
  }
  return result;
}

export function benchSyncCpu(): Record<string, unknown> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const sandbox = fresh(100);
    for (let j = 0; j < 100; j++)
      sandbox.runtime.calendar.insertEvent('primary', eventResource({ location: phoneOf(j), start: START + (48 + j) * HOUR }));
    samples.push(timeMs(() => sandbox.fireCalendarTrigger()) / 100);
  }
  return { 'median ms per change (100 per run, 5 runs)': round(median(samples), 3) };
}
