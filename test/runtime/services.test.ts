// Runtime services: properties, cache, lock, session, logging, HTML/content outputs, mail, triggers and "not emulated".
import { AppsScriptRuntime, NotEmulatedError } from '../../dev/runtime/index';
import { setup } from './helpers';

describe('PropertiesService', () => {
  it('stores strings, returns null when missing, and counts calls', () => {
    const { runtime, g } = setup();
    const props = g.PropertiesService.getScriptProperties();
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('n', 42 as unknown as string);
    expect(props.getProperty('n')).toBe('42');
    props.setProperties({ a: '1', b: '2' });
    expect(props.getKeys().sort()).toEqual(['a', 'b', 'n']);
    props.setProperties({ c: '3' }, true);
    expect(props.getProperties()).toEqual({ c: '3' });
    props.deleteProperty('c');
    expect(props.getProperties()).toEqual({});
    expect(runtime.core.calls['Properties.getProperty']).toBe(2);
    expect(runtime.core.calls['Properties.setProperty']).toBe(1);
    expect(runtime.core.calls['Properties.setProperties']).toBe(2);
    expect(runtime.core.calls['PropertiesService.getScriptProperties']).toBe(1);
  });

  it('shares one script store between calls and exposes it to the sandbox', () => {
    const { runtime, g } = setup();
    g.PropertiesService.getScriptProperties().setProperty('k', 'v');
    expect(g.PropertiesService.getScriptProperties().getProperty('k')).toBe('v');
    expect(runtime.properties.script.snapshot()).toEqual({ k: 'v' });
    runtime.properties.script.merge({ x: 'y' });
    expect(g.PropertiesService.getScriptProperties().getProperty('x')).toBe('y');
    expect(g.PropertiesService.getUserProperties().getProperty('k')).toBeNull();
  });

  it('rejects a value over 9 KB (key plus value) and a store over 500 KB, changing nothing', () => {
    const { g } = setup();
    const props = g.PropertiesService.getScriptProperties();
    props.setProperty('k', 'x'.repeat(9 * 1024 - 1));
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024))).toThrow('Argument too large: value');
    expect(() => props.setProperty('k', 'é'.repeat(5000))).toThrow('Argument too large: value');
    const big: Record<string, string> = {};
    for (let i = 0; i < 60; i += 1) big[`key${i}`] = 'x'.repeat(9000);
    expect(() => props.setProperties(big)).toThrow('You have exceeded the property storage quota');
    expect(props.getKeys()).toEqual(['k']);
  });
});

describe('CacheService', () => {
  it('expires entries on the runtime clock (default 600 s, at most 6 hours)', () => {
    const { runtime, g } = setup();
    const cache = g.CacheService.getScriptCache();
    cache.put('a', 'x');
    cache.put('b', 'y', 100000);
    cache.putAll({ c: 'z' }, 60);
    expect(cache.getAll(['a', 'b', 'c', 'd'])).toEqual({ a: 'x', b: 'y', c: 'z' });
    runtime.core.now += 61_000;
    expect(cache.get('c')).toBeNull();
    runtime.core.now += 600_000;
    expect(cache.get('a')).toBeNull();
    runtime.core.now += 6 * 3600_000;
    expect(cache.get('b')).toBeNull();
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.put('r', '1');
    cache.remove('r');
    expect(cache.get('r')).toBeNull();
  });
});

describe('LockService', () => {
  it('takes, reports and releases the script lock', () => {
    const { runtime, g } = setup();
    const lock = g.LockService.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(runtime.core.calls['LockService.getScriptLock']).toBe(1);
    expect(runtime.core.calls['Lock.tryLock']).toBe(1);
  });

  it('is busy while another execution holds it: tryLock false, waitLock throws, time passes', () => {
    const { runtime, g } = setup();
    runtime.lock.holdElsewhere(true);
    const start = runtime.core.now;
    const lock = g.LockService.getScriptLock();
    expect(lock.tryLock(500)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(runtime.core.now).toBe(start + 10_500);
    runtime.lock.holdElsewhere(false);
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
  });

  it('stays with an execution that did not release it until endExecution()', () => {
    const { runtime, g } = setup();
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true); // same execution
    runtime.endExecution();
    expect(runtime.lock.isHeld()).toBe(false);
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('blocks the next execution while a previous one still holds it', () => {
    const { runtime, g } = setup();
    const first = g.LockService.getScriptLock();
    first.waitLock(100);
    runtime.beginExecution(); // a concurrent execution starts without the first ending
    expect(g.LockService.getScriptLock().tryLock(100)).toBe(false);
    runtime.endExecution();
    expect(first.hasLock()).toBe(true);
  });

  it("allows 30 simultaneous executions and refuses the 31st with Apps Script's message", () => {
    const { runtime } = setup();
    for (let i = 0; i < 30; i++) runtime.beginExecution();
    expect(() => runtime.beginExecution()).toThrow('There are too many scripts running simultaneously for this Google user account.');
    runtime.endExecution();
    expect(() => runtime.beginExecution()).not.toThrow();
  });
});

describe('Session', () => {
  it('reports the owner to the owner and an empty email to anonymous visitors', () => {
    const { runtime, g } = setup({ ownerEmail: 'owner@example.com', timeZone: 'America/New_York' });
    expect(g.Session.getActiveUser().getEmail()).toBe('owner@example.com');
    runtime.core.caller = 'anonymous';
    expect(g.Session.getActiveUser().getEmail()).toBe('');
    expect(g.Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    expect(g.Session.getScriptTimeZone()).toBe('America/New_York');
    expect(g.Session.getTemporaryActiveUserKey()).not.toBe('');
  });

  it('reports another editor of the bound spreadsheet as both the active and the effective user', () => {
    const { runtime, g } = setup({ ownerEmail: 'owner@example.com' });
    runtime.core.caller = 'editor';
    expect(g.Session.getActiveUser().getEmail()).toBe('editor@example.com');
    expect(g.Session.getEffectiveUser().getEmail()).toBe('editor@example.com');
    expect(g.Session.getTemporaryActiveUserKey()).not.toBe('sandbox-temporary-key-owner');
  });
});

describe('Logger and console', () => {
  it('record messages in order', () => {
    const { runtime, g } = setup();
    g.Logger.log('hello %s, %s', 'world', 2);
    g.Logger.log({ a: 1 });
    g.console.warn('careful', 3);
    g.console.error(new Error('boom').message);
    expect(runtime.logs).toEqual(['hello world, 2', '{ a: 1 }', 'careful 3', 'boom']);
    expect(runtime.logger.entries.map((e) => e.level)).toEqual(['log', 'log', 'warn', 'error']);
  });
});

describe('HtmlService and ContentService', () => {
  it('builds HTML outputs the sandbox can serve', () => {
    const { g } = setup();
    const out = g.HtmlService.createHtmlOutput('<p>Hi</p>')
      .append('<b>x</b>')
      .appendUntrusted('<script>"&')
      .setTitle('Booking')
      .addMetaTag('viewport', 'width=device-width, initial-scale=1')
      .setXFrameOptionsMode(g.HtmlService.XFrameOptionsMode.ALLOWALL);
    expect(out.getContent()).toBe('<p>Hi</p><b>x</b>&lt;script&gt;&quot;&amp;');
    expect(out.getTitle()).toBe('Booking');
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([['viewport', 'width=device-width, initial-scale=1']]);
    expect(() => g.HtmlService.createTemplate('<?= x ?>')).toThrow(NotEmulatedError);
  });

  it('builds text outputs with Apps Script mime types', () => {
    const { g } = setup();
    const out = g.ContentService.createTextOutput('{"a":1}').setMimeType(g.ContentService.MimeType.JSON);
    expect(String(out.getMimeType())).toBe('JSON');
    expect(out.getContent()).toBe('{"a":1}');
    const ics = g.ContentService.createTextOutput()
      .append('BEGIN:VCALENDAR')
      .setMimeType(g.ContentService.MimeType.ICAL)
      .downloadAsFile('invite.ics');
    expect(ics.getFileName()).toBe('invite.ics');
  });
});

describe('MailApp', () => {
  it('records mail with attachments and charges every recipient', () => {
    const { runtime, g } = setup({ quotas: { emailRecipients: 4 } });
    const blob = g.Utilities.newBlob('BEGIN:VCALENDAR', 'text/calendar', 'invite.ics');
    g.MailApp.sendEmail({
      to: 'a@example.com, b@example.com',
      cc: 'c@example.com',
      subject: 'Hi',
      body: 'text',
      htmlBody: '<p>x</p>',
      name: 'Host',
      attachments: [blob],
    });
    expect(runtime.mail.sent).toHaveLength(1);
    expect(runtime.mail.sent[0]).toMatchObject({
      to: 'a@example.com,b@example.com',
      cc: 'c@example.com',
      bcc: '',
      subject: 'Hi',
      body: 'text',
      htmlBody: '<p>x</p>',
      name: 'Host',
      attachments: [{ name: 'invite.ics', contentType: 'text/calendar', text: 'BEGIN:VCALENDAR' }],
    });
    expect(g.MailApp.getRemainingDailyQuota()).toBe(1);
    g.MailApp.sendEmail('d@example.com', 'Subject', 'Body', { replyTo: 'host@example.com' });
    expect(runtime.mail.sent[1]).toMatchObject({ to: 'd@example.com', subject: 'Subject', body: 'Body', replyTo: 'host@example.com' });
    expect(() => g.MailApp.sendEmail('e@example.com', 'S', 'B')).toThrow('Service invoked too many times for one day: email.');
    expect(runtime.mail.sent).toHaveLength(2);
    expect(runtime.core.calls['MailApp.sendEmail']).toBe(3);
  });

  it('rejects invalid and missing recipients', () => {
    const { g } = setup();
    expect(() => g.MailApp.sendEmail('not an address', 'S', 'B')).toThrow('Invalid email: not an address');
    expect(() => g.MailApp.sendEmail({ to: '', subject: 'S', body: 'B' })).toThrow('no recipient');
  });
});

describe('ScriptApp', () => {
  it('creates, lists and deletes calendar, clock and spreadsheet triggers', () => {
    const { runtime, g } = setup();
    const cal = g.ScriptApp.newTrigger('onCalendarChange').forUserCalendar('host@example.com').onEventUpdated().create();
    const clock = g.ScriptApp.newTrigger('tick').timeBased().everyMinutes(10).create();
    const once = g.ScriptApp.newTrigger('later').timeBased().after(60_000).create();
    const open = g.ScriptApp.newTrigger('onOpenMenu').forSpreadsheet(g.SpreadsheetApp.getActiveSpreadsheet()).onOpen().create();
    expect(String(cal.getEventType())).toBe('ON_EVENT_UPDATED');
    expect(String(cal.getTriggerSource())).toBe('CALENDAR');
    expect(cal.getTriggerSourceId()).toBe('host@example.com');
    expect(String(clock.getEventType())).toBe(String(g.ScriptApp.EventType.CLOCK));
    expect(open.getTriggerSourceId()).toBe('sandbox-spreadsheet');
    const now = runtime.core.now;
    expect(runtime.triggers.list()).toEqual([
      { id: cal.getUniqueId(), handlerFunction: 'onCalendarChange', kind: 'calendar', calendarId: 'host@example.com' },
      { id: clock.getUniqueId(), handlerFunction: 'tick', kind: 'clock', everyMs: 600_000, nextRunAt: now + 600_000 },
      { id: once.getUniqueId(), handlerFunction: 'later', kind: 'clock', nextRunAt: now + 60_000 },
      { id: open.getUniqueId(), handlerFunction: 'onOpenMenu', kind: 'spreadsheet', spreadsheetId: 'sandbox-spreadsheet', event: 'open' },
    ]);
    expect(runtime.triggers.due(now + 600_000).map((t) => t.handlerFunction)).toEqual(['later', 'tick']);
    runtime.triggers.markRan(once.getUniqueId(), now + 60_000);
    runtime.triggers.markRan(clock.getUniqueId(), now + 600_000);
    expect(runtime.triggers.list().find((t) => t.id === clock.getUniqueId())?.nextRunAt).toBe(now + 1_200_000);
    expect(g.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['onCalendarChange', 'tick', 'onOpenMenu']);
    g.ScriptApp.deleteTrigger(g.ScriptApp.getProjectTriggers()[0]);
    expect(g.ScriptApp.getProjectTriggers()).toHaveLength(2);
    expect(runtime.core.calls['ScriptApp.newTrigger']).toBe(4);
    expect(runtime.core.calls['ScriptApp.getProjectTriggers']).toBe(3);
  });

  it('rejects everyMinutes(7) and more than 20 triggers', () => {
    const { g } = setup();
    expect(() => g.ScriptApp.newTrigger('tick').timeBased().everyMinutes(7)).toThrow(/everyMinutes/);
    for (let i = 0; i < 20; i += 1) g.ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => g.ScriptApp.newTrigger('one-more').timeBased().everyHours(1).create()).toThrow('This script has too many triggers');
  });

  it('schedules daily triggers at a wall-clock hour across DST', () => {
    const { runtime, g } = setup({ now: Date.UTC(2026, 2, 28, 12, 0), timeZone: 'Europe/Berlin' });
    const t = g.ScriptApp.newTrigger('nightly').timeBased().everyDays(1).atHour(3).create();
    const info = runtime.triggers.list()[0];
    expect(new Date(info.nextRunAt as number).toISOString()).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    runtime.triggers.markRan(t.getUniqueId(), info.nextRunAt as number);
    expect(new Date(runtime.triggers.list()[0].nextRunAt as number).toISOString()).toBe('2026-03-30T01:00:00.000Z');
  });

  it('gives the web app URL and refuses OAuth tokens', () => {
    const { g } = setup();
    expect(g.ScriptApp.getService().getUrl()).toBe('http://127.0.0.1:8787/exec');
    expect(() => g.ScriptApp.getOAuthToken()).toThrow('not emulated: ScriptApp.getOAuthToken');
    expect(new AppsScriptRuntime().globals().ScriptApp).toBeDefined();
    expect((new AppsScriptRuntime().globals().ScriptApp as GoogleAppsScript.Script.ScriptApp).getService().getUrl()).toBeNull();
  });
});

describe('methods that are not emulated', () => {
  it('throw "not emulated" naming the class and method', () => {
    const { g } = setup({ http: () => ({ status: 200, body: 'ok' }) });
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    expect(() => sheet.getRange('A1:B2').merge()).toThrow('not emulated: Range.merge');
    expect(() => (g.Utilities as unknown as { parseCsv(s: string): unknown }).parseCsv('a,b')).toThrow(NotEmulatedError);
    expect(() => g.UrlFetchApp.fetch('https://example.com').getAs('application/pdf')).toThrow('not emulated: HTTPResponse.getAs');
    expect(() => g.SpreadsheetApp.getUi().alert('hi')).toThrow('not emulated');
  });

  it('stay invisible to promise and jest probes', () => {
    const { g } = setup();
    const props = g.PropertiesService.getScriptProperties() as unknown as Record<string, unknown>;
    expect(props.then).toBeUndefined();
    expect(props.toJSON).toBeUndefined();
  });
});

describe('installGlobals', () => {
  it('puts the services on a target and restores it', () => {
    const runtime = new AppsScriptRuntime();
    const target: Record<string, unknown> = { Logger: 'old' };
    const restore = runtime.installGlobals(target);
    expect(target.SpreadsheetApp).toBe(runtime.globals().SpreadsheetApp);
    expect(target.Calendar).toBeDefined();
    restore();
    expect(target.Logger).toBe('old');
    expect(target.SpreadsheetApp).toBeUndefined();
  });
});
