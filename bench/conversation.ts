// Benchmark of conversations and reminders: Calendar and UrlFetch calls per tick with 1,000 upcoming appointments, inbound CPU.
import { Sandbox } from '../dev/sandbox';
import { eventResource } from '../test/support/sandbox';
import { median, round, sheetCalls, timeMs } from './measure';

const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const HOUR = 3600_000;
const MINUTE = 60_000;
const APPOINTMENTS = 1000;

function phoneOf(i: number): string {
  return `+4915${String(100000000 + i).padStart(9, '0')}`;
}

/** 1,000 upcoming appointments known to the ledger (recorded by setup, as after an install). */
function withAppointments(startOf: (i: number) => number): Sandbox {
  const sandbox = new Sandbox({ now: START, skipSetup: true });
  for (let i = 0; i < APPOINTMENTS; i++) {
    sandbox.runtime.calendar.insertEvent('primary', eventResource({ summary: `Visit ${i}`, location: phoneOf(i), start: startOf(i) }));
  }
  sandbox.run('setup', [], { caller: 'owner' });
  sandbox.runtime.core.resetCalls();
  return sandbox;
}

interface TickCost {
  calendar: number;
  urlFetch: number;
  sheet: number;
  reminders: number;
}

function tickCosts(sandbox: Sandbox, ticks: number): TickCost[] {
  const costs: TickCost[] = [];
  for (let i = 0; i < ticks; i++) {
    const before = sandbox.twilio.messages().length;
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * MINUTE);
    const calls = sandbox.runtime.core.calls;
    costs.push({
      calendar: (calls['Calendar.Events.list'] ?? 0) + (calls['Calendar.Events.get'] ?? 0) + (calls['Calendar.Events.patch'] ?? 0),
      urlFetch: (calls['UrlFetchApp.fetchAll'] ?? 0) + (calls['UrlFetchApp.fetch'] ?? 0),
      sheet: sheetCalls(calls),
      reminders: sandbox.twilio.messages().length - before,
    });
  }
  return costs;
}

function summary(label: string, costs: TickCost[]): Record<string, unknown> {
  const busy = costs.filter((cost) => cost.reminders > 0);
  const quiet = costs.filter((cost) => cost.reminders === 0);
  const max = (pick: (cost: TickCost) => number, list = costs) => (list.length === 0 ? 0 : Math.max(...list.map(pick)));
  return {
    scenario: label,
    ticks: costs.length,
    'reminders sent': costs.reduce((sum, cost) => sum + cost.reminders, 0),
    'Calendar calls, quiet tick': max((cost) => cost.calendar, quiet),
    'Calendar calls, tick with reminders (max)': max((cost) => cost.calendar, busy),
    'UrlFetch calls, quiet tick': max((cost) => cost.urlFetch, quiet),
    'UrlFetch calls, tick with reminders (max)': max((cost) => cost.urlFetch, busy),
    'most reminders in one tick': max((cost) => cost.reminders),
    'spreadsheet calls per tick (max)': max((cost) => cost.sheet),
  };
}

function inboundCpu(sandbox: Sandbox, body: string, verify: boolean): number {
  sandbox.mergeSettings({ VERIFY_INBOUND: verify ? 'on' : 'off' });
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    // A different sender each time: no rate limit, and each list is that sender's own.
    times.push(timeMs(() => sandbox.inbound({ from: phoneOf(i % APPOINTMENTS), body })));
  }
  return round(median(times), 2);
}

export async function benchConversation(): Promise<Record<string, unknown>> {
  // Spread: one appointment every 20 minutes from tomorrow on (about two weeks), a day of ticks.
  const spread = withAppointments((i) => START + 30 * HOUR + i * 20 * MINUTE);
  const spreadDay = summary('1,000 over 14 days, 24 h of ticks', tickCosts(spread, 144));
  // Burst: all 1,000 at the same time, the tick that reaches their 24-hour moment.
  const burst = withAppointments(() => START + 26 * HOUR);
  burst.setClock(START + 2 * HOUR - 10 * MINUTE);
  const burstTick = summary('1,000 at one time, the tick of their 24 h reminder', tickCosts(burst, 1));

  const chat = withAppointments((i) => START + 30 * HOUR + i * 20 * MINUTE);
  chat.runtime.core.resetCalls();
  chat.mergeSettings({ VERIFY_INBOUND: 'on' });
  chat.inbound({ from: phoneOf(500), body: 'list' });
  const listCalls = { ...chat.runtime.core.calls };
  const cpu = {
    'inbound "list", median ms (1,000-row ledger, lookup at Twilio on)': inboundCpu(chat, 'list', true),
    'inbound "list", median ms (lookup off)': inboundCpu(chat, 'list', false),
    'inbound "help", median ms': inboundCpu(chat, 'help', true),
    'inbound question forwarded by mail, median ms': inboundCpu(chat, 'I will be 10 minutes late, sorry about that', true),
    'inbound "list": UrlFetch calls': (listCalls['UrlFetchApp.fetchAll'] ?? 0) + (listCalls['UrlFetchApp.fetch'] ?? 0),
    'inbound "list": Calendar calls': (listCalls['Calendar.Events.list'] ?? 0) + (listCalls['Calendar.Calendars.get'] ?? 0),
    'inbound "list": spreadsheet calls': sheetCalls(listCalls),
  };
  return { spreadDay, burstTick, ...cpu };
}
