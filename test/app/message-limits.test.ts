// Long or oddly spaced titles through the real bundle: the message stays within Twilio's and WhatsApp's limits and is still sent.
import { HOUR, MINUTE, START, addEvent, calendarEvent, ledger, newSandbox, outbound } from '../support/sandbox';

const PHONE = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR;
const TEMPLATES = { scheduled: `HX${'1'.repeat(32)}`, rescheduled: `HX${'2'.repeat(32)}`, cancelled: `HX${'3'.repeat(32)}` };

describe('a very long title', () => {
  it('is cut with an ellipsis in a text message, which stays within 1,600 characters and is sent', () => {
    const sandbox = newSandbox();
    const title = `Annual review ${'with many words '.repeat(200)}end`;
    const event = addEvent(sandbox, { summary: title, location: PHONE, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(message.status).not.toBe('failed');
    expect(Array.from(message.body).length).toBeLessThanOrEqual(1600);
    expect(message.body).toContain('"Annual review with many words');
    expect(message.body).toContain('…"');
    expect(message.body).not.toContain('end"');
    expect(message.body).toContain('Tuesday, 6 January 2026, 11:00–11:30 CET (UTC+1)');
    expect(message.body).toMatch(/\?l=[\w-]{16}/);
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'queued', error: '' });
    expect(calendarEvent(sandbox, event.id).colorId).toBeUndefined();
  });

  it('keeps template variables within WhatsApp rules: no line breaks, tabs or runs of 5 spaces, at most 250 characters', () => {
    const sandbox = newSandbox({
      settings: { MESSAGE_MODE: 'template', TEMPLATE_SIDS: JSON.stringify(TEMPLATES) },
      contentTemplates: { [TEMPLATES.scheduled]: 'Hello, {{1}} with {{2}} is booked for {{3}}. Details: {{4}}' },
    });
    const title = `Checkup\nroom 2\tfloor 3      (bring card) ${'x'.repeat(2000)}`;
    const event = addEvent(sandbox, { summary: title, location: PHONE, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    const variables = JSON.parse(message.request.ContentVariables) as Record<string, string>;
    expect(variables['1'].startsWith('Checkup room 2 floor 3 (bring card) xxx')).toBe(true);
    expect(variables['1'].endsWith('x…')).toBe(true);
    expect(Array.from(variables['1'])).toHaveLength(250);
    for (const value of Object.values(variables)) expect(value).not.toMatch(/[\n\r\t]| {5}/);
    // WhatsApp accepted it: no failure, no red event.
    expect(sandbox.twilio.messages()[0].status).not.toBe('failed');
    expect(ledger(sandbox)[0].error).toBe('');
    expect(calendarEvent(sandbox, event.id).colorId).toBeUndefined();
  });
});

describe('text that cannot be encoded', () => {
  it('is cleaned before sending: a lone surrogate in the title is dropped, the message goes out once', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Check\uD800up \uDE00😀', location: PHONE, start: TOMORROW_11 });
    // Retries would come at 1, 2, 4 … minutes.
    sandbox.advance(30 * MINUTE);
    const sent = outbound(sandbox);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toContain('"Checkup 😀" with Alex Morgan is booked');
    expect(ledger(sandbox)[0]).toMatchObject({ attempts: '0', error: '', pending: '' });
  });

  it('is cleaned in template variables too', () => {
    const sandbox = newSandbox({ settings: { MESSAGE_MODE: 'template', TEMPLATE_SIDS: JSON.stringify(TEMPLATES) } });
    addEvent(sandbox, { summary: 'Check\uDBFFup', location: PHONE, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(JSON.parse(message.request.ContentVariables)['1']).toBe('Checkup');
    expect(message.request.ContentVariables).not.toMatch(/\\u[dD][89abAB]/);
  });
});

describe('numbers in a location', () => {
  it('messages the attendee written in Arabic-Indic digits, and neither coordinates nor the venue line turn the event red', () => {
    const sandbox = newSandbox();
    const event = addEvent(sandbox, {
      summary: 'Checkup',
      location: 'Praxis, Hauptstr. 5, 10115 Berlin, Tel. 030 1234567 · 52.5200, 13.4050 · ٠١٥١ ٢٣٤٥٦٧٨٩',
      start: TOMORROW_11,
    });
    expect(outbound(sandbox).map((message) => message.to)).toEqual(['whatsapp:+4915123456789']);
    expect(ledger(sandbox).map((row) => row.phone)).toEqual(['+4915123456789']);
    expect(calendarEvent(sandbox, event.id).colorId).toBeUndefined();
  });
});

describe('a very long title in the reply to "list"', () => {
  it('is cut with an ellipsis, so the appointment is listed and the reply stays within 1,600 characters', () => {
    const sandbox = newSandbox();
    const title = `Annual review ${'with many words '.repeat(100)}end`;
    addEvent(sandbox, { summary: title, location: PHONE, start: TOMORROW_11 });
    addEvent(sandbox, { summary: 'Checkup', location: PHONE, start: TOMORROW_11 + 24 * HOUR });
    sandbox.inbound({ from: PHONE, body: 'list' });
    const reply = outbound(sandbox).at(-1)?.body ?? '';
    expect(reply).toContain('1. "Annual review with many words');
    expect(reply).toContain('…"');
    expect(reply).toContain('2. "Checkup"');
    expect(reply.length).toBeLessThanOrEqual(1600);
  });
});

describe('a title of emoji', () => {
  it("is cut so the message stays within Twilio's 1,600, where an emoji counts as more than one character", () => {
    const sandbox = newSandbox();
    const title = `Party ${'🎉'.repeat(1000)}`;
    const event = addEvent(sandbox, { summary: title, location: PHONE, start: TOMORROW_11 });
    const [message] = outbound(sandbox);
    expect(message.status).not.toBe('failed');
    expect(message.body.length).toBeLessThanOrEqual(1600);
    expect(message.body).toContain('"Party 🎉🎉');
    expect(message.body).toContain('🎉…"');
    expect(ledger(sandbox)[0]).toMatchObject({ delivery: 'queued', error: '' });
    expect(calendarEvent(sandbox, event.id).colorId).toBeUndefined();
  });
});
