// UrlFetchApp emulation: requests as Apps Script builds them, HTTP errors, network failures, quota, fetchAll.
import type { HttpRequest } from '../../dev/runtime/index';
import { setup } from './helpers';

describe('UrlFetchApp', () => {
  it("sends an object payload form-encoded with the script's headers", () => {
    const seen: HttpRequest[] = [];
    const { runtime, g } = setup({
      http: (r) => {
        seen.push(r);
        return { status: 201, headers: { 'Content-Type': 'application/json' }, body: '{"sid":"SM1"}' };
      },
    });
    const response = g.UrlFetchApp.fetch('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json', {
      method: 'post',
      payload: { To: 'whatsapp:+4915123456789', Body: 'Hi & bye' },
      headers: { Authorization: 'Basic QUMxOnRva2Vu' },
    });
    expect(seen[0]).toEqual({
      url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json',
      method: 'POST',
      headers: { Authorization: 'Basic QUMxOnRva2Vu', 'Content-Type': 'application/x-www-form-urlencoded' },
      payload: 'To=whatsapp%3A%2B4915123456789&Body=Hi%20%26%20bye',
    });
    expect(new URLSearchParams(seen[0].payload).get('Body')).toBe('Hi & bye');
    expect(response.getResponseCode()).toBe(201);
    expect(JSON.parse(response.getContentText())).toEqual({ sid: 'SM1' });
    expect(response.getHeaders()).toEqual({ 'Content-Type': 'application/json' });
    expect(response.getBlob().getContentType()).toBe('application/json');
    expect(runtime.core.calls['UrlFetchApp.fetch']).toBe(1);
    expect(runtime.core.quotaUsed.urlFetchCalls).toBe(1);
  });

  it('defaults to GET and honours contentType for string payloads', () => {
    const seen: HttpRequest[] = [];
    const { g } = setup({
      http: (r) => {
        seen.push(r);
        return { status: 200, body: '' };
      },
    });
    g.UrlFetchApp.fetch('https://example.com/a');
    g.UrlFetchApp.fetch('https://example.com/b', {
      method: 'PATCH' as GoogleAppsScript.URL_Fetch.HttpMethod,
      contentType: 'application/json',
      payload: '{}',
    });
    expect(seen.map((r) => [r.method, r.headers['Content-Type'], r.payload])).toEqual([
      ['GET', undefined, ''],
      ['PATCH', 'application/json', '{}'],
    ]);
  });

  it('throws for HTTP errors unless muteHttpExceptions is set', () => {
    const body = '{"code": 21211, "message": "Invalid \'To\' Phone Number", "status": 400}';
    const { g } = setup({ http: () => ({ status: 400, body }) });
    expect(() =>
      g.UrlFetchApp.fetch('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json', { method: 'post', payload: 'x=1' }),
    ).toThrow(
      `Request failed for https://api.twilio.com returned code 400. Truncated server response: ${body} (use muteHttpExceptions option to examine full response)`,
    );
    const muted = g.UrlFetchApp.fetch('https://api.twilio.com/x', { muteHttpExceptions: true });
    expect(muted.getResponseCode()).toBe(400);
    expect(muted.getContentText()).toBe(body);
  });

  it('passes network failures through with their message', () => {
    const { g } = setup({
      http: (r) => {
        throw new Error(`Address unavailable: ${r.url}`);
      },
    });
    expect(() => g.UrlFetchApp.fetch('https://api.twilio.com/x', { muteHttpExceptions: true })).toThrow(
      'Address unavailable: https://api.twilio.com/x',
    );
  });

  it("stops with Apps Script's message when the daily quota runs out", () => {
    const { runtime, g } = setup({ quotas: { urlFetchCalls: 2 }, http: () => ({ status: 200, body: 'ok' }) });
    g.UrlFetchApp.fetch('https://example.com');
    g.UrlFetchApp.fetch('https://example.com');
    expect(() => g.UrlFetchApp.fetch('https://example.com')).toThrow('Service invoked too many times for one day: urlfetch.');
    expect(runtime.urlFetch.requests).toHaveLength(2);
  });

  it('fetchAll counts once and charges each request', () => {
    const { runtime, g } = setup({ http: (r) => ({ status: 200, body: r.url }) });
    const responses = g.UrlFetchApp.fetchAll(['https://example.com/1', { url: 'https://example.com/2', method: 'post', payload: 'a=1' }]);
    expect(responses.map((r) => r.getContentText())).toEqual(['https://example.com/1', 'https://example.com/2']);
    expect(runtime.core.calls['UrlFetchApp.fetchAll']).toBe(1);
    expect(runtime.core.calls['UrlFetchApp.fetch']).toBeUndefined();
    expect(runtime.core.quotaUsed.urlFetchCalls).toBe(2);
  });

  it('follows redirects unless told not to', () => {
    const { g } = setup({
      http: (r) =>
        r.url.endsWith('/old') ? { status: 302, headers: { Location: '/new' }, body: '' } : { status: 200, body: `at ${r.url}` },
    });
    expect(g.UrlFetchApp.fetch('https://example.com/old').getContentText()).toBe('at https://example.com/new');
    expect(g.UrlFetchApp.fetch('https://example.com/old', { followRedirects: false }).getResponseCode()).toBe(302);
  });

  it('rejects URLs that are not http(s)', () => {
    const { g } = setup({ http: () => ({ status: 200, body: '' }) });
    expect(() => g.UrlFetchApp.fetch('ftp://example.com')).toThrow('Invalid argument: ftp://example.com');
  });
});
