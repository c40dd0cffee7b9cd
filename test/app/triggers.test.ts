// Trigger handlers reached through google.script.run: a guessed or borrowed triggerUid, or an event Google would not send, does nothing.
import type { Sandbox } from '../../dev/sandbox';
import { timeDrivenEvent } from '../../dev/runtime/script';
import { HOUR, MINUTE, START, addEvent, newSandbox } from '../support/sandbox';

/** The fields of a time-driven event (https://developers.google.com/apps-script/guides/triggers/events#time-driven-events). */
function timeDrivenFields(at: number): Record<string, unknown> {
  const date = new Date(at);
  return {
    authMode: 'FULL',
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    'day-of-month': date.getUTCDate(),
    'day-of-week': ((date.getUTCDay() + 6) % 7) + 1,
    'week-of-year': 2,
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    timezone: 'UTC',
  };
}

/** Whether the handler did any work: a sync always lists the calendar. */
function ran(sandbox: Sandbox, name: string, event: unknown): boolean {
  sandbox.runtime.core.resetCalls();
  const outcome = sandbox.run(name, [event], { caller: 'anonymous' });
  expect(outcome).not.toHaveProperty('error');
  return (sandbox.runtime.core.calls['Calendar.Events.list'] ?? 0) > 0;
}

function installed(sandbox: Sandbox): { calendarUid: string; calendarId: string; tickUid: string } {
  const triggers = sandbox.runtime.triggers.list();
  const calendar = triggers.find((trigger) => trigger.kind === 'calendar');
  const clock = triggers.find((trigger) => trigger.kind === 'clock');
  if (!calendar || !clock) throw new Error('setup installed no triggers');
  return { calendarUid: calendar.id, calendarId: calendar.calendarId as string, tickUid: clock.id };
}

describe('trigger handlers called by anyone through google.script.run', () => {
  test('a guessed triggerUid does nothing', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { start: START + 26 * HOUR, location: '+49 151 23456789' });
    const now = sandbox.runtime.core.now;
    for (let guess = 999_990; guess < 1_000_100; guess++) {
      expect(ran(sandbox, 'tick', { ...timeDrivenFields(now), triggerUid: String(guess) })).toBe(false);
      expect(ran(sandbox, 'onCalendarChange', { authMode: 'FULL', calendarId: 'primary', triggerUid: String(guess) })).toBe(false);
    }
  });

  test("one trigger's uid does not run the other handler, and an event Google would not send runs nothing", () => {
    const sandbox = newSandbox();
    const { calendarUid, calendarId, tickUid } = installed(sandbox);
    const now = sandbox.runtime.core.now;
    expect(ran(sandbox, 'tick', { ...timeDrivenFields(now), triggerUid: calendarUid })).toBe(false);
    expect(ran(sandbox, 'onCalendarChange', { authMode: 'FULL', calendarId, triggerUid: tickUid })).toBe(false);
    // The calendar trigger's uid with another calendar, or without one.
    expect(ran(sandbox, 'onCalendarChange', { authMode: 'FULL', calendarId: 'other@example.com', triggerUid: calendarUid })).toBe(false);
    expect(ran(sandbox, 'onCalendarChange', { authMode: 'FULL', triggerUid: calendarUid })).toBe(false);
    // The tick's uid without the time-driven fields, with a malformed one, or naming another day.
    expect(ran(sandbox, 'tick', { authMode: 'FULL', triggerUid: tickUid })).toBe(false);
    expect(ran(sandbox, 'tick', { ...timeDrivenFields(now), hour: 'x', triggerUid: tickUid })).toBe(false);
    expect(ran(sandbox, 'tick', { ...timeDrivenFields(now - 24 * HOUR), triggerUid: tickUid })).toBe(false);
  });

  test('the events Google sends still run them', () => {
    const sandbox = newSandbox();
    const { calendarUid, calendarId, tickUid } = installed(sandbox);
    const now = sandbox.runtime.core.now;
    expect(ran(sandbox, 'tick', { ...timeDrivenFields(now), triggerUid: tickUid })).toBe(true);
    expect(ran(sandbox, 'onCalendarChange', { authMode: 'FULL', calendarId, triggerUid: calendarUid })).toBe(true);
    // The sandbox's own trigger runs, with exactly the fields Google sends.
    sandbox.runtime.core.resetCalls();
    sandbox.advance(10 * MINUTE);
    expect(sandbox.runtime.core.calls['Calendar.Events.list']).toBeGreaterThan(0);
    sandbox.runtime.core.resetCalls();
    addEvent(sandbox, { start: START + 26 * HOUR, location: '+49 151 23456789' });
    expect(sandbox.runtime.core.calls['Calendar.Events.list']).toBeGreaterThan(0);
  });

  test('a project set up before the uids were stored checks them against ScriptApp', () => {
    const sandbox = newSandbox();
    const { calendarUid, calendarId, tickUid } = installed(sandbox);
    sandbox.runtime.properties.script.delete('TRIGGER_IDS');
    const now = sandbox.runtime.core.now;
    expect(ran(sandbox, 'tick', { ...timeDrivenFields(now), triggerUid: tickUid })).toBe(true);
    expect(ran(sandbox, 'tick', { ...timeDrivenFields(now), triggerUid: calendarUid })).toBe(false);
    expect(ran(sandbox, 'onCalendarChange', { authMode: 'FULL', calendarId, triggerUid: calendarUid })).toBe(true);
  });
});

describe("the sandbox's time-driven event", () => {
  test('carries exactly the fields of the events guide, in UTC', () => {
    // Sunday 29 March 2026, 01:05:09 UTC: ISO week 13.
    expect(timeDrivenEvent(Date.UTC(2026, 2, 29, 1, 5, 9), '4034124084959907503')).toEqual({
      authMode: 'FULL',
      'day-of-month': 29,
      'day-of-week': 7,
      hour: 1,
      minute: 5,
      month: 3,
      second: 9,
      timezone: 'UTC',
      triggerUid: '4034124084959907503',
      'week-of-year': 13,
      year: 2026,
    });
  });

  test('trigger uids are long and do not follow from each other', () => {
    const sandbox = newSandbox();
    const { calendarUid, tickUid } = installed(sandbox);
    for (const uid of [calendarUid, tickUid]) expect(uid).toMatch(/^[1-9]\d{18}$/);
    expect(Math.abs(Number(BigInt(calendarUid) - BigInt(tickUid)))).toBeGreaterThan(1_000_000);
  });
});
