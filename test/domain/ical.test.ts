// The hand-written iCalendar writer, checked against ical.js and the RFC 5545 line rules.
// ical.js 2.x is an ES module, but its package "exports" has a "require" condition (dist/ical.es5.cjs),
// so the CommonJS that ts-jest emits loads it without any jest transform.
import ICAL from 'ical.js';
import { buildCalendar, escapeParam, escapeText, foldLine, formatUtc, type IcsEvent, timeZoneLines } from '../../src/domain/ical';

const iso = (text: string): number => Date.parse(text);

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function baseEvent(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'evt-123@calendar-whatsapp',
    sequence: 2,
    dtstamp: iso('2026-03-01T10:00:00Z'),
    start: iso('2026-03-03T13:30:00Z'),
    end: iso('2026-03-03T14:00:00Z'),
    summary: 'Consultation',
    ...overrides,
  };
}

function parseEvent(ics: string): { calendar: ICAL.Component; event: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { calendar, event };
}

function expectWellFormed(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.slice(0, -2).split('\r\n')) {
    expect(utf8Bytes(line)).toBeLessThanOrEqual(75);
    // Re-encoding must not produce replacement characters: no character was split.
    expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    expect(line).not.toMatch(/[\uD800-\uDFFF]/u);
  }
}

const tricky = [
  'Plain',
  'Comma, semicolon; colon: backslash \\ done',
  'Quote "double" and \'single\'',
  'Line one\nLine two\r\nLine three\rLine four',
  'Emoji 😀👍🏽 and family 👨‍👩‍👧‍👦 ok',
  'München, 東京, Zürich, São Paulo, Київ, القاهرة',
  'Caret ^ and ^n literal',
  `Long ${'äöü€😀東'.repeat(40)} end`,
  'x'.repeat(300),
  'Trailing backslash \\',
];

describe('escapeText', () => {
  it.each([
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\nb'],
    ['a\rb', 'a\\nb'],
    ['a:b', 'a:b'],
    ['tab\there', 'tab\there'],
    ['bell\u0007', 'bell'],
    ['\\,;\n', '\\\\\\,\\;\\n'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
  });

  it('folds at 75 octets with CRLF and one space', () => {
    const folded = foldLine('X'.repeat(200));
    const lines = folded.split('\r\n');
    expect(lines.map((line) => line.length)).toEqual([75, 75, 52]);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, index) => (index ? line.slice(1) : line)).join('')).toBe('X'.repeat(200));
  });

  it.each(['é', '€', '東', '😀', '👨‍👩‍👧‍👦', 'aé€😀'])('never splits %s and stays within 75 octets', (character) => {
    for (let prefix = 0; prefix < 8; prefix++) {
      const line = 'D'.repeat(prefix) + character.repeat(60);
      const physical = foldLine(line).split('\r\n');
      for (const part of physical) {
        expect(utf8Bytes(part)).toBeLessThanOrEqual(75);
        expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }
      expect(physical.map((part, index) => (index ? part.slice(1) : part)).join('')).toBe(line);
      // Lines are filled: only a character that would not fit starts a new one.
      for (const part of physical.slice(0, -1)) expect(utf8Bytes(part)).toBeGreaterThan(71);
    }
  });
});

describe('buildCalendar', () => {
  it('writes the calendar frame, UTC times and CRLF everywhere', () => {
    const ics = buildCalendar({ events: [baseEvent()] });
    expectWellFormed(ics);
    expect(ics.split('\r\n').slice(0, 4)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//calendar-whatsapp//Appointments//EN',
      'CALSCALE:GREGORIAN',
    ]);
    expect(ics).not.toContain('METHOD:');
    expect(ics).toContain('\r\nDTSTART:20260303T133000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20260303T140000Z\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20260301T100000Z\r\n');
    expect(ics).toContain('\r\nSEQUENCE:2\r\n');
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);

    const { calendar, event } = parseEvent(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    const vevent = new ICAL.Event(event);
    expect(vevent.uid).toBe('evt-123@calendar-whatsapp');
    expect(vevent.sequence).toBe(2);
    expect(vevent.startDate.zone.tzid).toBe('UTC');
    expect(vevent.startDate.toUnixTime() * 1000).toBe(iso('2026-03-03T13:30:00Z'));
    expect(vevent.endDate.toUnixTime() * 1000).toBe(iso('2026-03-03T14:00:00Z'));
  });

  it('uses the given PRODID and METHOD', () => {
    const ics = buildCalendar({
      method: 'PUBLISH',
      prodId: '-//Example Corp//Bookings 1.0//EN',
      events: [baseEvent({ organizer: { email: 'host@example.com' } })],
    });
    expect(ics).toContain('\r\nPRODID:-//Example Corp//Bookings 1.0//EN\r\n');
    expect(ics).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(parseEvent(ics).calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
  });

  it.each(tricky)('round-trips text %j through ical.js', (text) => {
    const ics = buildCalendar({
      method: 'REQUEST',
      events: [
        baseEvent({
          summary: text,
          description: `${text}\n\nCancel or move: https://example.com/x?a=1&b=2`,
          location: text,
          organizer: { email: 'host@example.com', name: text },
          attendees: [{ email: 'guest@example.org', name: text }],
        }),
      ],
    });
    expectWellFormed(ics);
    const { event } = parseEvent(ics);
    const normalized = text.replace(/\r\n|\r/g, '\n');
    expect(event.getFirstPropertyValue('summary')).toBe(normalized);
    expect(event.getFirstPropertyValue('location')).toBe(normalized);
    expect(event.getFirstPropertyValue('description')).toBe(`${normalized}\n\nCancel or move: https://example.com/x?a=1&b=2`);
    expect(event.getFirstProperty('organizer')?.getParameter('cn')).toBe(normalized);
    expect(event.getFirstProperty('attendee')?.getParameter('cn')).toBe(normalized);
  });

  it('writes a REQUEST with ORGANIZER and ATTENDEE parameters', () => {
    const ics = buildCalendar({
      method: 'REQUEST',
      events: [
        baseEvent({
          status: 'CONFIRMED',
          url: 'https://script.google.com/macros/s/abc/exec?t=x,y;z',
          organizer: { email: 'host@example.com', name: 'Dr. Anna Schmidt' },
          attendees: [
            { email: 'guest@example.org', name: 'Müller, Jan' },
            { email: 'second@example.org', rsvp: false, partstat: 'ACCEPTED', role: 'OPT-PARTICIPANT' },
          ],
        }),
      ],
    });
    expectWellFormed(ics);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nMETHOD:REQUEST\r\n');
    expect(unfolded).toContain('\r\nORGANIZER;CN=Dr. Anna Schmidt:mailto:host@example.com\r\n');
    expect(unfolded).toContain(
      '\r\nATTENDEE;CN="Müller, Jan";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:guest@example.org\r\n',
    );
    expect(unfolded).toContain('\r\nATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:second@example.org\r\n');
    expect(unfolded).toContain('\r\nSTATUS:CONFIRMED\r\n');
    expect(unfolded).toContain('\r\nURL:https://script.google.com/macros/s/abc/exec?t=x,y;z\r\n');

    const { calendar, event } = parseEvent(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:host@example.com');
    const attendees = event.getAllProperties('attendee');
    expect(attendees.map((attendee) => attendee.getFirstValue())).toEqual(['mailto:guest@example.org', 'mailto:second@example.org']);
    expect(attendees[0].getParameter('cn')).toBe('Müller, Jan');
    expect(attendees[0].getParameter('rsvp')).toBe('TRUE');
    expect(attendees[0].getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendees[1].getParameter('rsvp')).toBe('FALSE');
    expect(event.getFirstPropertyValue('url')).toBe('https://script.google.com/macros/s/abc/exec?t=x,y;z');
  });

  it('marks a CANCEL as STATUS:CANCELLED whatever the event says', () => {
    const ics = buildCalendar({
      method: 'CANCEL',
      events: [
        baseEvent({
          sequence: 3,
          status: 'CONFIRMED',
          organizer: { email: 'host@example.com' },
          attendees: [{ email: 'guest@example.org' }],
        }),
      ],
    });
    expectWellFormed(ics);
    expect(ics).toContain('\r\nMETHOD:CANCEL\r\n');
    expect(ics.match(/STATUS:/g)).toHaveLength(1);
    const { calendar, event } = parseEvent(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
  });

  it('refuses a PUBLISH without organizer: RFC 5546 3.2.1 requires exactly one ORGANIZER', () => {
    expect(() => buildCalendar({ method: 'PUBLISH', events: [baseEvent()] })).toThrow('METHOD:PUBLISH needs an ORGANIZER (event ');
  });

  it('refuses a REQUEST or CANCEL without organizer or attendees', () => {
    expect(() => buildCalendar({ method: 'REQUEST', events: [baseEvent({ attendees: [{ email: 'g@example.org' }] })] })).toThrow(
      /ORGANIZER/,
    );
    expect(() => buildCalendar({ method: 'CANCEL', events: [baseEvent({ organizer: { email: 'h@example.com' } })] })).toThrow(/ATTENDEE/);
    expect(() => buildCalendar({ events: [baseEvent({ end: iso('2026-03-03T13:00:00Z') })] })).toThrow(/ends before/);
  });

  it('writes several events and keeps every time in UTC', () => {
    const events = [0, 1, 2].map((index) =>
      baseEvent({
        uid: `evt-${index}`,
        start: iso('2026-03-29T00:30:00Z') + index * 3_600_000,
        end: iso('2026-03-29T01:30:00Z') + index * 3_600_000,
        organizer: { email: 'host@example.com' },
      }),
    );
    const ics = buildCalendar({ method: 'PUBLISH', events });
    expectWellFormed(ics);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const parsed = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(parsed.map((event) => event.uid)).toEqual(['evt-0', 'evt-1', 'evt-2']);
    expect(parsed.map((event) => event.startDate.toUnixTime() * 1000)).toEqual(events.map((event) => event.start));
    for (const line of ics.split('\r\n').filter((l) => /^(DTSTART|DTEND|DTSTAMP)/.test(l))) {
      expect(line).toMatch(/^(DTSTART|DTEND|DTSTAMP):\d{8}T\d{6}Z$/);
    }
  });
});

describe('a series in its own zone', () => {
  /** The first `n` occurrences ical.js expands from the written object, as UTC instants. */
  function expand(text: string, n: number): string[] {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    const iterator = event.iterator();
    const out: string[] = [];
    for (let next = iterator.next(); next && out.length < n; next = iterator.next()) out.push(next.toJSDate().toISOString());
    return out;
  }

  /** The same wall-clock time each week in the zone, by Intl (what Google's expansion in `start.timeZone` gives). */
  function weeklyInZone(firstMs: number, zone: string, n: number): string[] {
    const wall = (ms: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let ms = firstMs + i * 7 * 86_400_000;
      // Shift by the offset change so the wall-clock time stays.
      for (const delta of [0, -3600_000, 3600_000, -1800_000, 1800_000]) {
        if (wall(ms + delta) === wall(firstMs)) {
          ms += delta;
          break;
        }
      }
      out.push(new Date(ms).toISOString());
    }
    return out;
  }

  test.each([
    ['Europe/Berlin', '2026-01-06T09:00:00Z'],
    ['Australia/Sydney', '2026-03-03T23:00:00Z'],
    ['America/New_York', '2026-02-24T15:00:00Z'],
    ['Asia/Kolkata', '2026-03-03T04:30:00Z'],
  ])('%s: the VTIMEZONE keeps the wall-clock time across DST, as ical.js expands it', (zone, first) => {
    const start = iso(first);
    const text = buildCalendar({
      method: 'PUBLISH',
      events: [
        baseEvent({
          start,
          end: start + 3600_000,
          zone,
          recurrence: ['RRULE:FREQ=WEEKLY;COUNT=12'],
          organizer: { email: 'host@example.org' },
        }),
      ],
    });
    expect(text).toContain(`DTSTART;TZID=${zone}:`);
    expect(text).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`);
    expect(expand(text, 12)).toEqual(weeklyInZone(start, zone, 12));
  });

  test('an occurrence is written with RECURRENCE-ID under the series UID', () => {
    const text = buildCalendar({
      method: 'CANCEL',
      events: [
        {
          ...baseEvent({ recurrenceId: iso('2026-03-03T13:30:00Z') }),
          organizer: { email: 'host@example.org' },
          attendees: [{ email: 'a@example.org' }],
        },
      ],
    });
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.isRecurrenceException()).toBe(true);
    expect(event.recurrenceId.toJSDate().toISOString()).toBe('2026-03-03T13:30:00.000Z');
  });
});

describe('guards, one at a time', () => {
  const lines = (ics: string): string[] => ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
  /** Each VTIMEZONE's TZID and its observances as "KIND from→to: onset dates". */
  function zonesOf(ics: string): Array<[string, string[]]> {
    const out: Array<[string, string[]]> = [];
    let observance = '';
    for (const line of lines(ics)) {
      if (line.startsWith('TZID:')) out.push([line.slice(5), []]);
      else if (/^BEGIN:(DAYLIGHT|STANDARD)$/.test(line)) observance = line.slice(6);
      else if (line.startsWith('RDATE:') && observance) out[out.length - 1][1].push(`${observance} ${line.slice(6, 14)}`);
      else if (/^END:(DAYLIGHT|STANDARD)$/.test(line)) observance = '';
    }
    return out;
  }

  it('a single event in its zone: the VTIMEZONE of a year either side, each onset in the time before it', () => {
    const ics = buildCalendar({ events: [baseEvent({ zone: 'Europe/Berlin' })] });
    expect(lines(ics)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//calendar-whatsapp//Appointments//EN',
      'CALSCALE:GREGORIAN',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T020000',
      'RDATE:20250330T020000',
      'RDATE:20260329T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'RDATE:20251026T030000',
      'RDATE:20261025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:evt-123@calendar-whatsapp',
      'SEQUENCE:2',
      'DTSTAMP:20260301T100000Z',
      'DTSTART;TZID=Europe/Berlin:20260303T143000',
      'DTEND;TZID=Europe/Berlin:20260303T150000',
      'SUMMARY:Consultation',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    const event = new ICAL.Event(parseEvent(ics).event);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-03T13:30:00.000Z');
  });

  it.each([
    ['Africa/Abidjan', '+0000'],
    ['Asia/Kolkata', '+0530'],
    ['Asia/Kathmandu', '+0545'],
    ['America/Panama', '-0500'],
  ])('%s, which keeps one offset, is one STANDARD at %s', (zone, offset) => {
    expect(timeZoneLines(zone, iso('2025-01-01T00:00:00Z'), iso('2027-01-01T00:00:00Z'))).toEqual([
      'BEGIN:VTIMEZONE',
      `TZID:${zone}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  const fixed = (offset: string): string[] => [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Berlin',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const spring = [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Berlin',
    'BEGIN:DAYLIGHT',
    'DTSTART:20260329T020000',
    'RDATE:20260329T020000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
  ];
  it.each([
    [
      'a span starting the day after the change: nothing before it is looked at',
      '2026-03-30T00:00:00Z',
      '2026-04-30T00:00:00Z',
      fixed('+0200'),
    ],
    ['a span ending a whole number of weeks on, an hour before the change', '2026-03-01T00:00:00Z', '2026-03-29T00:00:00Z', fixed('+0100')],
    ['a span ending an hour after the change', '2026-03-01T00:00:00Z', '2026-03-29T02:00:00Z', spring],
    ['a span of a week holding the change', '2026-03-25T00:00:00Z', '2026-04-01T00:00:00Z', spring],
  ])('Europe/Berlin, %s', (_, from, to, expected) => {
    expect(timeZoneLines('Europe/Berlin', iso(from), iso(to))).toEqual(expected);
  });

  const marches = [
    '20250330',
    '20260329',
    '20270328',
    '20280326',
    '20290325',
    '20300331',
    '20310330',
    '20320328',
    '20330327',
    '20340326',
    '20350325',
    '20360330',
  ];
  const octobers = [
    '20251026',
    '20261025',
    '20271031',
    '20281029',
    '20291028',
    '20301027',
    '20311026',
    '20321031',
    '20331030',
    '20341029',
    '20351028',
    '20361026',
  ];
  it('an endless series has its zone written ten years (and one) ahead', () => {
    const ics = buildCalendar({ events: [baseEvent({ zone: 'Europe/Berlin', recurrence: ['RRULE:FREQ=WEEKLY'] })] });
    expect(zonesOf(ics)).toEqual([
      ['Europe/Berlin', [...marches.map((day) => `DAYLIGHT ${day}`), ...octobers.map((day) => `STANDARD ${day}`)]],
    ]);
  });

  it('a series with UNTIL has its zone written to a year past it', () => {
    const ics = buildCalendar({ events: [baseEvent({ zone: 'Europe/Berlin', recurrence: ['RRULE:FREQ=WEEKLY;UNTIL=20260601T000000Z'] })] });
    expect(zonesOf(ics)).toEqual([
      ['Europe/Berlin', ['DAYLIGHT 20250330', 'DAYLIGHT 20260329', 'DAYLIGHT 20270328', 'STANDARD 20251026', 'STANDARD 20261025']],
    ]);
  });

  it('a series of RDATEs alone (no rule) is written, its zone ten years ahead', () => {
    const ics = buildCalendar({ events: [baseEvent({ zone: 'Europe/Berlin', recurrence: ['RDATE;TZID=Europe/Berlin:20260310T143000'] })] });
    expect(lines(ics)).toContain('RDATE;TZID=Europe/Berlin:20260310T143000');
    expect(zonesOf(ics)[0][1]).toHaveLength(24);
  });

  it('a UTC event that excludes a date in a zone gets that zone, from its parameter, not from a value', () => {
    const ics = buildCalendar({
      events: [baseEvent({ recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE;TZID=America/New_York:20260310T083000'] })],
    });
    expect(zonesOf(ics).map(([zone]) => zone)).toEqual(['America/New_York']);
    expect(lines(ics)).toContain('DTSTART:20260303T133000Z');
    const valued = buildCalendar({ events: [baseEvent({ recurrence: ['RRULE:FREQ=WEEKLY;TZID=Asia/Tokyo'] })] });
    expect(zonesOf(valued)).toEqual([]);
  });

  it("the zone 'UTC' is written as UTC times, with no VTIMEZONE", () => {
    const ics = buildCalendar({
      events: [baseEvent({ zone: 'UTC', recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'], recurrenceId: iso('2026-03-10T13:30:00Z') })],
    });
    expect(ics).not.toContain('VTIMEZONE');
    expect(lines(ics).slice(4, 10)).toEqual([
      'BEGIN:VEVENT',
      'UID:evt-123@calendar-whatsapp',
      'SEQUENCE:2',
      'DTSTAMP:20260301T100000Z',
      'DTSTART:20260303T133000Z',
      'DTEND:20260303T140000Z',
    ]);
    expect(lines(ics)).toContain('RECURRENCE-ID:20260310T133000Z');
  });

  it('an event of no length has no DTEND, which must be later than DTSTART (RFC 5545 3.8.2.2), and ends at its start', () => {
    const ics = buildCalendar({ events: [baseEvent({ end: iso('2026-03-03T13:30:00Z') })] });
    expect(lines(ics).filter((line) => /^DT(START|END)/.test(line))).toEqual(['DTSTART:20260303T133000Z']);
    const event = new ICAL.Event(parseEvent(ics).event);
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-03T13:30:00.000Z');
  });

  it('controls are taken out of recurrence lines, URIs and parameters; URIs are trimmed', () => {
    const ics = buildCalendar({
      events: [
        baseEvent({
          recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2\r\n'],
          url: '  https://example.com/a\u0007b\n ',
          organizer: { email: ' MAILTO:host@example.com ', name: 'Anna\u0007 Schmidt' },
          attendees: [{ email: 'guest.mailto:x@example.org', name: '' }],
        }),
      ],
    });
    expect(lines(ics).filter((line) => /^(RRULE|URL|ORGANIZER|ATTENDEE)/.test(line))).toEqual([
      'RRULE:FREQ=WEEKLY;COUNT=2',
      'URL:https://example.com/ab',
      'ORGANIZER;CN=Anna Schmidt:mailto:host@example.com',
      'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:guest.mailto:x@example.org',
    ]);
  });

  it.each([
    ['Anna\u0000\u0007\u001F\u007F Schmidt', 'Anna Schmidt'],
    ['a^b', 'a^^b'],
    ['say "hi"', "say ^'hi^'"],
    ['one\r\ntwo', 'one^ntwo'],
    ['Müller, Jan', '"Müller, Jan"'],
  ])('escapeParam(%j) is %j', (value, expected) => {
    expect(escapeParam(value)).toBe(expected);
  });

  it('a REQUEST with an organizer but nobody to address is refused (RFC 5546 3.2.2)', () => {
    expect(() => buildCalendar({ method: 'REQUEST', events: [baseEvent({ organizer: { email: 'h@example.com' } })] })).toThrow(
      new Error('METHOD:REQUEST needs at least one ATTENDEE (event evt-123@calendar-whatsapp)'),
    );
  });

  it.each([NaN, Infinity, 8.64e15 + 1])('formatUtc(%s) is refused', (value) => {
    expect(() => formatUtc(value)).toThrow(new RangeError(`${value} is not a valid time`));
  });

  it.each([
    ['U+007F', '\u007F', 74, false],
    ['U+0080', '\u0080', 74, true],
    ['U+07FF', '\u07FF', 73, false],
    ['U+0800', '\u0800', 73, true],
    ['U+FFFF', '\uFFFF', 72, false],
    ['U+10000', '\u{10000}', 72, true],
  ])('%s %j after %d octets: folded %s (UTF-8 octets counted)', (_, character, prefix, folded) => {
    const line = 'X'.repeat(prefix) + character;
    expect(foldLine(line)).toBe(folded ? `${'X'.repeat(prefix)}\r\n ${character}` : line);
  });
});
