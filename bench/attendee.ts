// Benchmark of the attendee pages: the reschedule slots over a busy 30-day horizon, and service calls per booking and per move.
import { Sandbox } from '../dev/sandbox';
import { findFreeSlots, DEFAULT_SLOT_RULES } from '../src/domain/slots';
import { eventResource } from '../test/support/sandbox';
import { median, round, sheetCalls, sheetWrites, sumCalls, timeMs } from './measure';

const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const RUNS = 15;
const BUSY_EVENTS = 500;

/** 500 events without phone numbers spread over the 30-day horizon, inside and outside working hours. */
function busySandbox(): { sandbox: Sandbox; token: string } {
  const sandbox = new Sandbox({ now: START, skipSetup: true, settings: { HORIZON_DAYS: '30' } });
  for (let i = 0; i < BUSY_EVENTS; i++) {
    const start = START + 3 * HOUR + Math.floor((i * 30 * 24 * HOUR) / BUSY_EVENTS / (15 * MINUTE)) * 15 * MINUTE;
    sandbox.runtime.calendar.insertEvent('primary', eventResource({ summary: `Busy ${i}`, start, minutes: 30 + (i % 3) * 15 }));
  }
  sandbox.run('setup', [], { caller: 'owner' });
  sandbox.insertEvents([eventResource({ location: '+4915123456789', start: START + 26 * HOUR + 30 * MINUTE })]);
  const [header, ...rows] = sandbox.sheet('Appointments') as string[][];
  const token = rows[0][header.indexOf('token')];
  return { sandbox, token };
}

function perAction(calls: Record<string, number>): Record<string, number> {
  return {
    'Calendar calls': sumCalls(calls, 'Calendar.'),
    'Freebusy calls': calls['Calendar.Freebusy.query'] ?? 0,
    'spreadsheet calls': sheetCalls(calls),
    'sheet writes': sheetWrites(calls),
    'Twilio requests': sumCalls(calls, 'UrlFetchApp.'),
  };
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`${prefix}: ${name}`, value]));
}

export async function benchAttendee(): Promise<Record<string, unknown>> {
  const { sandbox, token } = busySandbox();
  const results: Record<string, unknown> = {};

  // The slot list the reschedule step asks for (google.script.run listSlots).
  sandbox.runtime.core.resetCalls();
  const first = sandbox.run('listSlots', [token]) as { result: unknown[] };
  results['listSlots: Freebusy calls (30 days, 500 busy events)'] = sandbox.runtime.core.calls['Calendar.Freebusy.query'] ?? 0;
  results['listSlots: Calendar calls'] = sumCalls(sandbox.runtime.core.calls, 'Calendar.');
  results['listSlots: slots offered'] = first.result.length;
  results['listSlots: median ms (whole call in the sandbox)'] = round(
    median(Array.from({ length: RUNS }, () => timeMs(() => sandbox.run('listSlots', [token])))),
  );

  // The reschedule page: slot finding plus the server-side render of the page with the slots embedded.
  sandbox.runtime.core.resetCalls();
  const page = sandbox.doGet({ l: [token], do: ['reschedule'] });
  results['reschedule page: Freebusy calls'] = sandbox.runtime.core.calls['Calendar.Freebusy.query'] ?? 0;
  results['reschedule page: KiB of HTML'] = round(page.body.length / 1024, 1);
  results['reschedule page: median ms (doGet incl. sandbox)'] = round(
    median(Array.from({ length: RUNS }, () => timeMs(() => sandbox.doGet({ l: [token], do: ['reschedule'] })))),
  );

  // Slot finding alone (pure domain), on the same busy intervals the Freebusy query returns.
  const busy = (sandbox.runtime.calendar.listAll('primary') as Array<{ start: { dateTime: string }; end: { dateTime: string } }>).map(
    (event) => ({
      start: Date.parse(event.start.dateTime),
      end: Date.parse(event.end.dateTime),
    }),
  );
  const rules = { ...DEFAULT_SLOT_RULES, timeZone: 'Europe/Berlin', minNoticeMinutes: 120, horizonDays: 30 };
  results['findFreeSlots: median ms (500 busy, 30 days)'] = round(
    median(Array.from({ length: RUNS }, () => timeMs(() => findFreeSlots({ busy, now: START, rules })))),
    3,
  );

  // One booking and one move: service calls per action (the sync that announces it included).
  const bookingSlots = (sandbox.run('listBookingSlots', []) as { result: Array<{ start: string }> }).result;
  sandbox.runtime.core.resetCalls();
  const booked = sandbox.run('bookAppointment', [{ name: 'Bench', phone: '+4915123456780', start: bookingSlots[0].start }]);
  if (!('result' in booked)) throw new Error(`booking failed: ${booked.error}`);
  Object.assign(results, prefixed('bookAppointment', perAction({ ...sandbox.runtime.core.calls })));

  const moveTo = (sandbox.run('listSlots', [token]) as { result: Array<{ start: string }> }).result[5].start;
  sandbox.runtime.core.resetCalls();
  const moved = sandbox.run('rescheduleAppointment', [token, moveTo]);
  if (!('result' in moved)) throw new Error(`reschedule failed: ${moved.error}`);
  Object.assign(results, prefixed('rescheduleAppointment', perAction({ ...sandbox.runtime.core.calls })));

  sandbox.runtime.core.resetCalls();
  const cancelled = sandbox.run('cancelAppointment', [token]);
  if (!('result' in cancelled)) throw new Error(`cancel failed: ${cancelled.error}`);
  Object.assign(results, prefixed('cancelAppointment', perAction({ ...sandbox.runtime.core.calls })));
  return results;
}
