// The fake Twilio's Messages API: auth, validation with Twilio's error JSON, create/fetch/list, faults, delivery, inbound, forms.
import { encodeForm, parseForm, parseFormPairs, rfc2822, MESSAGE_STATUSES } from '../../dev/twilio/fake-twilio';
import { TWILIO_ERRORS } from '../../dev/twilio/errors';
import {
  ACC,
  ATTENDEE,
  HX,
  KEY_SECRET,
  KEY_SID,
  MG,
  MG_SENDER,
  SENDER,
  T0,
  TOKEN,
  basic,
  body,
  createRequest,
  getRequest,
  makeFake,
  messagesUrl,
  templateMessage,
  textMessage,
} from './helpers';

function expectError(res: { status: number; body: string }, status: number, code: number, message?: string | RegExp) {
  expect(res.status).toBe(status);
  const json = body(res);
  expect(json).toMatchObject({ code, status, more_info: `https://www.twilio.com/docs/errors/${code}` });
  expect(typeof json.message).toBe('string');
  if (message instanceof RegExp) expect(json.message).toMatch(message);
  else if (message !== undefined) expect(json.message).toBe(message);
}

describe('auth', () => {
  test('AccountSid:AuthToken is accepted', () => {
    const { fake } = makeFake();
    expect(fake.handle(createRequest(textMessage())).status).toBe(201);
  });

  test('an API key SID:secret of the account is accepted', () => {
    const { fake } = makeFake();
    expect(fake.handle(createRequest(textMessage(), { auth: basic(KEY_SID, KEY_SECRET) })).status).toBe(201);
  });

  test.each([
    ['wrong token', basic(ACC, 'nope')],
    ['wrong key secret', basic(KEY_SID, 'nope')],
    ['unknown key', basic(`SK${'0'.repeat(32)}`, KEY_SECRET)],
    ['token used as key', basic(KEY_SID, TOKEN)],
    ['not Basic', 'Bearer abc'],
    ['garbage', 'Basic !!!'],
  ])('%s -> 401 20003 Authenticate, nothing stored', (_name, auth) => {
    const { fake } = makeFake();
    const res = fake.handle(createRequest(textMessage(), { auth }));
    expectError(res, 401, 20003, 'Authenticate');
    expect(res.headers?.['WWW-Authenticate']).toMatch(/^Basic/);
    expect(fake.messages()).toHaveLength(0);
  });

  test('no Authorization header -> 401', () => {
    const { fake } = makeFake();
    const req = createRequest(textMessage());
    delete req.headers.Authorization;
    expectError(fake.handle(req), 401, 20003);
  });

  test('header name is case-insensitive', () => {
    const { fake } = makeFake();
    const req = createRequest(textMessage());
    req.headers = { authorization: req.headers.Authorization, 'content-type': 'application/x-www-form-urlencoded' };
    expect(fake.handle(req).status).toBe(201);
  });

  test("another account's path -> 404 20404", () => {
    const { fake } = makeFake();
    const other = `AC${'f'.repeat(32)}`;
    expectError(fake.handle(createRequest(textMessage(), { account: other })), 404, 20404);
    expect(fake.messages()).toHaveLength(0);
  });
});

describe('create: success', () => {
  test('201 with the Message resource as Twilio returns it', () => {
    const { fake } = makeFake();
    const res = fake.handle(createRequest(textMessage()));
    expect(res.status).toBe(201);
    expect(res.headers?.['Content-Type']).toMatch(/^application\/json/);
    const m = body(res);
    expect(m.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(m).toMatchObject({
      account_sid: ACC,
      api_version: '2010-04-01',
      body: 'Your appointment moved to Tuesday 10:00.',
      date_created: 'Mon, 05 Jan 2026 08:00:00 +0000',
      date_updated: 'Mon, 05 Jan 2026 08:00:00 +0000',
      date_sent: null,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: SENDER,
      messaging_service_sid: null,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: null,
      status: 'queued',
      to: ATTENDEE,
      uri: `/2010-04-01/Accounts/${ACC}/Messages/${m.sid}.json`,
      subresource_uris: {
        media: `/2010-04-01/Accounts/${ACC}/Messages/${m.sid}/Media.json`,
        feedback: `/2010-04-01/Accounts/${ACC}/Messages/${m.sid}/Feedback.json`,
      },
    });
  });

  test('stored message keeps the form exactly as received and the callback URL', () => {
    const { fake } = makeFake();
    const params = textMessage({ Body: 'a+b = c & d 😀 ü' });
    const m = body(fake.handle(createRequest(params)));
    const stored = fake.get(m.sid)!;
    expect(stored.request).toEqual(params);
    expect(stored.statusCallback).toBe(params.StatusCallback);
    expect(stored.answeredStatus).toBe(201);
    expect(stored.body).toBe('a+b = c & d 😀 ü');
    expect(fake.messages().map((x) => x.sid)).toEqual([m.sid]);
    expect(fake.violations()).toEqual([]);
  });

  test('SIDs are unique and messages() is oldest first', () => {
    const { fake, clock } = makeFake();
    const sids = [0, 1, 2].map((i) => {
      clock.now = T0 + i * 1000;
      return body(fake.handle(createRequest(textMessage({ Body: `m${i}` })))).sid;
    });
    expect(new Set(sids).size).toBe(3);
    expect(fake.messages().map((m) => m.sid)).toEqual(sids);
  });

  test('ContentSid message: body is the rendered template, status queued', () => {
    const { fake } = makeFake();
    const m = body(fake.handle(createRequest(templateMessage())));
    expect(m.body).toBe('Hello Ada, see you on Tue 6 Jan, 10:00.');
    expect(m.status).toBe('queued');
    expect(fake.violations()).toEqual([]);
  });

  test('ContentSid of a template the fake does not know: body is empty', () => {
    const { fake } = makeFake({ contentTemplates: {} });
    expect(body(fake.handle(createRequest(templateMessage()))).body).toBe('');
  });

  test('MessagingServiceSid without From: status accepted, from null, 0 segments', () => {
    const { fake } = makeFake();
    const m = body(fake.handle(createRequest({ To: ATTENDEE, MessagingServiceSid: MG, ContentSid: HX })));
    expect(m).toMatchObject({ status: 'accepted', from: null, messaging_service_sid: MG, num_segments: '0' });
  });

  test('MediaUrl may repeat; num_media counts them and the sid is MM', () => {
    const { fake } = makeFake();
    const res = fake.handle(
      createRequest([
        ['To', ATTENDEE],
        ['From', SENDER],
        ['MediaUrl', 'https://example.com/a.png'],
        ['MediaUrl', 'https://example.com/b.png'],
      ]),
    );
    const m = body(res);
    expect(res.status).toBe(201);
    expect(m.sid).toMatch(/^MM/);
    expect(m.num_media).toBe('2');
    expect(fake.get(m.sid)!.requestPairs.filter(([k]) => k === 'MediaUrl')).toHaveLength(2);
  });

  test('plain SMS (E.164 to E.164) is accepted too', () => {
    const { fake } = makeFake();
    expect(fake.handle(createRequest({ To: '+4915123456789', From: '+4930901820', Body: 'hi' })).status).toBe(201);
  });
});

describe('create: validation (Twilio 400s)', () => {
  test.each<[string, Record<string, string>, number, string | RegExp]>([
    ['To missing', { From: SENDER, Body: 'x' }, 21604, "A 'To' phone number is required."],
    ['To empty', { To: '', From: SENDER, Body: 'x' }, 21604, "A 'To' phone number is required."],
    ['To without +', { To: 'whatsapp:4915123456789', From: SENDER, Body: 'x' }, 21211, /'To' number .* is not a valid phone number/],
    ['To with spaces', { To: 'whatsapp:+49 151 23456789', From: SENDER, Body: 'x' }, 21211, /not a valid phone number/],
    ['To too short', { To: 'whatsapp:+4912345', From: SENDER, Body: 'x' }, 21211, /not a valid phone number/],
    ['To too long', { To: 'whatsapp:+4912345678901234', From: SENDER, Body: 'x' }, 21211, /not a valid phone number/],
    ['To leading zero', { To: 'whatsapp:+0151234567', From: SENDER, Body: 'x' }, 21211, /not a valid phone number/],
    ['To other channel', { To: 'messenger:12345678', From: SENDER, Body: 'x' }, 21211, /not a valid phone number/],
    ['From and MessagingServiceSid missing', { To: ATTENDEE, Body: 'x' }, 21603, "A 'From' phone number is required."],
    ['From is SMS, To is WhatsApp', { To: ATTENDEE, From: '+4930901820', Body: 'x' }, 21910, /Invalid From and To pair/],
    ['From malformed', { To: ATTENDEE, From: 'whatsapp:030901820', Body: 'x' }, 21910, /Invalid From and To pair/],
    ['From WhatsApp, To SMS', { To: '+4915123456789', From: SENDER, Body: 'x' }, 21910, /Invalid From and To pair/],
    ['MessagingServiceSid malformed', { To: ATTENDEE, MessagingServiceSid: 'MG123', Body: 'x' }, 21705, /invalid/],
    ['MessagingServiceSid unknown', { To: ATTENDEE, MessagingServiceSid: `MG${'0'.repeat(32)}`, Body: 'x' }, 21701, /invalid/],
    ['no Body, ContentSid or MediaUrl', { To: ATTENDEE, From: SENDER }, 21602, 'Message body is required.'],
    ['empty Body', { To: ATTENDEE, From: SENDER, Body: '' }, 21602, 'Message body is required.'],
    ['Body of 1601 chars', { To: ATTENDEE, From: SENDER, Body: 'x'.repeat(1601) }, 21617, /1600 character limit/],
    ['ContentSid malformed', { To: ATTENDEE, From: SENDER, ContentSid: 'HX123' }, 21655, /ContentSid is Invalid/],
    [
      'ContentVariables not JSON',
      { To: ATTENDEE, From: SENDER, ContentSid: HX, ContentVariables: '{1: "a"}' },
      21656,
      'The ContentVariables Parameter is invalid.',
    ],
    ['ContentVariables an array', { To: ATTENDEE, From: SENDER, ContentSid: HX, ContentVariables: '["a"]' }, 21656, /ContentVariables/],
    [
      'ContentVariables a number value',
      { To: ATTENDEE, From: SENDER, ContentSid: HX, ContentVariables: '{"1": 5}' },
      21656,
      /ContentVariables/,
    ],
    [
      'ContentVariables a null value',
      { To: ATTENDEE, From: SENDER, ContentSid: HX, ContentVariables: '{"1": null}' },
      21656,
      /ContentVariables/,
    ],
    [
      'ContentVariables an empty value',
      { To: ATTENDEE, From: SENDER, ContentSid: HX, ContentVariables: '{"1": ""}' },
      21656,
      /ContentVariables/,
    ],
    ['StatusCallback relative', textMessage({ StatusCallback: '/exec' }), 21609, /StatusCallback/],
    ['StatusCallback ftp', textMessage({ StatusCallback: 'ftp://example.com/x' }), 21609, /StatusCallback/],
    ['StatusCallback underscore host', textMessage({ StatusCallback: 'https://my_host.example.com/x' }), 21609, /StatusCallback/],
  ])('%s -> %i', (_name, params, code, message) => {
    const { fake } = makeFake();
    expectError(fake.handle(createRequest(params)), 400, code, message);
    expect(fake.messages()).toHaveLength(0);
  });

  test('Body of exactly 1600 characters is fine; an emoji counts as two (https://www.twilio.com/docs/api/errors/21617)', () => {
    const { fake } = makeFake();
    expect(fake.handle(createRequest(textMessage({ Body: 'a'.repeat(1600) }))).status).toBe(201);
    expect(fake.handle(createRequest(textMessage({ Body: '😀'.repeat(800) }))).status).toBe(201);
    expectError(fake.handle(createRequest(textMessage({ Body: `${'😀'.repeat(800)}a` }))), 400, 21617);
  });

  test('a JSON body is not read (Twilio wants a form): 21604', () => {
    const { fake } = makeFake();
    const req = createRequest(textMessage(), { headers: { 'Content-Type': 'application/json' } });
    req.payload = JSON.stringify(textMessage());
    expectError(fake.handle(req), 400, 21604);
  });
});

describe('contract slips Twilio tolerates are recorded as violations', () => {
  test('unknown parameter names are ignored but recorded', () => {
    const { fake } = makeFake();
    const res = fake.handle(createRequest(textMessage({ to: 'x', Tags: '{}', StatusCallbackMethod: 'POST' })));
    expect(res.status).toBe(201);
    const stored = fake.get(body(res).sid)!;
    expect(stored.unknownParams).toEqual(['to', 'Tags', 'StatusCallbackMethod']);
    expect(fake.violations()).toHaveLength(3);
    expect(fake.violations()[0]).toMatch(/unknown parameter 'to'/);
  });

  test('ContentVariables without ContentSid, Body beside ContentSid, bad boolean/integer/enum values', () => {
    const { fake } = makeFake();
    fake.handle(createRequest(textMessage({ ContentVariables: '{"1":"a"}' })));
    fake.handle(createRequest(templateMessage({ Body: 'also text' })));
    fake.handle(createRequest(textMessage({ SmartEncoded: 'yes', ValidityPeriod: '1h', RiskCheck: 'off' })));
    const v = fake.violations().join('\n');
    expect(v).toMatch(/ContentVariables without ContentSid/);
    expect(v).toMatch(/Body is ignored when ContentSid/);
    expect(v).toMatch(/SmartEncoded must be true or false/);
    expect(v).toMatch(/ValidityPeriod must be an integer/);
    expect(v).toMatch(/RiskCheck must be one of enable, disable/);
  });

  test('reset() clears messages, faults and violations', () => {
    const { fake } = makeFake();
    fake.handle(createRequest(textMessage({ Foo: 'bar' })));
    fake.injectFault({ httpStatus: 429, count: 1 });
    fake.reset();
    expect(fake.messages()).toEqual([]);
    expect(fake.violations()).toEqual([]);
    expect(fake.handle(createRequest(textMessage())).status).toBe(201);
  });

  test.each(['SendAt', 'ScheduleType', 'PersistentAction', 'ApplicationSid', 'FallbackFrom', 'ShortenUrls'])(
    '%s is not emulated: throws rather than guessing',
    (name) => {
      const { fake } = makeFake();
      expect(() => fake.handle(createRequest(textMessage({ [name]: 'x' })))).toThrow(/not emulated/);
    },
  );
});

describe('fetch and list', () => {
  test('GET Messages/{Sid}.json returns the current resource', () => {
    const { fake, clock } = makeFake();
    const created = body(fake.handle(createRequest(templateMessage())));
    clock.now = T0 + 5000;
    fake.deliver(created.sid);
    const res = fake.handle(getRequest(`https://api.twilio.com/2010-04-01/Accounts/${ACC}/Messages/${created.sid}.json`));
    expect(res.status).toBe(200);
    expect(body(res)).toMatchObject({ sid: created.sid, status: 'delivered', date_sent: 'Mon, 05 Jan 2026 08:00:05 +0000' });
    expect(Object.keys(body(res)).sort()).toEqual(Object.keys(created).sort());
  });

  test('unknown sid -> 404 20404; fetch needs auth', () => {
    const { fake } = makeFake();
    const url = `https://api.twilio.com/2010-04-01/Accounts/${ACC}/Messages/SM${'0'.repeat(32)}.json`;
    expectError(fake.handle(getRequest(url)), 404, 20404, /was not found/);
    expectError(fake.handle(getRequest(url, basic(ACC, 'bad'))), 401, 20003);
  });

  test('GET Messages.json lists newest first, filters by To', () => {
    const { fake, clock } = makeFake();
    const a = body(fake.handle(createRequest(textMessage())));
    clock.now += 1000;
    const b = body(fake.handle(createRequest(textMessage({ To: 'whatsapp:+4915199999999' }))));
    const all = body(fake.handle(getRequest(messagesUrl())));
    expect(all.messages.map((m: { sid: string }) => m.sid)).toEqual([b.sid, a.sid]);
    expect(all).toMatchObject({ page: 0, start: 0, next_page_uri: null, previous_page_uri: null });
    const filtered = body(fake.handle(getRequest(`${messagesUrl()}?To=${encodeURIComponent(ATTENDEE)}`)));
    expect(filtered.messages.map((m: { sid: string }) => m.sid)).toEqual([a.sid]);
  });

  test('other routes: 404 Twilio-style, 405 for other methods, not-emulated subresources', () => {
    const { fake } = makeFake();
    const auth = { Authorization: basic(ACC, TOKEN) };
    expectError(
      fake.handle({ url: `https://api.twilio.com/2010-04-01/Accounts/${ACC}/Calls.json`, method: 'GET', headers: auth, payload: '' }),
      404,
      20404,
    );
    expectError(fake.handle({ url: 'https://api.twilio.com/', method: 'GET', headers: auth, payload: '' }), 404, 20404);
    expectError(fake.handle({ url: messagesUrl(), method: 'PUT', headers: auth, payload: '' }), 405, 20004);
    const sid = body(fake.handle(createRequest(textMessage()))).sid;
    expect(() =>
      fake.handle({
        url: `https://api.twilio.com/2010-04-01/Accounts/${ACC}/Messages/${sid}/Media.json`,
        method: 'GET',
        headers: auth,
        payload: '',
      }),
    ).toThrow(/not emulated/);
    expect(() =>
      fake.handle({
        url: `https://api.twilio.com/2010-04-01/Accounts/${ACC}/Messages/${sid}.json`,
        method: 'POST',
        headers: auth,
        payload: 'Body=',
      }),
    ).toThrow(/not emulated/);
  });
});

describe('faults', () => {
  test('429: the next `count` creates fail with 20429, then creates work again; nothing stored', () => {
    const { fake } = makeFake();
    fake.injectFault({ httpStatus: 429, count: 2 });
    expectError(fake.handle(createRequest(textMessage())), 429, 20429, 'Too Many Requests');
    expectError(fake.handle(createRequest(textMessage())), 429, 20429);
    expect(fake.messages()).toHaveLength(0);
    expect(fake.handle(createRequest(textMessage())).status).toBe(201);
  });

  test('503 -> 20503 Service Unavailable, nothing stored', () => {
    const { fake } = makeFake();
    fake.injectFault({ httpStatus: 503, count: 1 });
    expectError(fake.handle(createRequest(textMessage())), 503, 20503, 'Service Unavailable');
    expect(fake.messages()).toHaveLength(0);
  });

  test('500 -> 20500, but Twilio took the message: stored as queued and marked answeredStatus 500', () => {
    const { fake } = makeFake();
    fake.injectFault({ httpStatus: 500, count: 1 });
    expectError(fake.handle(createRequest(templateMessage())), 500, 20500, 'Internal Server Error');
    const [m] = fake.messages();
    expect(m).toMatchObject({ status: 'queued', answeredStatus: 500 });
    expect(fake.deliver(m.sid).map((c) => c.params.MessageStatus)).toEqual(['sent', 'delivered']);
  });

  test('500 with createdAnyway: false stores nothing', () => {
    const { fake } = makeFake();
    fake.injectFault({ httpStatus: 500, count: 1, createdAnyway: false });
    expect(fake.handle(createRequest(textMessage())).status).toBe(500);
    expect(fake.messages()).toHaveLength(0);
  });

  test('an HTTP status with an explicit error code (e.g. 400 21610)', () => {
    const { fake } = makeFake();
    fake.injectFault({ httpStatus: 400, errorCode: 21610, count: 1 });
    expectError(fake.handle(createRequest(textMessage())), 400, 21610, TWILIO_ERRORS[21610]);
  });

  test('network timeout / unavailable throw like UrlFetchApp', () => {
    const { fake } = makeFake();
    fake.injectFault({ network: 'timeout', count: 1 });
    fake.injectFault({ network: 'unavailable', count: 1 });
    expect(() => fake.handle(createRequest(textMessage()))).toThrow(`Timeout: ${messagesUrl()}`);
    expect(() => fake.handle(createRequest(textMessage()))).toThrow(`Address unavailable: ${messagesUrl()}`);
    expect(fake.messages()).toHaveLength(0);
    expect(fake.handle(createRequest(textMessage())).status).toBe(201);
  });

  test('timeout with createdAnyway: the message exists although the caller saw an exception', () => {
    const { fake } = makeFake();
    fake.injectFault({ network: 'timeout', count: 1, createdAnyway: true });
    expect(() => fake.handle(createRequest(textMessage()))).toThrow(/^Timeout: /);
    expect(fake.messages()).toHaveLength(1);
  });

  test('faults do not hit fetches or unauthenticated calls', () => {
    const { fake } = makeFake();
    fake.injectFault({ httpStatus: 429, count: 1 });
    expect(fake.handle(getRequest(messagesUrl())).status).toBe(200);
    expect(fake.handle(createRequest(textMessage(), { auth: basic(ACC, 'x') })).status).toBe(401);
    expect(fake.handle(createRequest(textMessage())).status).toBe(429);
  });

  test('errorCode only: create succeeds (201 queued), the message fails later on deliver()', () => {
    const { fake } = makeFake();
    fake.injectFault({ errorCode: 63016, count: 1 });
    const res = fake.handle(createRequest(templateMessage()));
    expect(res.status).toBe(201);
    const sid = body(res).sid;
    expect(body(res).status).toBe('queued');
    expect(fake.pendingFailures()).toEqual({ [sid]: 63016 });
    const callbacks = fake.deliver(sid);
    expect(callbacks.map((c) => c.params.MessageStatus)).toEqual(['failed']);
    expect(callbacks[0].params.ErrorCode).toBe('63016');
    expect(fake.get(sid)).toMatchObject({ status: 'failed', error_code: 63016, error_message: TWILIO_ERRORS[63016] });
    expect(fake.pendingFailures()).toEqual({});
  });

  test('a carrier error code (30xxx) goes sent -> undelivered', () => {
    const { fake } = makeFake();
    fake.injectFault({ errorCode: 30003, count: 1 });
    const sid = body(fake.handle(createRequest(templateMessage()))).sid;
    const callbacks = fake.deliver(sid);
    expect(callbacks.map((c) => [c.params.MessageStatus, c.params.ErrorCode])).toEqual([
      ['sent', undefined],
      ['undelivered', '30003'],
    ]);
  });

  test('injectFault rejects nonsense', () => {
    const { fake } = makeFake();
    expect(() => fake.injectFault({ count: 0, httpStatus: 429 })).toThrow();
    expect(() => fake.injectFault({ count: 1 })).toThrow();
    expect(() => fake.injectFault({ count: 1, httpStatus: 418 })).toThrow();
    expect(() => fake.injectFault({ count: 1, errorCode: 12345 })).toThrow(/unknown Twilio error code/);
  });
});

describe('delivery and status callbacks', () => {
  test('deliver(): sent then delivered, with the fields Twilio posts for WhatsApp', () => {
    const { fake, clock } = makeFake();
    const sid = body(fake.handle(createRequest(templateMessage()))).sid;
    clock.now = T0 + 2000;
    const callbacks = fake.deliver(sid);
    expect(callbacks).toHaveLength(2);
    const url = templateMessage().StatusCallback;
    expect(callbacks[0]).toEqual({
      url,
      params: {
        SmsSid: sid,
        SmsStatus: 'sent',
        MessageStatus: 'sent',
        ChannelToAddress: '+4915123456789',
        To: ATTENDEE,
        ChannelPrefix: 'whatsapp',
        MessageSid: sid,
        AccountSid: ACC,
        StructuredMessage: 'true',
        From: SENDER,
        ApiVersion: '2010-04-01',
        ChannelInstallSid: expect.stringMatching(/^XE[0-9a-f]{32}$/),
      },
    });
    expect(callbacks[1].params).toMatchObject({ MessageStatus: 'delivered', SmsStatus: 'delivered' });
    expect(callbacks[1].params).not.toHaveProperty('ErrorCode');
    expect(callbacks[1].params).not.toHaveProperty('StructuredMessage');
    expect(fake.get(sid)).toMatchObject({ status: 'delivered', date_sent: rfc2822(T0 + 2000), date_updated: rfc2822(T0 + 2000) });
    expect(fake.deliver(sid)).toEqual([]); // already final
  });

  test('deliver({read: true}) adds read', () => {
    const { fake } = makeFake();
    const sid = body(fake.handle(createRequest(templateMessage()))).sid;
    expect(fake.deliver(sid, { read: true }).map((c) => c.params.MessageStatus)).toEqual(['sent', 'delivered', 'read']);
  });

  test('no StatusCallback: status still changes, no callbacks', () => {
    const { fake } = makeFake();
    const params = templateMessage();
    delete (params as Partial<typeof params>).StatusCallback;
    const sid = body(fake.handle(createRequest(params))).sid;
    expect(fake.deliver(sid)).toEqual([]);
    expect(fake.get(sid)!.status).toBe('delivered');
    expect(fake.setStatus(sid, 'read')).toBeUndefined();
  });

  test('Messaging Service message: callbacks carry MessagingServiceSid and the pool sender', () => {
    const { fake } = makeFake();
    const sid = body(
      fake.handle(createRequest({ To: ATTENDEE, MessagingServiceSid: MG, ContentSid: HX, StatusCallback: 'https://example.com/cb' })),
    ).sid;
    const [sent] = fake.deliver(sid);
    expect(sent.params).toMatchObject({ MessagingServiceSid: MG, From: MG_SENDER, MessageStatus: 'sent' });
    expect(fake.get(sid)).toMatchObject({ from: MG_SENDER, num_segments: '1' });
  });

  test('setStatus with an error code sets error_code/error_message and posts ErrorCode', () => {
    const { fake } = makeFake();
    const sid = body(fake.handle(createRequest(templateMessage()))).sid;
    const cb = fake.setStatus(sid, 'undelivered', 63024)!;
    expect(cb.params).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '63024' });
    expect(fake.get(sid)).toMatchObject({ error_code: 63024, error_message: TWILIO_ERRORS[63024] });
  });

  test('setStatus rejects statuses outside the spec enum and unknown sids', () => {
    const { fake } = makeFake();
    const sid = body(fake.handle(createRequest(templateMessage()))).sid;
    expect(() => fake.setStatus(sid, 'bounced')).toThrow(/not a Message status/);
    expect(() => fake.setStatus('SMnope', 'sent')).toThrow(/no message/);
    for (const s of MESSAGE_STATUSES) expect(() => fake.setStatus(sid, s)).not.toThrow();
  });

  test('WhatsApp 24-hour window: free-form Body fails with 63016 unless the attendee wrote in the last 24 h', () => {
    const { fake, clock } = makeFake();
    const cold = body(fake.handle(createRequest(textMessage()))).sid;
    expect(fake.deliver(cold).map((c) => [c.params.MessageStatus, c.params.ErrorCode])).toEqual([['failed', '63016']]);

    fake.inbound({ from: ATTENDEE, to: SENDER, body: 'list' });
    clock.now += 23 * 3600 * 1000;
    const reply = body(fake.handle(createRequest(textMessage()))).sid;
    expect(fake.deliver(reply).map((c) => c.params.MessageStatus)).toEqual(['sent', 'delivered']);

    clock.now += 2 * 3600 * 1000; // 25 h after the inbound message
    const late = body(fake.handle(createRequest(textMessage()))).sid;
    expect(fake.deliver(late).map((c) => c.params.MessageStatus)).toEqual(['failed']);

    const template = body(fake.handle(createRequest(templateMessage()))).sid; // templates are fine
    expect(fake.deliver(template).map((c) => c.params.MessageStatus)).toEqual(['sent', 'delivered']);
  });

  test('sessionWindow: false turns the window off', () => {
    const { fake } = makeFake({ sessionWindow: false });
    const sid = body(fake.handle(createRequest(textMessage()))).sid;
    expect(fake.deliver(sid).map((c) => c.params.MessageStatus)).toEqual(['sent', 'delivered']);
  });
});

describe('inbound webhook', () => {
  test('text message: the fields Twilio posts, and a recorded inbound message', () => {
    const { fake } = makeFake();
    const params = fake.inbound({ from: ATTENDEE, to: SENDER, body: 'Termine?', profileName: 'Ada Lovelace' });
    expect(params).toEqual({
      SmsMessageSid: params.MessageSid,
      NumMedia: '0',
      ProfileName: 'Ada Lovelace',
      MessageType: 'text',
      SmsSid: params.MessageSid,
      WaId: '4915123456789',
      SmsStatus: 'received',
      Body: 'Termine?',
      To: SENDER,
      NumSegments: '1',
      ReferralNumMedia: '0',
      MessageSid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      AccountSid: ACC,
      From: ATTENDEE,
      ApiVersion: '2010-04-01',
    });
    const stored = fake.get(params.MessageSid)!;
    expect(stored).toMatchObject({ direction: 'inbound', status: 'received', from: ATTENDEE, to: SENDER, body: 'Termine?' });
  });

  test('button reply, given sid, Messaging Service sender', () => {
    const { fake } = makeFake();
    const sid = `SM${'9'.repeat(32)}`;
    const params = fake.inbound({
      from: ATTENDEE,
      to: MG_SENDER,
      body: 'Cancel',
      buttonPayload: 'cancel:evt1',
      buttonText: 'Cancel',
      messageSid: sid,
    });
    expect(params).toMatchObject({
      MessageSid: sid,
      MessageType: 'button',
      ButtonPayload: 'cancel:evt1',
      ButtonText: 'Cancel',
      MessagingServiceSid: MG,
    });
    expect(fake.get(sid)!.messaging_service_sid).toBe(MG);
  });

  test('media: MM sid, MediaUrl0 and MediaContentType0', () => {
    const { fake } = makeFake();
    const params = fake.inbound({ from: ATTENDEE, to: SENDER, body: '', numMedia: 1 });
    expect(params.MessageSid).toMatch(/^MM/);
    expect(params.NumMedia).toBe('1');
    expect(params.MediaUrl0).toMatch(/^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/AC.*\/Media\/ME[0-9a-f]{32}$/);
    expect(params.MediaContentType0).toBe('image/jpeg');
  });
});

describe('form encoding', () => {
  test('round trip with unicode, +, &, =, %, spaces and newlines', () => {
    const params = {
      To: 'whatsapp:+4915123456789',
      Body: 'Grüße 😀 a+b=c & 100% sicher\nZeile 2',
      ContentVariables: '{"1":"Zoë","2":"Di, 6. Jan. 10:00 + 30 min"}',
      Empty: '',
    };
    const encoded = encodeForm(params);
    expect(encoded).not.toMatch(/[ \n]/); // spaces become '+', a literal '+' becomes %2B
    expect(encoded).toContain('To=whatsapp%3A%2B4915123456789');
    expect(encoded).toContain('100%25+sicher');
    expect(parseForm(encoded)).toEqual(params);
  });

  test('parses what other encoders produce: %20 for space, bare keys, repeated names', () => {
    expect(parseForm('Body=a%20b+c&Flag&To=%2B49')).toEqual({ Body: 'a b c', Flag: '', To: '+49' });
    expect(parseFormPairs('MediaUrl=a&MediaUrl=b')).toEqual([
      ['MediaUrl', 'a'],
      ['MediaUrl', 'b'],
    ]);
    expect(parseForm('')).toEqual({});
    expect(parseForm('Bad=%E0%A4%A')).toEqual({ Bad: '%E0%A4%A' }); // malformed escapes kept as sent
  });

  test('URLSearchParams agrees with encodeForm', () => {
    const params = { Body: 'ä ö ü + & = ? / 😀', To: 'whatsapp:+1' };
    expect(Object.fromEntries(new URLSearchParams(encodeForm(params)))).toEqual(params);
  });
});

describe('a Content API template WhatsApp has not approved', () => {
  function made(fake: ReturnType<typeof makeFake>['fake'], submit: boolean): string {
    const json = (url: string, payload: unknown) =>
      fake.handle({
        url,
        method: 'post',
        headers: { Authorization: basic(ACC, TOKEN), 'Content-Type': 'application/json' },
        payload: JSON.stringify(payload),
      });
    const created = body(
      json('https://content.twilio.com/v1/Content', {
        friendly_name: 'appointments_scheduled_de',
        language: 'de',
        variables: { 1: 'Termin', 2: 'Dienstag' },
        types: { 'twilio/text': { body: 'Ihr Termin {{1}} ist am {{2}}. Bis dann.' } },
      }),
    ).sid as string;
    if (submit)
      json(`https://content.twilio.com/v1/Content/${created}/ApprovalRequests/whatsapp`, {
        name: 'appointments_scheduled_de',
        category: 'UTILITY',
      });
    return created;
  }

  test.each([
    ['never submitted', false, null, 63016],
    ['waiting for approval', true, null, 63016],
    ['approved', true, 'approved' as const, null],
    ['rejected', true, 'rejected' as const, 63040],
  ])('%s, outside the 24-hour window', (_, submit, decision, code) => {
    const { fake } = makeFake();
    const sid = made(fake, submit);
    if (decision) fake.content.setApproval(sid, decision);
    const message = body(fake.handle(createRequest(templateMessage({ ContentSid: sid })))).sid;
    fake.deliver(message);
    expect(fake.get(message)?.error_code).toBe(code);
    expect(fake.get(message)?.status).toBe(code === null ? 'delivered' : 'failed');
  });

  test('inside the window it goes out as a session message, approved or not', () => {
    const { fake } = makeFake();
    fake.inbound({ from: ATTENDEE, to: SENDER, body: 'Hallo' });
    const message = body(fake.handle(createRequest(templateMessage({ ContentSid: made(fake, true) })))).sid;
    fake.deliver(message);
    expect(fake.get(message)).toMatchObject({
      status: 'delivered',
      error_code: null,
      body: 'Ihr Termin Ada ist am Tue 6 Jan, 10:00. Bis dann.',
    });
  });
});
