// The echo of the script's own colour writes: the calendar trigger it fires ends after one list, with no lock and no sheet.
import type { Sandbox } from '../../dev/sandbox';
import { addEvent, calendarEvent, HOUR, ledger, newSandbox, outbound, START } from '../support/sandbox';

const PHONE = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR;

interface Run {
  caller: string;
  calls: Record<string, number>;
}

/** Each execution's own calls from now on. */
function perExecution(sandbox: Sandbox): Run[] {
  const runs: Run[] = [];
  const runtime = sandbox.runtime;
  runtime.core.resetCalls();
  const end = runtime.endExecution.bind(runtime);
  runtime.endExecution = () => {
    runs.push({ caller: String(runtime.core.caller), calls: { ...runtime.core.calls } });
    runtime.core.resetCalls();
    end();
  };
  return runs;
}

function touchesSheetsOrLock(calls: Record<string, number>): string[] {
  return Object.keys(calls).filter((name) => /^(Sheets|SpreadsheetApp|Spreadsheet|Sheet|Range|Lock)\./.test(name));
}

function delivered(sandbox: Sandbox): Run[] {
  const runs = perExecution(sandbox);
  sandbox.messageStatus(sandbox.twilio.messages()[0].sid, 'delivered');
  return runs;
}

describe('the echo of our own colour write', () => {
  it('the delivered callback paints green; the trigger it fires lists once and stops: no lock, no sheet, no write', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    const runs = delivered(sandbox);
    expect(calendarEvent(sandbox, event.id).colorId).toBe('10');
    // The web app run that painted, then the calendar trigger's echo.
    expect(runs.map((run) => run.caller)).toEqual(['anonymous', 'owner']);
    const echo = runs[1].calls;
    expect(touchesSheetsOrLock(echo)).toEqual([]);
    expect(echo['Calendar.Events.list']).toBe(1);
    expect(echo['Properties.setProperties']).toBeUndefined();
    expect(echo['UrlFetchApp.fetch']).toBeUndefined();
  });

  it('a host edit after the echo is announced by its own trigger, with one list', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    delivered(sandbox);
    const runs = perExecution(sandbox);
    sandbox.patchEvent(event.id, {
      start: { dateTime: new Date(TOMORROW_11 + HOUR).toISOString() },
      end: { dateTime: new Date(TOMORROW_11 + 2 * HOUR).toISOString() },
    });
    expect(outbound(sandbox).at(-1)?.body).toContain('moved');
    expect(runs[0].calls['Calendar.Events.list']).toBe(1);
    expect(ledger(sandbox)[0].start).toBe(new Date(TOMORROW_11 + HOUR).toISOString());
  });

  it('a host edit of a second event while our write is still on record is not mistaken for an echo', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    delivered(sandbox);
    addEvent(sandbox, { location: '+4915123456700', start: TOMORROW_11 + 3 * HOUR });
    expect(sandbox.twilio.messages()).toHaveLength(2);
    expect(ledger(sandbox)).toHaveLength(2);
  });

  it('a sync asked for by a run that found the lock busy is not skipped, and clears the request', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11 });
    sandbox.mergeSettings({ SYNC_REQUESTED_AT: String(START - HOUR) });
    const runs = delivered(sandbox);
    expect(touchesSheetsOrLock(runs[1].calls)).toContain('Lock.tryLock');
    expect(sandbox.settings().SYNC_REQUESTED_AT).toBe('0');
    expect(calendarEvent(sandbox, event.id).colorId).toBe('10');
  });
});
