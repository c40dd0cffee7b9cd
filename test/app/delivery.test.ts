// Sandbox tests of delivery: status callbacks colour the event, Twilio faults never lose or duplicate a change.
import type { Sandbox } from '../../dev/sandbox';
import { addEvent, calendarEvent, HOUR, ledger, MINUTE, newSandbox, outbound, sheetWrites, START } from '../support/sandbox';

const PHONE = '+49 151 23456789';
const TOMORROW_11 = START + 26 * HOUR;

function oneAppointment(sandbox: Sandbox, description?: string): { id: string; sid: string } {
  const event = addEvent(sandbox, { location: PHONE, start: TOMORROW_11, description });
  return { id: event.id, sid: outbound(sandbox)[0]?.sid };
}

function postStatus(sandbox: Sandbox, params: Record<string, string>, key = sandbox.settings().WEBHOOK_KEY) {
  return sandbox.postToWebApp(`${sandbox.webAppUrl}?hook=twilio&k=${encodeURIComponent(key)}`, params);
}

describe('status callbacks', () => {
  it("turns the event green when delivered, keeping the host's description", () => {
    const sandbox = newSandbox();
    const { id, sid } = oneAppointment(sandbox, 'Host text');
    const answer = sandbox.messageStatus(sid, 'sent');
    expect(answer?.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(answer?.contentType).toContain('xml');
    expect(calendarEvent(sandbox, id).colorId).toBe('10');
    sandbox.messageStatus(sid, 'delivered');
    expect(ledger(sandbox)[0].delivery).toBe('delivered');
    expect(calendarEvent(sandbox, id).description).toBe('Host text');
  });

  it('turns it red with the reason in plain words and the code, and clears that when a later message gets through', () => {
    const sandbox = newSandbox();
    const { id, sid } = oneAppointment(sandbox, 'Host text');
    sandbox.messageStatus(sid, 'failed', 63016);
    const failed = calendarEvent(sandbox, id);
    expect(failed.colorId).toBe('11');
    expect(failed.description).toContain('Host text\n\n--- WhatsApp delivery ---');
    expect(failed.description).toContain('WhatsApp needs an approved template outside the 24-hour window (Twilio 63016)');
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'failed', error: expect.stringContaining('63016') });
    sandbox.patchEvent(id, {
      start: { dateTime: new Date(TOMORROW_11 + HOUR).toISOString() },
      end: { dateTime: new Date(TOMORROW_11 + 90 * MINUTE).toISOString() },
    });
    const second = outbound(sandbox)[1];
    sandbox.messageStatus(second.sid, 'delivered');
    expect(calendarEvent(sandbox, id)).toMatchObject({ colorId: '10', description: 'Host text' });
  });

  it('never moves backwards, and a repeat changes nothing', () => {
    const sandbox = newSandbox();
    const { id, sid } = oneAppointment(sandbox);
    sandbox.messageStatus(sid, 'delivered');
    const writes = sheetWrites(sandbox);
    const patches = sandbox.runtime.core.calls['Calendar.Events.patch'] ?? 0;
    sandbox.messageStatus(sid, 'sent');
    sandbox.messageStatus(sid, 'delivered');
    expect(ledger(sandbox)[0].delivery).toBe('delivered');
    expect(sheetWrites(sandbox)).toBe(writes);
    expect(sandbox.runtime.core.calls['Calendar.Events.patch'] ?? 0).toBe(patches);
    // "read" after "delivered" changes nothing the host sees: it returns at once, like a repeat.
    sandbox.messageStatus(sid, 'read');
    expect(ledger(sandbox)[0].delivery).toBe('delivered');
    expect(sheetWrites(sandbox)).toBe(writes);
    expect(calendarEvent(sandbox, id).colorId).toBe('10');
  });

  it('records "read" when it is the first status the script hears of', () => {
    const sandbox = newSandbox();
    const { sid } = oneAppointment(sandbox);
    sandbox.messageStatus(sid, 'read');
    expect(ledger(sandbox)[0].delivery).toBe('read');
  });

  it('ignores forged callbacks: wrong key, wrong account, unknown message', () => {
    const sandbox = newSandbox();
    const { id, sid } = oneAppointment(sandbox);
    const account = sandbox.settings().TWILIO_ACCOUNT_SID;
    const before = JSON.stringify([sandbox.sheet('Appointments'), sandbox.sheet('Messages'), calendarEvent(sandbox, id)]);
    postStatus(sandbox, { MessageSid: sid, MessageStatus: 'failed', ErrorCode: '30008', AccountSid: account }, 'wrong-key');
    postStatus(sandbox, { MessageSid: sid, MessageStatus: 'failed', ErrorCode: '30008', AccountSid: 'AC99999999999999999999999999999999' });
    postStatus(sandbox, { MessageSid: `SM${'f'.repeat(32)}`, MessageStatus: 'failed', AccountSid: account });
    postStatus(sandbox, { MessageSid: sid, MessageStatus: 'nonsense', AccountSid: account });
    expect(sandbox.postToWebApp(`${sandbox.webAppUrl}`, { MessageSid: sid, MessageStatus: 'failed' }).body).toContain('"ok":false');
    expect(JSON.stringify([sandbox.sheet('Appointments'), sandbox.sheet('Messages'), calendarEvent(sandbox, id)])).toBe(before);
  });

  it('keeps a callback that arrives while the lock is busy and applies it on the next tick', () => {
    const sandbox = newSandbox();
    const { id, sid } = oneAppointment(sandbox);
    sandbox.runtime.lock.holdElsewhere(true);
    sandbox.messageStatus(sid, 'delivered');
    expect(ledger(sandbox)[0].delivery).toBe('queued');
    sandbox.runtime.lock.holdElsewhere(false);
    sandbox.advance(10 * MINUTE);
    expect(ledger(sandbox)[0].delivery).toBe('delivered');
    expect(calendarEvent(sandbox, id).colorId).toBe('10');
    expect(Object.keys(sandbox.settings()).filter((name) => name.startsWith('CALLBACK_'))).toEqual([]);
  });

  it('logs every send and status in the Messages sheet', () => {
    const sandbox = newSandbox();
    const { sid } = oneAppointment(sandbox);
    sandbox.messageStatus(sid, 'delivered');
    const rows = (sandbox.sheet('Messages') as string[][]).slice(1);
    expect(rows.map((row) => `${row[1]} ${row[4]} ${row[6]}`)).toEqual(['out scheduled queued', 'status scheduled delivered']);
  });
});

describe('Twilio faults', () => {
  it('retries a 429 inside the run and sends once', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 429, count: 1 });
    oneAppointment(sandbox);
    expect(outbound(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'queued', pending: '' });
  });

  it('queues for the tick after repeated 503s, treats a timeout as uncertain, then sends once', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 503, count: 3 });
    oneAppointment(sandbox);
    expect(outbound(sandbox)).toHaveLength(0);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'retrying', pending: 'scheduled', attempts: '1' });
    sandbox.twilio.injectFault({ network: 'timeout', count: 3 });
    sandbox.advance(10 * MINUTE);
    // A timed-out create may have gone out: looked up at Twilio before it is sent again.
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'uncertain', error: expect.stringContaining('Timeout') });
    sandbox.advance(50 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'queued', pending: '' });
  });

  it('turns the event red for a 400 such as 21211, and does not retry', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 400, errorCode: 21211, count: 1 });
    const { id } = oneAppointment(sandbox);
    expect(calendarEvent(sandbox, id).colorId).toBe('11');
    expect(calendarEvent(sandbox, id).description).toContain('the phone number is not valid (Twilio 21211)');
    sandbox.advance(60 * MINUTE);
    expect(sandbox.twilio.messages()).toHaveLength(0);
  });

  it('does not resend after a 500 when Twilio did create the message', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 500, count: 1 });
    oneAppointment(sandbox);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'uncertain', pending: 'scheduled' });
    sandbox.advance(30 * MINUTE);
    expect(sandbox.twilio.messages()).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', messageSid: sandbox.twilio.messages()[0].sid });
  });

  it('sends again after a 500 when Twilio did not create it', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 500, count: 1, createdAnyway: false });
    oneAppointment(sandbox);
    sandbox.advance(30 * MINUTE);
    expect(outbound(sandbox)).toHaveLength(1);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', delivery: 'queued' });
  });

  it('turns the event red when a failure (63003) is reported after Twilio accepted the message', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ errorCode: 63003, count: 1 });
    const { id, sid } = oneAppointment(sandbox);
    // The sandbox posts the failed callback once the sending run has ended, as Twilio would.
    expect(sandbox.twilio.get(sid)?.status).toBe('failed');
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'failed', error: expect.stringContaining('63003') });
    expect(calendarEvent(sandbox, id).colorId).toBe('11');
    expect(calendarEvent(sandbox, id).description).toContain('63003');
  });

  it('keeps the change queued when the daily UrlFetch quota runs out', () => {
    const sandbox = newSandbox({ quotas: { urlFetchCalls: 0 } });
    oneAppointment(sandbox);
    expect(outbound(sandbox)).toHaveLength(0);
    expect(ledger(sandbox)[0]).toMatchObject({
      pending: 'scheduled',
      delivery: 'retrying',
      error: expect.stringContaining('too many times'),
    });
  });

  it('drops a change that could not go out before the appointment began, visibly', () => {
    const sandbox = newSandbox();
    sandbox.twilio.injectFault({ httpStatus: 503, count: 1000 });
    const { id } = addEvent(sandbox, { location: PHONE, start: START + 40 * MINUTE });
    sandbox.advance(HOUR);
    expect(ledger(sandbox)[0]).toMatchObject({ pending: '', delivery: 'error', error: expect.stringContaining('began') });
    expect(calendarEvent(sandbox, id).colorId).toBe('11');
  });
});
