// The fault campaign: seeded random calendar changes with injected faults through the real bundle, then the exactly-once invariants.
import { Sandbox } from '../../dev/sandbox';
import type { StatusCallback, StoredMessage } from '../../dev/twilio/fake-twilio';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Monday 5 January 2026, 09:00 in Berlin, as the other sandbox tests. */
const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const ZONE = 'Europe/Berlin';
const GREEN = '10';
const RED = '11';
const PHONE_POOL = 200;
/** Calls after which another execution runs while the one that made the call is suspended. */
const OVERLAP_POINTS = [
  'UrlFetchApp.fetchAll',
  'UrlFetchApp.fetch',
  'Lock.releaseLock',
  'Sheets.Spreadsheets.get',
  'Sheets.Spreadsheets.Values.batchUpdate',
  'Sheets.Spreadsheets.Values.append',
  'Calendar.Events.list',
  'Calendar.Events.patch',
];
const SUCCESS = new Set(['sent', 'delivered', 'read']);
const FAILURE = new Set(['failed', 'undelivered']);
const TERMINAL = new Set(['delivered', 'read', 'failed', 'undelivered', 'canceled']);

export type FaultKind =
  | 'timeout'
  | 'unavailable'
  | 'http500'
  | 'http429'
  | 'http503'
  | 'refused400'
  | 'laterFailure'
  | 'quota'
  | 'overlap'
  | 'noFreeExecution'
  | 'syncToken410';

export interface CampaignReport {
  seed: number;
  changes: number;
  events: number;
  faultsInjected: number;
  faults: Record<FaultKind, number>;
  messages: number;
  callbacks: { posted: number; lost: number; duplicated: number; reordered: number; refused: number };
  simulatedHours: number;
  duplicates: number;
  lostAnnouncements: number;
  wrongColours: number;
  strayMessages: number;
  lostRows: number;
  stuckRows: number;
  ledgerMismatches: number;
  violations: string[];
  seconds: number;
  /** What the campaign did to the calendar, for check() again. */
  model: ModelEvent[];
}

/** mulberry32: a small seeded generator, so a failing campaign can be replayed by its seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ModelEvent {
  n: number;
  id: string;
  title: string;
  phones: string[];
  start: number;
  minutes: number;
  cancelled: boolean;
  /** Every start it had, so a move always names a time the attendee has not been told before. */
  starts: Set<number>;
  /** Every number it ever had. */
  everPhones: Set<string>;
  /** Its phones and state from the Twilio message index at which the change was made. */
  timeline: Array<{ fromMessage: number; phones: string[]; cancelled: boolean }>;
}

type Kind = 'booked' | 'moved' | 'cancelled';

interface Announcement {
  index: number;
  message: StoredMessage;
  to: string;
  event: number;
  kind: Kind;
  /** The time the message announces (for a move, the new one). */
  when: string;
  /** The body with the title taken out: a title edit does not make a resent message a different one. */
  key: string;
}

function phoneOf(i: number): string {
  return `+4915120${String(1000000 + i).slice(1)}`;
}

/** How the host writes it in a location: spaced, national digits grouped. */
function written(e164: string): string {
  return `+49 151 ${e164.slice(6, 10)} ${e164.slice(10)}`;
}

const dayText = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const timeText = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** What a message naming `start` must contain: the date and the start time as the product writes them in English. */
function namesStart(when: string, start: number): boolean {
  return when.includes(`${dayText.format(start)}, ${timeText.format(start)}`);
}

function parseAnnouncement(message: StoredMessage, index: number): Announcement | null {
  const first = message.body.split('\n\n')[0];
  const match =
    /^Your appointment "Appt (\d+)[^"]*" with .+? (is booked for (.+)|has moved (?:from .+ )?to (.+)|on (.+) is cancelled)\.$/s.exec(first);
  if (!match) return null;
  const kind: Kind = match[3] !== undefined ? 'booked' : match[4] !== undefined ? 'moved' : 'cancelled';
  return {
    index,
    message,
    to: message.to.replace(/^whatsapp:/, ''),
    event: Number(match[1]),
    kind,
    when: match[3] ?? match[4] ?? match[5],
    key: `${message.to}|${message.body.replace(/^Your appointment "[^"]*"/, `Your appointment #${match[1]}`)}`,
  };
}

function emptyFaults(): Record<FaultKind, number> {
  return {
    timeout: 0,
    unavailable: 0,
    http500: 0,
    http429: 0,
    http503: 0,
    refused400: 0,
    laterFailure: 0,
    quota: 0,
    overlap: 0,
    noFreeExecution: 0,
    syncToken410: 0,
  };
}

export function runCampaign(options: { seed: number; changes: number; sandbox?: Sandbox }): CampaignReport {
  const began = Date.now();
  const random = generator(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number): boolean => random() < p;
  const sandbox = options.sandbox ?? new Sandbox({ now: START });
  const runtime = sandbox.runtime;
  const twilio = sandbox.twilio;
  const faults = emptyFaults();
  const callbacks = { posted: 0, lost: 0, duplicated: 0, reordered: 0, refused: 0 };
  const events: ModelEvent[] = [];
  let changes = 0;
  let restoreQuota = false;

  const outboundMessages = (): StoredMessage[] => twilio.messages().filter((m) => m.direction === 'outbound-api');
  const live = (): ModelEvent[] => events.filter((event) => !event.cancelled);
  const record = (event: ModelEvent): void => {
    event.timeline.push({ fromMessage: twilio.messages().length, phones: [...event.phones], cancelled: event.cancelled });
  };
  const location = (phones: string[]): string => phones.map(written).join(', ');
  const freshStart = (event: ModelEvent | null): number => {
    for (;;) {
      // On the half hour, 3 to 13 days ahead: never within a reminder's reach during the campaign.
      const slot = Math.floor(random() * 10 * 48);
      const base = Math.ceil((runtime.core.now + 3 * DAY) / (30 * MINUTE)) * 30 * MINUTE;
      const start = base + slot * 30 * MINUTE;
      if (!event?.starts.has(start)) return start;
    }
  };
  const times = (start: number, minutes: number) => ({
    start: { dateTime: new Date(start).toISOString(), timeZone: ZONE },
    end: { dateTime: new Date(start + minutes * MINUTE).toISOString(), timeZone: ZONE },
  });
  const somePhones = (): string[] => {
    const count = chance(0.2) ? 2 : 1;
    const phones = new Set<string>();
    while (phones.size < count) phones.add(phoneOf(Math.floor(random() * PHONE_POOL)));
    return [...phones];
  };

  /** Posts Twilio's callbacks for one message the way a real network may: lost, repeated or out of order. */
  const report = (list: StatusCallback[]): void => {
    if (list.length === 0) return;
    let posts = [...list];
    if (chance(0.15)) {
      callbacks.lost += posts.length;
      return;
    }
    if (posts.length > 1 && chance(0.15)) {
      posts = posts.reverse();
      callbacks.reordered += 1;
    }
    if (chance(0.15)) {
      posts = [...posts, ...posts];
      callbacks.duplicated += 1;
    }
    for (const post of posts) {
      const response = sandbox.postToWebApp(post.url, post.params);
      callbacks.posted += 1;
      if (response.status !== 200) callbacks.refused += 1;
    }
  };

  const progress = (message: StoredMessage): void => {
    if (TERMINAL.has(message.status)) return;
    if (chance(0.15) && message.pendingErrorCode === null && message.status !== 'sent') {
      const sent = twilio.setStatus(message.sid, 'sent');
      report(sent ? [sent] : []);
      return;
    }
    report(twilio.deliver(message.sid, { read: chance(0.3) }));
  };

  const deliverSome = (): void => {
    const open = outboundMessages().filter((m) => !TERMINAL.has(m.status));
    for (let i = 0; i < 1 + Math.floor(random() * 6) && open.length > 0; i++) {
      progress(open.splice(Math.floor(random() * open.length), 1)[0]);
    }
  };

  /** Another execution while the current one is suspended: callbacks, an attendee's message, or another trigger run. */
  const overlapping = (): void => {
    const what = random();
    if (what < 0.6) deliverSome();
    else if (what < 0.8) sandbox.inbound({ from: phoneOf(Math.floor(random() * PHONE_POOL)), body: 'list' });
    else sandbox.fireCalendarTrigger();
  };

  const injectFaults = (): void => {
    if (!chance(0.4)) return;
    const kinds: FaultKind[] = [
      'timeout',
      'unavailable',
      'http500',
      'http429',
      'http503',
      'refused400',
      'laterFailure',
      'quota',
      'overlap',
      'overlap',
      'noFreeExecution',
      'syncToken410',
    ];
    for (let n = chance(0.3) ? 2 : 1; n > 0; n--) {
      const kind = pick(kinds);
      faults[kind] += 1;
      switch (kind) {
        case 'timeout':
          twilio.injectFault({ network: 'timeout', count: 1 + Math.floor(random() * 2), createdAnyway: chance(0.5) });
          break;
        case 'unavailable':
          twilio.injectFault({ network: 'unavailable', count: 1 });
          break;
        case 'http500':
          twilio.injectFault({ httpStatus: 500, count: 1, createdAnyway: chance(0.7) });
          break;
        case 'http429':
          twilio.injectFault({ httpStatus: 429, count: 1 + Math.floor(random() * 3) });
          break;
        case 'http503':
          twilio.injectFault({ httpStatus: 503, count: 1 + Math.floor(random() * 3) });
          break;
        case 'refused400':
          twilio.injectFault({ httpStatus: 400, errorCode: pick([21211, 21614, 63024]), count: 1 });
          break;
        case 'laterFailure':
          twilio.injectFault({ errorCode: pick([30003, 30005, 30008, 63003]), count: 1 });
          break;
        case 'quota':
          // The day's UrlFetch quota runs out within the next few requests, in the middle of a batch.
          runtime.core.quotaUsed.urlFetchCalls = Math.max(0, runtime.core.quotas.urlFetchCalls - Math.floor(random() * 4));
          restoreQuota = true;
          break;
        case 'overlap':
          sandbox.interleave(pick(OVERLAP_POINTS), overlapping, 1 + Math.floor(random() * 2));
          break;
        case 'noFreeExecution':
          // Every execution slot taken while callbacks arrive: Google refuses them, Twilio does not retry.
          runtime.core.otherExecutions = 30;
          deliverSome();
          runtime.core.otherExecutions = 0;
          break;
        case 'syncToken410':
          runtime.calendar.invalidateSyncTokens();
          break;
      }
    }
  };

  const afterChange = (): void => {
    runtime.core.clearInterleavings();
    if (restoreQuota && chance(0.5)) {
      // The next day's quota (the fake keeps no daily reset: the campaign plays it).
      runtime.core.quotaUsed.urlFetchCalls = 0;
      restoreQuota = false;
    }
  };

  const change = (): void => {
    const alive = live();
    const what = random();
    if (alive.length < 5 || what < 0.22) {
      const n = events.length + 1;
      const phones = somePhones();
      const start = freshStart(null);
      const minutes = pick([30, 45, 60]);
      const title = `Appt ${n}`;
      const model: ModelEvent = {
        n,
        id: '',
        title,
        phones,
        start,
        minutes,
        cancelled: false,
        starts: new Set([start]),
        everPhones: new Set(phones),
        timeline: [],
      };
      events.push(model);
      record(model);
      const [created] = sandbox.insertEvents([{ summary: title, location: location(phones), ...times(start, minutes) }]) as Array<{
        id: string;
      }>;
      model.id = created.id;
      return;
    }
    const event = pick(alive);
    if (what < 0.55) {
      const start = freshStart(event);
      event.start = start;
      event.starts.add(start);
      record(event);
      sandbox.patchEvent(event.id, times(start, event.minutes));
    } else if (what < 0.65) {
      event.title = `Appt ${event.n} ${pick(['follow-up', 'check', 'review', 'second visit'])}`;
      record(event);
      sandbox.patchEvent(event.id, { summary: event.title });
    } else if (what < 0.85) {
      const phones = new Set(event.phones);
      // A number new to this event: one taken off and put back would rightly be told the same time twice.
      let other = phoneOf(Math.floor(random() * PHONE_POOL));
      while (event.everPhones.has(other)) other = phoneOf(Math.floor(random() * PHONE_POOL));
      if (phones.size > 1 && chance(0.5)) phones.delete(pick([...phones]));
      else if (chance(0.5)) phones.add(other);
      else {
        phones.clear();
        phones.add(other);
      }
      event.phones = [...phones];
      for (const phone of phones) event.everPhones.add(phone);
      record(event);
      sandbox.patchEvent(event.id, { location: location(event.phones) });
    } else {
      event.cancelled = true;
      record(event);
      sandbox.cancelEvent(event.id);
    }
  };

  while (changes < options.changes) {
    const step = random();
    if (step < 0.2) deliverSome();
    else if (step < 0.3) sandbox.advance(Math.floor(1 + random() * 12) * MINUTE);
    else if (step < 0.32) sandbox.inbound({ from: phoneOf(Math.floor(random() * PHONE_POOL)), body: pick(['list', 'help']) });
    else {
      injectFaults();
      change();
      changes += 1;
      afterChange();
    }
  }

  // Settle: the faults end, every message reaches its final status (some callbacks still lost), ticks run.
  twilio.clearFaults();
  runtime.core.clearInterleavings();
  runtime.core.quotaUsed.urlFetchCalls = 0;
  for (let round = 0; round < 16; round++) {
    for (const message of outboundMessages()) if (!TERMINAL.has(message.status)) report(twilio.deliver(message.sid, { read: chance(0.3) }));
    sandbox.advance(30 * MINUTE);
  }

  const report_ = check(sandbox, events);
  return {
    seed: options.seed,
    changes,
    events: events.length,
    faultsInjected: Object.values(faults).reduce((sum, n) => sum + n, 0),
    faults,
    messages: outboundMessages().length,
    callbacks,
    simulatedHours: Math.round((runtime.core.now - START) / HOUR),
    ...report_,
    seconds: (Date.now() - began) / 1000,
    model: events,
  };
}

type Findings = Pick<
  CampaignReport,
  'duplicates' | 'lostAnnouncements' | 'wrongColours' | 'strayMessages' | 'lostRows' | 'stuckRows' | 'ledgerMismatches' | 'violations'
>;

function ledgerRows(sandbox: Sandbox): Map<string, Record<string, string>> {
  const [header, ...rows] = (sandbox.sheet('Appointments') ?? []) as string[][];
  const out = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const record = Object.fromEntries(header.map((name, i) => [name, String(row[i] ?? '')]));
    out.set(record.key, record);
  }
  return out;
}

/** The invariants: each counted, each violation named (the first 20 are kept). */
export function check(sandbox: Sandbox, events: ModelEvent[]): Findings {
  const violations: string[] = [];
  const findings = {
    duplicates: 0,
    lostAnnouncements: 0,
    wrongColours: 0,
    strayMessages: 0,
    lostRows: 0,
    stuckRows: 0,
    ledgerMismatches: 0,
  };
  const fail = (kind: keyof typeof findings, text: string): void => {
    findings[kind] += 1;
    if (violations.length < 20) violations.push(`${kind}: ${text}`);
  };
  const all = sandbox.twilio.messages();
  const announcements: Announcement[] = [];
  all.forEach((message, index) => {
    if (message.direction !== 'outbound-api') return;
    const parsed = parseAnnouncement(message, index);
    if (parsed) announcements.push(parsed);
  });
  const byNumber = new Map<number, ModelEvent>(events.map((event) => [event.n, event]));

  // No appointment change is told twice.
  const seen = new Map<string, Announcement>();
  for (const announcement of announcements) {
    const earlier = seen.get(announcement.key);
    if (earlier) fail('duplicates', `Appt ${announcement.event} to ${announcement.to}: ${announcement.kind} ${announcement.when} twice`);
    else seen.set(announcement.key, announcement);
  }

  // Nothing is sent to a number that is not on the event (a cancellation to a removed number is the one exception).
  for (const announcement of announcements) {
    const event = byNumber.get(announcement.event);
    if (!event) {
      fail('strayMessages', `message about unknown Appt ${announcement.event}`);
      continue;
    }
    const state = [...event.timeline].reverse().find((entry) => entry.fromMessage <= announcement.index);
    if (announcement.kind === 'cancelled') continue;
    if (!state || state.cancelled || !state.phones.includes(announcement.to)) {
      fail('strayMessages', `Appt ${event.n}: ${announcement.kind} to ${announcement.to}, not on the event then`);
    }
  }

  const rows = ledgerRows(sandbox);
  const latest = (event: ModelEvent, phone: string): Announcement | undefined =>
    [...announcements].reverse().find((a) => a.event === event.n && a.to === phone);
  const refused = (row: Record<string, string> | undefined): boolean => row !== undefined && row.delivery === 'failed' && row.error !== '';

  for (const event of events) {
    const calendar = sandbox.event(event.id) as { colorId?: string; description?: string; status?: string } | undefined;
    const truths: string[] = [];
    for (const phone of event.everPhones) {
      const key = `${event.id}|${phone}`;
      const row = rows.get(key);
      const onEvent = !event.cancelled && event.phones.includes(phone);
      const last = latest(event, phone);
      if (!row) {
        fail('lostRows', `no ledger row ${key}`);
        continue;
      }
      if (row.pending !== '') fail('stuckRows', `${key} still pending ${row.pending} (${row.delivery}: ${row.error})`);
      if (onEvent) {
        if (row.state !== 'active' || Date.parse(row.start) !== event.start) {
          fail('lostRows', `${key} is ${row.state} at ${row.start}, the event is at ${new Date(event.start).toISOString()}`);
        }
        const told = last !== undefined && last.kind !== 'cancelled' && namesStart(last.when, event.start);
        if (told) {
          const status = last.message.status;
          truths.push(status);
          if (
            row.messageSid === last.message.sid &&
            row.delivery !== status &&
            row.delivery !== 'opted-out' &&
            !(row.delivery === 'delivered' && status === 'read')
          ) {
            fail('ledgerMismatches', `${key}: ledger says ${row.delivery}, Twilio ${status}`);
          }
        } else if (refused(row)) truths.push('refused');
        else {
          fail('lostAnnouncements', `Appt ${event.n} to ${phone}: last told ${last ? `${last.kind} ${last.when}` : 'nothing'}`);
          truths.push('lost');
        }
      } else {
        if (row.state !== 'cancelled') fail('lostRows', `${key} is ${row.state}, the number is no longer on the event`);
        const toldBefore = announcements.some(
          (a) => a.event === event.n && a.to === phone && a.kind !== 'cancelled' && !FAILURE.has(a.message.status),
        );
        if (toldBefore && last?.kind !== 'cancelled' && !refused(row)) {
          fail('lostAnnouncements', `Appt ${event.n} to ${phone}: never told of the cancellation`);
        }
      }
    }
    if (event.cancelled || !calendar) continue;
    const red = truths.some((truth) => FAILURE.has(truth) || truth === 'refused');
    const green = truths.length > 0 && truths.every((truth) => SUCCESS.has(truth));
    const colour = calendar.colorId ?? '';
    const block = (calendar.description ?? '').includes('--- WhatsApp delivery ---');
    if (red && (colour !== RED || !block))
      fail('wrongColours', `Appt ${event.n} should be red with its reason, is ${colour || 'uncoloured'}`);
    if (green && (colour !== GREEN || block)) fail('wrongColours', `Appt ${event.n} should be green, is ${colour || 'uncoloured'}`);
    if (!red && !green && colour === GREEN) fail('wrongColours', `Appt ${event.n} is green, its messages are ${truths.join(', ')}`);
  }
  return { ...findings, violations };
}
