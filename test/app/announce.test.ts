// Sandbox tests of the heart of the product: every create, move and cancel announced exactly once, noise ignored.
import {
  addEvent,
  calendarEvent,
  eventResource,
  HOUR,
  ledger,
  MINUTE,
  newSandbox,
  ok,
  outbound,
  sheetReads,
  sheetWrites,
  START,
} from '../support/sandbox';

const PHONE = '+49 151 23456789';
const E164 = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin

describe('setup', () => {
  it('creates the sheets, the keys and exactly two triggers, and repairs without duplicating', () => {
    const sandbox = newSandbox();
    expect(sandbox.sheetNames()).toEqual(expect.arrayContaining(['Appointments', 'Messages']));
    const settings = sandbox.settings();
    expect(settings.LINK_SECRET.length).toBeGreaterThanOrEqual(40);
    expect(settings.WEBHOOK_KEY.length).toBeGreaterThanOrEqual(40);
    expect(settings.OWNER_EMAIL).toBe('host@example.com');
    const triggers = () =>
      sandbox.runtime.triggers
        .list()
        .map((t) => `${t.handlerFunction}:${t.kind}`)
        .sort();
    expect(triggers()).toEqual(['onCalendarChange:calendar', 'tick:clock']);
    const again = sandbox.run('setup', [], { caller: 'owner' });
    expect(again).toEqual({ result: { triggersCreated: 0, triggersRemoved: 0, sync: 'incremental' } });
    expect(triggers()).toEqual(['onCalendarChange:calendar', 'tick:clock']);
    expect(sandbox.settings().LINK_SECRET).toBe(settings.LINK_SECRET);
  });

  it('refuses anonymous callers and teardown removes the triggers', () => {
    const sandbox = newSandbox();
    expect(sandbox.run('setup', [], { caller: 'anonymous' })).toEqual({ error: expect.stringContaining('owner') });
    expect(sandbox.run('teardown', [], { caller: 'anonymous' })).toEqual({ error: expect.stringContaining('owner') });
    expect(sandbox.runtime.triggers.list()).toHaveLength(2);
    expect(sandbox.run('teardown', [], { caller: 'owner' })).toEqual({ result: 2 });
    expect(sandbox.runtime.triggers.list()).toHaveLength(0);
  });

  it('gives the host a menu when the spreadsheet opens, and its commands are owner-only', () => {
    const sandbox = newSandbox();
    sandbox.run('onOpen', [{ source: { getId: 'x' } }]);
    expect(sandbox.runtime.spreadsheet.menus).toHaveLength(0);
    sandbox.openSpreadsheet();
    expect(sandbox.runtime.spreadsheet.menus).toHaveLength(1);
    expect(JSON.stringify(sandbox.runtime.spreadsheet.menus[0])).toContain('syncNow');
    expect(sandbox.run('showSettings', [])).toEqual({ error: expect.stringContaining('owner') });
    expect(sandbox.run('showSettings', [], { caller: 'owner' })).toEqual({ result: undefined });
    // The URL to paste into Twilio: read-only in the sidebar's Twilio group, never submitted with the form.
    const sidebar = String(sandbox.runtime.spreadsheet.dialogs.at(-1)?.content ?? '');
    const url = `${sandbox.webAppUrl}?hook=twilio&amp;k=${encodeURIComponent(sandbox.settings().WEBHOOK_KEY)}`;
    expect(sidebar).toContain(`<input id="twilio-webhook-url" type="text" readonly spellcheck="false" value="${url}"`);
    expect(sidebar.indexOf('twilio-webhook-url')).toBeLessThan(sidebar.indexOf('id="group-templates"'));
    expect(sandbox.run('syncNow', [])).toEqual({ error: expect.stringContaining('owner') });
  });

  it('announces nothing for events that existed before setup', () => {
    const sandbox = newSandbox({ skipSetup: true });
    sandbox.runtime.calendar.insertEvent('primary', eventResource({ location: PHONE, start: TOMORROW_11 }));
    sandbox.run('setup', [], { caller: 'owner' });
    expect(outbound(sandbox)).toHaveLength(0);
    expect(ledger(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ phone: E164, announcedKind: 'scheduled', pending: '' });
  });

  it('names the bad setting when one is invalid, and sends nothing', () => {
    const sandbox = newSandbox();
    sandbox.mergeSettings({ WHATSAPP_FROM: '+14155238886' });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(outbound(sandbox)).toHaveLength(0);
    expect(sandbox.runtime.logs.join('\n')).toContain('WHATSAPP_FROM');
  });
});

describe('announcements', () => {
  it('announces a new appointment once, with title, host, weekday, date, time, zone and a short signed link', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Checkup', location: PHONE, start: TOMORROW_11 });
    const messages = outbound(sandbox);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message.to).toBe(`whatsapp:${E164}`);
    expect(message.body).toContain('"Checkup" with Alex Morgan');
    expect(message.body).toContain('Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)');
    const link = message.body.match(/http\S+\?l=([A-Za-z0-9_-]+)/);
    expect(link?.[1]).toHaveLength(16);
    expect(message.body).not.toContain(E164.slice(1));
    expect(message.request.StatusCallback).toMatch(/\/exec\?hook=twilio&k=/);
    expect(sandbox.twilio.violations()).toEqual([]);
    const [row] = ledger(sandbox);
    expect(row).toMatchObject({ phone: E164, announcedKind: 'scheduled', delivery: 'queued', messageSid: message.sid, pending: '' });
  });

  // A typical deployment id has 72 characters: the link is then 131 long, one over the issue's
  // 130, because 96 bits need 16 characters after "?l=" (see docs/ARCHITECTURE.md, "Link tokens").
  it('adds only 19 characters to the web app URL', () => {
    const deployment = `https://script.google.com/macros/s/${'A'.repeat(70)}/exec`;
    const sandbox = newSandbox({ settings: { WEB_APP_URL: deployment } });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const link = outbound(sandbox)[0].body.match(/https:\S+/)?.[0] ?? '';
    expect(link.startsWith(deployment)).toBe(true);
    expect(link.length).toBe(deployment.length + 19);
    expect(link.length).toBeLessThan(130);
  });

  it('announces a move naming the old and the new time, and a cancel with the booking link', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { summary: 'Checkup', location: PHONE, start: TOMORROW_11 });
    sandbox.patchEvent(event.id, {
      start: { dateTime: new Date(TOMORROW_11 + 24 * HOUR).toISOString() },
      end: { dateTime: new Date(TOMORROW_11 + 24 * HOUR + 30 * MINUTE).toISOString() },
    });
    sandbox.cancelEvent(event.id);
    const bodies = outbound(sandbox).map((m) => m.body);
    expect(bodies).toHaveLength(3);
    expect(bodies[1]).toContain(
      'has moved from Tuesday, 6 January 2026, 11:00 CET (UTC+1) to Wednesday, 7 January 2026, 11:00–11:30 CET (UTC+1)',
    );
    expect(bodies[2]).toContain('is cancelled');
    expect(bodies[2]).toContain('Wednesday, 7 January 2026');
    expect(bodies[2]).toMatch(/\/exec\?p=book/);
    expect(ledger(sandbox)[0]).toMatchObject({ state: 'cancelled', announcedKind: 'cancelled' });
  });

  it("ignores noise: colour and text edits, the script's own writes, non-phone locations, all-day and past events", () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.patchEvent(event.id, { colorId: '5', description: 'Bring documents', summary: 'Renamed' });
    for (const location of [
      'Room 4',
      'Main Street 12, 10115 Berlin',
      'https://meet.google.com/abc-defg-hij',
      'https://zoom.us/j/1234567890',
      '',
    ]) {
      addEvent(sandbox, { location, start: TOMORROW_11 + 2 * HOUR });
    }
    sandbox.insertEvents([{ summary: 'Holiday', location: PHONE, start: { date: '2026-01-07' }, end: { date: '2026-01-08' } }]);
    addEvent(sandbox, { location: PHONE, start: START - 3 * HOUR });
    expect(outbound(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)[0].title).toBe('Renamed');
  });

  it('turns an event with an invalid number red with the reason, and sends nothing', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: '+49 123', description: 'Host notes', start: TOMORROW_11 });
    expect(outbound(sandbox)).toHaveLength(0);
    const stored = calendarEvent(sandbox, event.id);
    expect(stored.colorId).toBe('11');
    expect(stored.description).toMatch(/^Host notes\n\n--- WhatsApp delivery ---\nNot sent: .*\+49 123/);
    // Fixing the number sends the message and clears the block.
    sandbox.patchEvent(event.id, { location: PHONE });
    expect(outbound(sandbox)).toHaveLength(1);
    sandbox.messageStatus(outbound(sandbox)[0].sid, 'delivered');
    const fixed = calendarEvent(sandbox, event.id);
    expect(fixed.description).toBe('Host notes');
    expect(fixed.colorId).toBe('10');
  });

  it('moves the announcement to a new number: the new one is scheduled, the old one cancelled', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.patchEvent(event.id, { location: 'tel:+14155552671' });
    expect(outbound(sandbox)).toHaveLength(3);
    expect(outbound(sandbox)[1].to).toBe(`whatsapp:${E164}`);
    expect(outbound(sandbox)[1].body).toContain('is cancelled');
    expect(outbound(sandbox)[2].to).toBe('whatsapp:+14155552671');
    expect(outbound(sandbox)[2].body).toContain('is booked');
  });

  it('sends one message to each number in one location, in one batch', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: '+49 151 23456789, +1 415 555 2671', start: TOMORROW_11 });
    expect(
      outbound(sandbox)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['whatsapp:+14155552671', `whatsapp:${E164}`]);
    expect(sandbox.runtime.core.calls['UrlFetchApp.fetchAll']).toBe(1);
  });

  it('sends one message per change when triggers fire twice or run concurrently', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.fireCalendarTrigger();
    sandbox.fireCalendarTrigger();
    sandbox.advance(30 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(1);
  });

  it('reads wall-clock times written with a time zone and no offset, as Google returns them with one', () => {
    const sandbox = newSandbox();
    const [event] = sandbox.insertEvents([
      {
        summary: 'Local',
        location: PHONE,
        start: { dateTime: '2026-01-06T10:00:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2026-01-06T10:30:00', timeZone: 'Europe/Berlin' },
      },
    ]) as Array<{ start: { dateTime: string } }>;
    expect(event.start.dateTime).toBe('2026-01-06T10:00:00+01:00');
    expect(outbound(sandbox)[0].body).toContain('Tuesday, 6 January 2026, 10:00–10:30 CET (UTC+1)');
  });

  it("names the calendar's own zone, across a DST change and for a host in New York", () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: PHONE, start: Date.UTC(2026, 2, 30, 7, 0) });
    expect(outbound(sandbox)[0].body).toContain('Monday, 30 March 2026, 09:00–09:30 CEST (UTC+2)');
    const ny = newSandbox({ timeZone: 'America/New_York' });
    addEvent(ny, { location: PHONE, start: Date.UTC(2026, 2, 9, 14, 0), timeZone: 'America/New_York' });
    expect(outbound(ny)[0].body).toContain('Monday, 9 March 2026, 10:00–10:30 EDT (UTC-4)');
  });
});

describe('template mode and housekeeping', () => {
  const TEMPLATES = { scheduled: `HX${'1'.repeat(32)}`, rescheduled: `HX${'2'.repeat(32)}`, cancelled: `HX${'3'.repeat(32)}` };

  it('sends approved templates with numbered variables instead of free text', () => {
    const sandbox = newSandbox({ settings: { MESSAGE_MODE: 'template', TEMPLATE_SIDS: JSON.stringify(TEMPLATES) } });
    const event = addEvent(sandbox, { summary: 'Checkup', location: PHONE, start: TOMORROW_11 });
    sandbox.patchEvent(event.id, {
      start: { dateTime: new Date(TOMORROW_11 + HOUR).toISOString() },
      end: { dateTime: new Date(TOMORROW_11 + 90 * MINUTE).toISOString() },
    });
    const [scheduled, moved] = outbound(sandbox).map((m) => m.request);
    expect(scheduled.Body).toBeUndefined();
    expect(scheduled.ContentSid).toBe(TEMPLATES.scheduled);
    const variables = JSON.parse(scheduled.ContentVariables);
    expect(variables).toMatchObject({ '1': 'Checkup', '2': 'Alex Morgan', '3': 'Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)' });
    expect(variables['4']).toMatch(/\?l=[\w-]{16}$/);
    expect(moved.ContentSid).toBe(TEMPLATES.rescheduled);
    expect(JSON.parse(moved.ContentVariables)['5']).toBe('Tuesday, 6 January 2026, 11:00 CET (UTC+1)');
    expect(sandbox.twilio.violations()).toEqual([]);
  });

  it('refuses template mode without a Content SID per kind, naming the setting', () => {
    const sandbox = newSandbox();
    sandbox.mergeSettings({ MESSAGE_MODE: 'template', TEMPLATE_SIDS: JSON.stringify({ scheduled: TEMPLATES.scheduled }) });
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(sandbox.run('setup', [], { caller: 'owner' })).toEqual({
      error: 'Setting TEMPLATE_SIDS: has no Content SID for "rescheduled" in en, your LANGUAGE: every language falls back to it',
    });
    expect(outbound(sandbox)).toHaveLength(0);
    expect(sandbox.runtime.logs.join('\n')).toContain('TEMPLATE_SIDS');
  });

  it('keeps text that looks like a formula as text in the sheets', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: '=HYPERLINK("https://evil.example","x")', location: PHONE, start: TOMORROW_11 });
    expect(outbound(sandbox)[0].body).toContain('"=HYPERLINK(');
    // Written RAW, the cell holds exactly this text, never a formula (the sandbox refuses formulas):
    expect(ledger(sandbox)[0].title).toBe('=HYPERLINK("https://evil.example","x")');
    const writes = sheetWrites(sandbox);
    sandbox.patchEvent(ledger(sandbox)[0].eventId, { colorId: '3' });
    expect(sheetWrites(sandbox)).toBe(writes);
    expect(outbound(sandbox)).toHaveLength(1);
  });

  it('moves rows of appointments that ended two weeks ago to the Archive sheet', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    addEvent(sandbox, { location: '+1 415 555 2671', start: TOMORROW_11 + 30 * 24 * HOUR });
    sandbox.advance(16 * 24 * HOUR);
    expect(ledger(sandbox).map((row) => row.phone)).toEqual(['+14155552671']);
    expect((sandbox.sheet('Archive') as string[][])[1]).toContain('+4915123456789');
  });
});

describe('sync robustness', () => {
  it('after a 410 resyncs in full without announcing anything twice, and notices deletions', () => {
    const sandbox = newSandbox();
    const kept = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const gone = addEvent(sandbox, { location: '+1 415 555 2671', start: TOMORROW_11 + 2 * HOUR });
    expect(outbound(sandbox)).toHaveLength(2);
    sandbox.runtime.calendar.invalidateSyncTokens();
    sandbox.runtime.calendar.cancelEvent('primary', gone.id);
    sandbox.fireCalendarTrigger();
    const bodies = outbound(sandbox).map((m) => m.body);
    expect(bodies).toHaveLength(3);
    expect(bodies[2]).toContain('is cancelled');
    expect(outbound(sandbox)[2].to).toBe('whatsapp:+14155552671');
    expect(kept.id).toBeTruthy();
    sandbox.fireCalendarTrigger();
    expect(outbound(sandbox)).toHaveLength(3);
  });

  it('leaves the work to the lock holder or the next tick when the lock is busy', () => {
    const sandbox = newSandbox();
    sandbox.runtime.lock.holdElsewhere(true);
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    expect(outbound(sandbox)).toHaveLength(0);
    expect(Number(sandbox.settings().SYNC_REQUESTED_AT)).toBeGreaterThan(0);
    sandbox.runtime.lock.holdElsewhere(false);
    sandbox.advance(10 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(1);
  });

  it('does a quiet tick in one lock, one ledger read and one Calendar call', () => {
    const sandbox = newSandbox();
    for (let i = 0; i < 5; i++)
      addEvent(sandbox, { location: `+4915123456${String(i).padStart(3, '0')}`, start: TOMORROW_11 + (24 + i) * HOUR });
    // Delivered: nothing is left for the tick to ask Twilio about.
    for (const message of outbound(sandbox)) sandbox.messageStatus(message.sid, 'delivered');
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * MINUTE);
    const calls = sandbox.runtime.core.calls;
    expect(calls['Lock.tryLock']).toBe(1);
    expect(sheetReads(sandbox)).toBe(1);
    expect(calls['Calendar.Events.list']).toBe(1);
    expect(sheetWrites(sandbox)).toBe(0);
    expect(calls['ScriptApp.getService'] ?? 0).toBe(0);
    expect(calls['UrlFetchApp.fetchAll'] ?? 0).toBe(0);
  });

  it('costs one Calendar call and no sheet write or fetch for the echo of its own colour write', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const sid = outbound(sandbox)[0].sid;
    sandbox.runtime.core.resetCalls();
    sandbox.twilio.setStatus(sid, 'delivered');
    // Apply the callback, then measure only the trigger run its colour write causes.
    const callback = sandbox.twilio.get(sid);
    expect(callback).toBeDefined();
    sandbox.runtime.calendar.patchEvent('primary', event.id, { colorId: '10' });
    sandbox.runtime.core.resetCalls();
    sandbox.fireCalendarTrigger();
    const calls = sandbox.runtime.core.calls;
    const calendarCalls = Object.entries(calls)
      .filter(([name]) => name.startsWith('Calendar.'))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(calendarCalls).toBe(1);
    expect(calls['UrlFetchApp.fetch'] ?? 0).toBe(0);
    expect(calls['UrlFetchApp.fetchAll'] ?? 0).toBe(0);
    expect(sheetWrites(sandbox)).toBe(0);
  });
});

describe('events the host was invited to', () => {
  it("are not announced, even with a number in the location; the host's own are", () => {
    const sandbox = newSandbox();
    const invited = sandbox.runtime.calendar.insertInvitation(
      'primary',
      eventResource({ summary: 'Team call', location: 'Dial-in +49 151 23456789', start: START + 26 * HOUR }),
      { email: 'colleague@example.org' },
    );
    sandbox.fireCalendarTrigger();
    addEvent(sandbox, { location: '+49 151 87654321', start: START + 28 * HOUR });
    expect(outbound(sandbox).map((message) => message.to)).toEqual(['whatsapp:+4915187654321']);
    expect(ledger(sandbox).some((row) => row.eventId === invited.id)).toBe(false);
    expect(calendarEvent(sandbox, invited.id as string).colorId).toBeUndefined();
  });
});

describe('events the host was invited to, in the health check', () => {
  it('names the skipped ones that hold a phone number, once per series, so the host sees why nothing went out', () => {
    const sandbox = newSandbox();
    sandbox.runtime.calendar.insertInvitation(
      'primary',
      eventResource({ summary: 'Client call', location: '+49 151 23456789', start: START + 26 * HOUR }),
      { email: 'colleague@example.org', displayName: 'Chris Colleague' },
    );
    sandbox.runtime.calendar.insertInvitation(
      'primary',
      eventResource({ summary: 'Lunch', location: 'Canteen', start: START + 28 * HOUR }),
      {
        email: 'colleague@example.org',
      },
    );
    sandbox.fireCalendarTrigger();
    addEvent(sandbox, { location: '+49 151 87654321', start: START + 30 * HOUR });
    const result = ok<{ checks: Array<{ id: string; ok: boolean; detail: string }> }>(sandbox.run('checkHealth', [], { caller: 'owner' }));
    const invited = result.checks.find((check) => check.id === 'invited');
    expect(invited?.ok).toBe(true);
    expect(invited?.detail).toMatch(/^not announced: 1 event you were invited to/);
    expect(invited?.detail).toContain('"Client call" (Tuesday, 6 January 2026');
    expect(invited?.detail).toContain('organised by Chris Colleague');
    expect(invited?.detail).not.toContain('Lunch');
    const status = (sandbox.sheet('Status') as string[][]).find((row) => row[0] === 'invited');
    expect(status?.[2]).toBe(invited?.detail);
  });

  it('says so when there is none', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: '+49 151 87654321', start: START + 30 * HOUR });
    const result = ok<{ checks: Array<{ id: string; ok: boolean; detail: string }> }>(sandbox.run('checkHealth', [], { caller: 'owner' }));
    expect(result.checks.find((check) => check.id === 'invited')).toEqual({
      id: 'invited',
      ok: true,
      detail: 'no event you were invited to in the next 30 days has a phone number in its location',
    });
  });
});
