// Table tests of Twilio's wire format: every request's URL, method and auth, each HTTP answer's outcome, the error wording and status order.
import {
  approvalCreateCall,
  approvalFetchCall,
  authorizationHeader,
  CONTENT_API,
  createContentCall,
  createMessageCall,
  explainTwilioError,
  fetchAccountCall,
  fetchMessageCall,
  isFailureStatus,
  isNewerStatus,
  isSuccessStatus,
  listContentCall,
  listMessagesToCall,
  listWhatsAppSendersCall,
  MESSAGING_V2_API,
  sendOutcome,
  statusRank,
  TWILIO_API,
  twilioProblem,
} from '../../src/domain/twilio';

const credentials = { accountSid: 'AC1/x', username: 'SK1', password: 'sëcret' };
// An independent encoder as the oracle: Node's Buffer (UTF-8 then base64).
const AUTH = `Basic ${Buffer.from('SK1:sëcret', 'utf8').toString('base64')}`;
const headers = { Authorization: AUTH };

describe('requests', () => {
  it('uses the documented API roots', () => {
    expect([TWILIO_API, CONTENT_API, MESSAGING_V2_API]).toEqual([
      'https://api.twilio.com/2010-04-01',
      'https://content.twilio.com/v1',
      'https://messaging.twilio.com/v2',
    ]);
  });

  it('signs with Basic auth of user:password', () => {
    expect(authorizationHeader(credentials)).toBe(AUTH);
    expect(authorizationHeader({ accountSid: 'AC', username: 'AC2', password: 'tok' })).toBe('Basic QUMyOnRvaw==');
  });

  it.each([
    ['fetch a message', fetchMessageCall(credentials, 'SM 1'), `${TWILIO_API}/Accounts/AC1%2Fx/Messages/SM%201.json`, 'get'],
    [
      'list messages to a number',
      listMessagesToCall(credentials, '+4915123456789'),
      `${TWILIO_API}/Accounts/AC1%2Fx/Messages.json?To=whatsapp%3A%2B4915123456789&PageSize=50`,
      'get',
    ],
    ['fetch the account', fetchAccountCall(credentials), `${TWILIO_API}/Accounts/AC1%2Fx.json`, 'get'],
    [
      'list WhatsApp senders',
      listWhatsAppSendersCall(credentials),
      `${MESSAGING_V2_API}/Channels/Senders?Channel=whatsapp&PageSize=1000`,
      'get',
    ],
    ['list content', listContentCall(credentials), `${CONTENT_API}/Content?PageSize=1000`, 'get'],
    [
      'list the next content page',
      listContentCall(credentials, 'https://content.twilio.com/v1/Content?Page=2'),
      'https://content.twilio.com/v1/Content?Page=2',
      'get',
    ],
    ['fetch approvals', approvalFetchCall(credentials, 'HX/1'), `${CONTENT_API}/Content/HX%2F1/ApprovalRequests`, 'get'],
  ] as const)('%s', (_, call, url, method) => {
    expect(call).toEqual({ url, method, headers });
  });

  it.each([
    ['create content', createContentCall(credentials, { a: 1 }), `${CONTENT_API}/Content`, { a: 1 }],
    [
      'ask for approval',
      approvalCreateCall(credentials, 'HX/1', { name: 'n', category: 'UTILITY' }),
      `${CONTENT_API}/Content/HX%2F1/ApprovalRequests/whatsapp`,
      { name: 'n', category: 'UTILITY' },
    ],
  ])('%s: a JSON POST', (_, call, url, json) => {
    expect(call).toEqual({ url, method: 'post', headers, json });
  });

  const messagesUrl = `${TWILIO_API}/Accounts/AC1%2Fx/Messages.json`;
  it.each([
    ['a bare text', { to: '+491', body: 'Hi' }, { To: 'whatsapp:+491', Body: 'Hi' }],
    ['no body at all', { to: '+491' }, { To: 'whatsapp:+491', Body: '' }],
    ['a lone surrogate dropped', { to: '+491', body: 'A\uD83DB' }, { To: 'whatsapp:+491', Body: 'AB' }],
    [
      'sender, service and callback',
      { to: '+491', from: 'whatsapp:+1', messagingServiceSid: 'MG1', body: 'Hi', statusCallback: 'https://cb' },
      { To: 'whatsapp:+491', MessagingServiceSid: 'MG1', From: 'whatsapp:+1', Body: 'Hi', StatusCallback: 'https://cb' },
    ],
    [
      'empty optional fields are left out',
      { to: '+491', from: '', messagingServiceSid: '', body: 'Hi', statusCallback: '' },
      { To: 'whatsapp:+491', Body: 'Hi' },
    ],
    [
      'a template, its variables cleaned, no body',
      { to: '+491', body: 'ignored', contentSid: 'HX1', contentVariables: { '1': 'A\uDC00B', '2': 'x' } },
      { To: 'whatsapp:+491', ContentSid: 'HX1', ContentVariables: '{"1":"AB","2":"x"}' },
    ],
    ['a template without variables', { to: '+491', contentSid: 'HX1' }, { To: 'whatsapp:+491', ContentSid: 'HX1', ContentVariables: '{}' }],
  ])('create a message: %s', (_, message, payload) => {
    expect(createMessageCall(credentials, message)).toEqual({ url: messagesUrl, method: 'post', headers, payload });
  });
});

describe('answers', () => {
  it.each([
    [400, '{"code":21211,"message":"Invalid To"}', 'the phone number is not valid (Twilio 21211)'],
    [400, '{"code":99999,"message":"Something new"}', 'Something new (Twilio 99999)'],
    [400, '{"code":99999}', 'Twilio could not send the message (Twilio 99999)'],
    [400, '{"code":"21211","message":"Invalid To"}', 'Twilio answered HTTP 400: Invalid To'],
    [404, '{"message":5}', 'Twilio answered HTTP 404'],
    [502, '<html>', 'Twilio answered HTTP 502'],
    [500, 'null', 'Twilio answered HTTP 500'],
  ])('twilioProblem(%i, %s)', (status, body, expected) => {
    expect(twilioProblem(status, body)).toBe(expected);
  });

  it.each([
    [201, '{"sid":"SM1","status":"accepted"}', { kind: 'accepted', sid: 'SM1', status: 'accepted' }],
    [200, '{"sid":"SM1"}', { kind: 'accepted', sid: 'SM1', status: 'queued' }],
    [201, '{"sid":5}', { kind: 'uncertain', reason: 'Twilio answered without a message SID' }],
    [200, 'garbage', { kind: 'uncertain', reason: 'Twilio answered without a message SID' }],
    [202, '{"sid":"SM1"}', { kind: 'rejected', reason: 'Twilio answered HTTP 202', code: undefined }],
    [429, '{"code":20429}', { kind: 'retry', reason: 'Twilio is throttling requests: too many at once (Twilio 20429)', code: 20429 }],
    [503, '', { kind: 'retry', reason: 'Twilio answered HTTP 503', code: undefined }],
    [500, '{"code":20500,"message":"Internal"}', { kind: 'uncertain', reason: 'Internal (Twilio 20500)' }],
    [502, '', { kind: 'uncertain', reason: 'Twilio answered HTTP 502' }],
    [499, '', { kind: 'rejected', reason: 'Twilio answered HTTP 499', code: undefined }],
    [
      400,
      '{"code":21610,"message":"x"}',
      { kind: 'rejected', reason: 'the attendee has unsubscribed (replied STOP) (Twilio 21610)', code: 21610 },
    ],
    [401, '{"code":"20003"}', { kind: 'rejected', reason: 'Twilio answered HTTP 401', code: undefined }],
  ])('sendOutcome(%i, %s)', (status, body, expected) => {
    expect(sendOutcome(status, body)).toEqual(expected);
  });

  // The wording a host reads for each code (https://www.twilio.com/docs/api/errors).
  it.each([
    [20003, 'Twilio rejected the credentials: check the Account SID and auth token (or API key)'],
    [20404, 'Twilio does not know this resource: check the Account SID, or it was deleted'],
    [20429, 'Twilio is throttling requests: too many at once'],
    [21211, 'the phone number is not valid'],
    [21408, 'sending to this country is not enabled in the Twilio account (Geo permissions)'],
    [21602, 'the message had no text'],
    [21610, 'the attendee has unsubscribed (replied STOP)'],
    [21614, 'the number cannot receive this kind of message'],
    [21617, 'the message is too long'],
    [21656, 'the template variables are invalid'],
    [21910, 'the WhatsApp sender and the attendee number do not match (From/To pair)'],
    [63003, 'the number is not on WhatsApp, or the channel could not reach it'],
    [
      63005,
      'WhatsApp did not accept the message content (for a template: a variable with a line break, tab or long run of spaces, or a body over 1,024 characters)',
    ],
    [63016, 'WhatsApp needs an approved template outside the 24-hour window'],
    [63024, 'the attendee must first accept WhatsApp messages from this business (invalid message recipient)'],
    [63040, 'WhatsApp rejected this template (the health check shows why): delete it in Twilio and run Create WhatsApp templates again'],
    [63032, 'the message could not be delivered because of the attendee\u2019s WhatsApp settings or region'],
    [30003, 'the phone is unreachable (switched off or out of coverage)'],
    [30004, 'the message was blocked by the recipient or carrier'],
    [30005, 'the number is unknown or no longer exists'],
    [30006, 'the number is a landline or cannot receive messages'],
    [30007, 'the message was filtered as spam by the carrier or WhatsApp'],
    [30008, 'the message could not be delivered for an unknown reason'],
  ])('explainTwilioError(%i)', (code, words) => {
    expect(explainTwilioError(code, 'Twilio text')).toBe(`${words} (Twilio ${code})`);
  });

  it('an unknown code keeps Twilio text, or says it could not send', () => {
    expect(explainTwilioError(12345, 'Twilio text')).toBe('Twilio text (Twilio 12345)');
    expect(explainTwilioError(12345)).toBe('Twilio could not send the message (Twilio 12345)');
  });
});

describe('status order', () => {
  it.each([
    ['accepted', 0],
    ['scheduled', 0],
    ['queued', 0],
    ['sending', 1],
    ['sent', 2],
    ['failed', 3],
    ['undelivered', 3],
    ['delivered', 3],
    ['canceled', 3],
    ['read', 4],
    ['receiving', -1],
    ['', -1],
  ])('statusRank(%s) is %i', (status, rank) => {
    expect(statusRank(status)).toBe(rank);
  });

  it.each([
    ['queued', 'sending', true],
    ['sending', 'sent', true],
    ['sent', 'delivered', true],
    ['delivered', 'read', true],
    ['failed', 'read', true],
    ['queued', 'queued', false],
    ['delivered', 'failed', false],
    ['failed', 'delivered', false],
    ['read', 'delivered', false],
    ['sent', 'queued', false],
    ['', 'queued', true],
    ['queued', 'bogus', false],
  ])('isNewerStatus(%s, %s) is %s', (current, next, expected) => {
    expect(isNewerStatus(current, next)).toBe(expected);
  });

  it.each([
    ['failed', true, false],
    ['undelivered', true, false],
    ['sent', false, true],
    ['delivered', false, true],
    ['read', false, true],
    ['queued', false, false],
    ['canceled', false, false],
  ])('%s: failure %s, success %s', (status, failure, success) => {
    expect(isFailureStatus(status)).toBe(failure);
    expect(isSuccessStatus(status)).toBe(success);
  });
});

describe('an error code with an odd message', () => {
  it.each([
    ['{"code":99999,"message":5}', 'Twilio could not send the message (Twilio 99999)'],
    ['{"code":99999}', 'Twilio could not send the message (Twilio 99999)'],
    ['{"code":99999,"message":""}', 'Twilio could not send the message (Twilio 99999)'],
  ])('sendOutcome(400, %s)', (body, reason) => {
    expect(sendOutcome(400, body)).toEqual({ kind: 'rejected', reason, code: 99999 });
  });
});
