// Benchmark of recurring appointments: Calendar calls of a sync that finds 50 new weekly series, and of the ticks that follow.
import { Sandbox } from '../dev/sandbox';
import { sheetCalls, sumCalls } from './measure';

const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SERIES = 50;

function weeklySeries(i: number): object {
  // Thursdays from 8 January 2026 on, one hour each, spread over the day; endless.
  const hour = String(8 + (i % 10)).padStart(2, '0');
  const minute = i % 20 < 10 ? '00' : '30';
  return {
    summary: `Weekly ${i}`,
    location: `+4915${String(200000000 + i).padStart(9, '0')}`,
    start: { dateTime: `2026-01-08T${hour}:${minute}:00+01:00`, timeZone: 'Europe/Berlin' },
    end: { dateTime: `2026-01-08T${hour}:${minute === '00' ? '25' : '55'}:00+01:00`, timeZone: 'Europe/Berlin' },
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TH'],
  };
}

function calendarCalls(sandbox: Sandbox): { total: number; byMethod: string } {
  const calls = sandbox.runtime.core.calls;
  const names = Object.entries(calls).filter(([name]) => name.startsWith('Calendar.'));
  return { total: sumCalls(calls, 'Calendar.'), byMethod: names.map(([name, n]) => `${name.replace('Calendar.', '')} ${n}`).join(', ') };
}

export function benchRecurring(): Record<string, number | string> {
  const sandbox = new Sandbox({ now: START });
  for (let i = 0; i < SERIES; i++) sandbox.runtime.calendar.insertEvent('primary', weeklySeries(i));
  sandbox.runtime.core.resetCalls();
  sandbox.fireCalendarTrigger();
  const sync = calendarCalls(sandbox);
  const syncSheets = sheetCalls(sandbox.runtime.core.calls);
  const announced = sandbox.twilio.messages().filter((message) => message.direction === 'outbound-api').length;
  const rows = ((sandbox.sheet('Appointments') as string[][] | undefined)?.length ?? 1) - 1;

  // A quiet tick 10 minutes on: the horizon pass ran with the sync, so nothing but the sync's own list.
  sandbox.runtime.core.resetCalls();
  sandbox.advance(10 * MINUTE);
  const tick = calendarCalls(sandbox);

  // The first tick a day later runs the horizon pass: one list over the next 31 days for all series.
  sandbox.setClock(START + 24 * HOUR - 5 * MINUTE);
  sandbox.runtime.core.resetCalls();
  sandbox.advance(10 * MINUTE);
  const horizon = calendarCalls(sandbox);
  return {
    'series with a number': SERIES,
    'sync: Calendar calls': sync.total,
    'sync: Calendar calls by method': sync.byMethod,
    'sync: spreadsheet calls': syncSheets,
    'sync: messages sent': announced,
    'ledger rows after the sync': rows,
    'quiet tick: Calendar calls': tick.total,
    'tick with the daily horizon pass: Calendar calls': horizon.total,
    'tick with the daily horizon pass: by method': horizon.byMethod,
  };
}
