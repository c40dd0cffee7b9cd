// The sandbox's HTTP contract (DESIGN.md and the foundation issue): every route answers with the documented shape.
import type { Server } from 'node:http';
import { startServer } from '../../dev/server';
import type { Sandbox } from '../../dev/sandbox';

let server: Server;
let sandbox: Sandbox;
let base: string;

async function call(method: string, route: string, body?: unknown): Promise<{ status: number; json: any; text: string; headers: Headers }> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, headers: response.headers };
}

const start = (hoursFromNow: number): string => new Date(Date.parse('2026-01-05T08:00:00Z') + hoursFromNow * 3600_000).toISOString();

beforeAll(async () => {
  ({ server, sandbox } = await startServer({ port: 0 }));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  expect((await call('POST', '/_sandbox/reset')).json.ok).toBe(true);
});

describe('sandbox control API', () => {
  it('creates a series, lists its instances, changes one instance, the series, or this and following', async () => {
    const series = await call('POST', '/_sandbox/calendar/events', {
      summary: 'Weekly',
      location: '+49 151 23456789',
      start: { dateTime: '2026-01-06T10:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-01-06T10:50:00', timeZone: 'Europe/Berlin' },
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3'],
    });
    expect(series.status).toBe(200);
    const id = series.json.id as string;
    const instances = await call('GET', `/_sandbox/calendar/events/${id}/instances`);
    expect(instances.json.map((e: { id: string }) => e.id)).toEqual([
      `${id}_20260106T090000Z`,
      `${id}_20260113T090000Z`,
      `${id}_20260120T090000Z`,
    ]);
    const moved = await call('PATCH', `/_sandbox/calendar/events/${id}_20260113T090000Z`, {
      start: { dateTime: '2026-01-14T10:00:00+01:00' },
      end: { dateTime: '2026-01-14T10:50:00+01:00' },
    });
    expect([moved.json.recurringEventId, moved.json.start.dateTime]).toEqual([id, '2026-01-14T10:00:00+01:00']);
    expect((await call('DELETE', `/_sandbox/calendar/events/${id}_20260120T090000Z`)).json.status).toBe('cancelled');
    const week = await call('GET', '/_sandbox/calendar/events?singleEvents=true&timeMin=2026-01-05T00:00:00Z&timeMax=2026-01-26T00:00:00Z');
    expect(week.json.map((e: { start: { dateTime: string } }) => e.start.dateTime)).toEqual([
      '2026-01-06T10:00:00+01:00',
      '2026-01-14T10:00:00+01:00',
    ]);
    const split = await call('POST', `/_sandbox/calendar/events/${id}_20260106T090000Z/split`, { summary: 'Renamed' });
    expect(split.json.map((e: { recurrence: string[] }) => e.recurrence)).toEqual([
      ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260106T085959Z'],
      ['RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3'],
    ]);
    expect((await call('PATCH', `/_sandbox/calendar/events/${id}`, { recurrence: ['RRULE:BAD'] })).status).toBe(400);
    expect((await call('PATCH', `/_sandbox/calendar/events/${id}_20260107T090000Z`, { summary: 'x' })).status).toBe(404);
  });

  it('serves the UI and the web app', async () => {
    const ui = await call('GET', '/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('<!--');
    const page = await call('GET', '/exec');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('window.google = { script: { run:');
  });

  it('reads and merges settings; reset restores the configured state', async () => {
    const settings = (await call('GET', '/_sandbox/settings')).json;
    expect(settings).toMatchObject({
      MESSAGE_MODE: 'text',
      WHATSAPP_FROM: 'whatsapp:+14155238886',
      TWILIO_ACCOUNT_SID: expect.stringMatching(/^AC/),
    });
    expect(settings.WEBHOOK_KEY).toBeTruthy();
    const merged = (await call('POST', '/_sandbox/settings', { HOST_NAME: 'Dr. Who' })).json;
    expect(merged.HOST_NAME).toBe('Dr. Who');
    await call('POST', '/_sandbox/reset');
    expect((await call('GET', '/_sandbox/settings')).json.HOST_NAME).toBe('Alex Morgan');
  });

  it('inserts one event or an array, patches and deletes, firing the trigger before answering', async () => {
    const one = await call('POST', '/_sandbox/calendar/events', {
      summary: 'A',
      location: '+4915123456789',
      start: { dateTime: start(26) },
      end: { dateTime: start(26.5) },
    });
    expect(one.json).toMatchObject({ id: expect.any(String), iCalUID: expect.stringContaining('@google.com'), status: 'confirmed' });
    expect((await call('GET', '/_sandbox/twilio/messages')).json).toHaveLength(1);
    const many = await call('POST', '/_sandbox/calendar/events', [
      { summary: 'B', location: '+14155552671', start: { dateTime: start(28) }, end: { dateTime: start(29) } },
      { summary: 'C', location: 'Room 4', start: { dateTime: start(30) }, end: { dateTime: start(31) } },
    ]);
    expect(many.json).toHaveLength(2);
    expect((await call('GET', '/_sandbox/twilio/messages')).json).toHaveLength(2);
    const patched = await call('PATCH', `/_sandbox/calendar/events/${one.json.id}`, {
      start: { dateTime: start(27) },
      end: { dateTime: start(27.5) },
    });
    expect(Date.parse(patched.json.start.dateTime)).toBe(Date.parse(start(27)));
    const deleted = await call('DELETE', `/_sandbox/calendar/events/${one.json.id}`);
    expect(deleted.json.status).toBe('cancelled');
    const messages = (await call('GET', '/_sandbox/twilio/messages')).json;
    expect(messages.map((m: any) => m.body.match(/booked|moved|cancelled/)[0])).toEqual(['booked', 'booked', 'moved', 'cancelled']);
    expect(messages[0].request).toMatchObject({ To: 'whatsapp:+4915123456789', From: 'whatsapp:+14155238886' });
    expect((await call('GET', `/_sandbox/calendar/events/${one.json.id}`)).json.status).toBe('cancelled');
    expect((await call('GET', '/_sandbox/calendar/events')).json).toHaveLength(3);
    expect((await call('GET', '/_sandbox/calendar/events/nope')).status).toBe(404);
  });

  it('posts status callbacks and inbound messages to the web app', async () => {
    const event = (
      await call('POST', '/_sandbox/calendar/events', {
        summary: 'A',
        location: '+4915123456789',
        start: { dateTime: start(26) },
        end: { dateTime: start(26.5) },
      })
    ).json;
    const [message] = (await call('GET', '/_sandbox/twilio/messages')).json;
    const status = await call('POST', `/_sandbox/twilio/messages/${message.sid}/status`, { status: 'delivered' });
    expect(status.json).toEqual({ status: 200, body: expect.stringContaining('<Response/>') });
    expect((await call('GET', `/_sandbox/calendar/events/${event.id}`)).json.colorId).toBe('10');
    const inbound = await call('POST', '/_sandbox/twilio/inbound', { from: '+4915123456789', body: 'hello' });
    expect(inbound.json.status).toBe(200);
  });

  it('changes a status at Twilio without a callback when asked (callback: false)', async () => {
    const event = (
      await call('POST', '/_sandbox/calendar/events', {
        summary: 'A',
        location: '+4915123456789',
        start: { dateTime: start(26) },
        end: { dateTime: start(26.5) },
      })
    ).json;
    const [message] = (await call('GET', '/_sandbox/twilio/messages')).json;
    const lost = await call('POST', `/_sandbox/twilio/messages/${message.sid}/status`, { status: 'delivered', callback: false });
    expect(lost.json).toEqual({ status: 'delivered', callback: false });
    expect((await call('GET', '/_sandbox/twilio/messages')).json[0].status).toBe('delivered');
    expect((await call('GET', `/_sandbox/calendar/events/${event.id}`)).json.colorId).toBeUndefined();
  });

  it('injects faults, shows sheets, mail, calls, and moves the clock through the tick', async () => {
    await call('POST', '/_sandbox/twilio/faults', { httpStatus: 503, count: 3 });
    await call('POST', '/_sandbox/calendar/events', {
      summary: 'A',
      location: '+4915123456789',
      start: { dateTime: start(26) },
      end: { dateTime: start(26.5) },
    });
    expect((await call('GET', '/_sandbox/twilio/messages')).json).toHaveLength(0);
    const sheet = (await call('GET', '/_sandbox/sheets/Appointments')).json;
    expect(sheet.values[0][0]).toBe('key');
    expect(sheet.values[1]).toContain('retrying');
    expect((await call('GET', '/_sandbox/sheets/Nope')).status).toBe(404);
    expect((await call('GET', '/_sandbox/mail')).json).toEqual([]);
    const calls = (await call('GET', '/_sandbox/calls')).json;
    expect(calls['Calendar.Events.list']).toBeGreaterThan(0);
    const clock = await call('POST', '/_sandbox/clock', { now: start(1) });
    expect(clock.json.now).toBe(start(1));
    expect((await call('GET', '/_sandbox/twilio/messages')).json).toHaveLength(1);
    expect((await call('POST', '/_sandbox/clock', { now: 'yesterday' })).status).toBe(400);
    expect((await call('POST', '/_sandbox/twilio/faults', { httpStatus: 418, count: 1 })).status).toBe(400);
    expect((await call('POST', '/_sandbox/twilio/faults', { timeout: true, count: 1 })).json).toEqual({ ok: true });
  });

  it('reports an injected error code as a later failed callback: the event turns red with the reason', async () => {
    await call('POST', '/_sandbox/twilio/faults', { errorCode: 63016, count: 1 });
    const event = (
      await call('POST', '/_sandbox/calendar/events', {
        summary: 'A',
        location: '+4915123456789',
        start: { dateTime: start(26) },
        end: { dateTime: start(26.5) },
      })
    ).json;
    const [message] = (await call('GET', '/_sandbox/twilio/messages')).json;
    expect(message).toMatchObject({ status: 'failed', error_code: 63016 });
    const stored = (await call('GET', `/_sandbox/calendar/events/${event.id}`)).json;
    expect(stored.colorId).toBe('11');
    expect(stored.description).toContain('63016');
  });

  it('runs top-level functions as google.script.run would, anonymous unless told', async () => {
    expect((await call('POST', '/_sandbox/run/setup', { args: [] })).json).toEqual({ error: expect.stringContaining('owner') });
    expect((await call('POST', '/_sandbox/run/setup', { args: [], user: 'owner' })).json.result).toMatchObject({ triggersCreated: 0 });
    expect((await call('POST', '/_sandbox/run/noSuchFunction', { args: [] })).json).toEqual({
      error: expect.stringContaining('not found'),
    });
    expect(sandbox.runtime.triggers.list()).toHaveLength(2);
  });

  it('lists the Content API templates with their approval, and plays WhatsApp approving or rejecting one', async () => {
    expect((await call('GET', '/_sandbox/twilio/content')).json).toEqual([]);
    const made = await call('POST', '/_sandbox/run/createWhatsAppTemplates', { user: 'owner' });
    expect(made.json.result.ok).toBe(true);
    const listed = (await call('GET', '/_sandbox/twilio/content')).json as Array<{
      resource: { sid: string; friendly_name: string };
      approval: { status: string };
    }>;
    expect(listed).toHaveLength(44);
    expect(listed.slice(0, 5).map((item) => [item.resource.friendly_name, item.approval.status])).toEqual([
      ['appointments_scheduled_en', 'received'],
      ['appointments_rescheduled_en', 'received'],
      ['appointments_cancelled_en', 'received'],
      ['appointments_reminder_en', 'received'],
      ['appointments_scheduled_es', 'received'],
    ]);
    const sid = listed[3].resource.sid;
    const rejected = await call('POST', `/_sandbox/twilio/content/${sid}/approval`, { status: 'rejected', reason: 'Button text too long' });
    expect(rejected.json).toEqual(
      expect.objectContaining({ status: 'rejected', rejection_reason: 'Button text too long', category: 'UTILITY' }),
    );
    expect((await call('POST', `/_sandbox/twilio/content/${listed[0].resource.sid}/approval`, { status: 'approved' })).json.status).toBe(
      'approved',
    );
    expect((await call('POST', `/_sandbox/twilio/content/${sid}/approval`, { status: 'maybe' })).status).toBe(400);
    expect(
      (await call('POST', '/_sandbox/twilio/content/HX00000000000000000000000000000000/approval', { status: 'approved' })).status,
    ).toBe(404);
    const after = (await call('GET', '/_sandbox/twilio/content')).json as Array<{ approval: { status: string } }>;
    expect(after.slice(0, 5).map((item) => item.approval.status)).toEqual(['approved', 'received', 'received', 'rejected', 'received']);
  });

  it('serves the fake Twilio API over HTTP with Basic auth', async () => {
    const response = await fetch(`${base}/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from('AC00000000000000000000000000000001:wrong').toString('base64')}`,
      },
      body: 'To=whatsapp%3A%2B4915123456789&From=whatsapp%3A%2B14155238886&Body=hi',
    });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe(20003);
  });

  it('answers unknown routes and bad JSON with clear errors', async () => {
    expect((await call('GET', '/_sandbox/nope')).status).toBe(404);
    const bad = await fetch(`${base}/_sandbox/settings`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain('JSON');
  });
});
