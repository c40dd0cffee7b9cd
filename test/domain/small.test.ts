// Tests of the small pure pieces: base64, tokens, the description block, the HTML tag, Twilio outcomes.
import { base64FromBytes, base64FromText, base64UrlFromBytes } from '../../src/domain/base64';
import { hostText, withDeliveryBlock } from '../../src/domain/description';
import { createMessageCall, explainTwilioError, isNewerStatus, sendOutcome } from '../../src/domain/twilio';
import { constantTimeEqual, looksLikeToken, tokenFromMac } from '../../src/domain/tokens';
import { escapeHtml, SafeHtml } from '../../src/domain/html';
import { html, jsonForScript } from '../../src/web/html';
import { createHmac } from 'node:crypto';

describe('base64', () => {
  it('matches Node for bytes, signed bytes and UTF-8 text', () => {
    for (const text of ['', 'f', 'fo', 'foo', 'AC123:secret', 'München 東京 🎉']) {
      expect(base64FromText(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    }
    const bytes = Array.from({ length: 256 }, (_, i) => i);
    const signed = bytes.map((b) => (b > 127 ? b - 256 : b));
    expect(base64FromBytes(signed)).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64UrlFromBytes(signed)).toBe(Buffer.from(bytes).toString('base64url'));
  });
});

describe('tokens', () => {
  it('takes 96 bits of the MAC as 16 url-safe characters', () => {
    const mac = Array.from(createHmac('sha256', 'key').update('link:v1:ev|+49').digest()).map((b) => (b > 127 ? b - 256 : b));
    const token = tokenFromMac(mac);
    expect(token).toHaveLength(16);
    expect(looksLikeToken(token)).toBe(true);
    expect(token).toBe(createHmac('sha256', 'key').update('link:v1:ev|+49').digest().subarray(0, 12).toString('base64url'));
  });

  it('compares in constant time and rejects near misses', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
    expect(looksLikeToken('short')).toBe(false);
    expect(looksLikeToken('<script>aaaaaaaaa')).toBe(false);
  });
});

describe('delivery block in the description', () => {
  it('adds, replaces and removes only its own block', () => {
    const host = 'Bring the X-ray.\n\nParking at the back.';
    const once = withDeliveryBlock(host, ['+49…: not delivered']);
    expect(once.startsWith(host)).toBe(true);
    const twice = withDeliveryBlock(once, ['+49…: still not delivered']);
    expect(twice).not.toContain(': not delivered');
    expect(twice.match(/WhatsApp delivery ---/g)).toHaveLength(2);
    expect(withDeliveryBlock(twice, [])).toBe(host);
    expect(hostText(twice)).toBe(host);
    expect(withDeliveryBlock('', ['x'])).toMatch(/^--- WhatsApp delivery ---\nx\n/);
    expect(withDeliveryBlock(undefined, [])).toBe('');
  });
});

describe('html tag', () => {
  it('escapes interpolations and keeps nested html', () => {
    const name = '<img src=x onerror=alert(1)>"\'`&';
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;</p>');
    expect(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
    expect(jsonForScript({ t: '</script><script>alert(1)</script>' }).value).not.toContain('</script>');
  });

  it.each<[string, unknown, string]>([
    ['false', false, '<i></i>'],
    ['null', null, '<i></i>'],
    ['undefined', undefined, '<i></i>'],
    ['true', true, '<i>true</i>'],
    ['0', 0, '<i>0</i>'],
    ['an empty text', '', '<i></i>'],
    ['a list with false in it', ['a', false, 'b'], '<i>ab</i>'],
  ])('renders %s as %j', (_, value, expected) => {
    expect(html`<i>${value}</i>`.value).toBe(expected);
  });
});

describe('Twilio wire format', () => {
  const credentials = { accountSid: 'AC00000000000000000000000000000001', username: 'AC00000000000000000000000000000001', password: 'pw' };

  it('builds a text message and a template message', () => {
    const text = createMessageCall(credentials, {
      to: '+4915123456789',
      from: 'whatsapp:+14155238886',
      body: 'Hi',
      statusCallback: 'https://x/exec?hook=twilio',
    });
    expect(text.payload).toEqual({
      To: 'whatsapp:+4915123456789',
      From: 'whatsapp:+14155238886',
      Body: 'Hi',
      StatusCallback: 'https://x/exec?hook=twilio',
    });
    expect(text.headers.Authorization).toBe(`Basic ${Buffer.from(`${credentials.username}:pw`).toString('base64')}`);
    const template = createMessageCall(credentials, {
      to: '+4915123456789',
      messagingServiceSid: 'MG00000000000000000000000000000001',
      contentSid: 'HX00000000000000000000000000000001',
      contentVariables: { '1': 'a' },
    });
    expect(template.payload).toEqual({
      To: 'whatsapp:+4915123456789',
      MessagingServiceSid: 'MG00000000000000000000000000000001',
      ContentSid: 'HX00000000000000000000000000000001',
      ContentVariables: '{"1":"a"}',
    });
  });

  it('classifies answers: retry, uncertain, rejected, accepted', () => {
    expect(sendOutcome(201, '{"sid":"SMabc","status":"queued"}')).toEqual({ kind: 'accepted', sid: 'SMabc', status: 'queued' });
    expect(sendOutcome(429, '{"code":20429}').kind).toBe('retry');
    expect(sendOutcome(503, '').kind).toBe('retry');
    expect(sendOutcome(500, '{"code":20500}').kind).toBe('uncertain');
    const rejected = sendOutcome(400, '{"code":21211,"message":"Invalid \'To\' Phone Number"}');
    expect(rejected).toEqual({ kind: 'rejected', code: 21211, reason: 'the phone number is not valid (Twilio 21211)' });
    expect(explainTwilioError(63016)).toContain('24-hour window');
    expect(explainTwilioError(99999, 'Some text')).toBe('Some text (Twilio 99999)');
  });

  it('never moves a status backwards', () => {
    expect(isNewerStatus('queued', 'sent')).toBe(true);
    expect(isNewerStatus('delivered', 'sent')).toBe(false);
    expect(isNewerStatus('delivered', 'delivered')).toBe(false);
    expect(isNewerStatus('delivered', 'read')).toBe(true);
    expect(isNewerStatus('failed', 'sent')).toBe(false);
    expect(isNewerStatus('sent', 'undelivered')).toBe(true);
  });
});

describe('html tag, one value kind at a time', () => {
  it.each([
    ['a string', '&<>"\'`', '[&amp;&lt;&gt;&quot;&#39;&#96;]'],
    ['a number', 0, '[0]'],
    ['true', true, '[true]'],
    ['false', false, '[]'],
    ['null', null, '[]'],
    ['undefined', undefined, '[]'],
    ['an array of strings', ['<a>', 'b'], '[&lt;a&gt;b]'],
    [
      'a nested array',
      [
        ['x', null],
        [false, 1],
      ],
      '[x1]',
    ],
    ['SafeHtml', new SafeHtml('<b>'), '[<b>]'],
  ])('%s', (_, value, expected) => {
    expect(html`[${value}]`.value).toBe(expected);
    expect(String(html`[${value}]`)).toBe(expected);
  });

  it('joins many values with the text between them', () => {
    expect(html`a${1}b${2}c${3}d`.value).toBe('a1b2c3d');
    expect(html`plain`.value).toBe('plain');
  });

  it('escapeHtml of nothing is empty, every special character replaced', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml('a&&b<<')).toBe('a&amp;&amp;b&lt;&lt;');
  });

  it('jsonForScript escapes each dangerous character, everywhere', () => {
    expect(jsonForScript('<</a>>&&\u2028\u2028\u2029\u2029').value).toBe(
      '"\\u003c\\u003c/a\\u003e\\u003e\\u0026\\u0026\\u2028\\u2028\\u2029\\u2029"',
    );
    expect(jsonForScript(undefined).value).toBe('null');
    expect(jsonForScript(0).value).toBe('0');
  });
});

describe('UTF-8 at each boundary of the byte count', () => {
  it.each(['\u007f', '\u0080', '\u07ff', '\u0800', '\uffff', '\u{10000}', '\u{10ffff}'])('%j', (text) => {
    expect(base64FromText(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });
});
