// HTTP through UrlFetchApp: batches with fetchAll, network errors and quota turned into values.
import { errorMessage } from '../domain/errors';
import type { HttpCall } from '../domain/twilio';

/**
 * An answer, or an error with whether the request may still have reached the far side: a
 * timeout may have been processed, and a failed fetchAll gives no answer for any of its requests.
 */
export type HttpResult = { status: number; body: string } | { error: string; maybeSent: boolean };

/** Errors Apps Script throws before a request leaves: the daily quota, a malformed request. */
const NOT_SENT = /too many times|Invalid argument|Limit Exceeded/i;

/** UrlFetch calls made in this execution, so the sync can keep a day's estimate against the quota. */
let callsThisExecution = 0;

export function takeFetchCount(): number {
  const count = callsThisExecution;
  callsThisExecution = 0;
  return count;
}

function request(call: HttpCall): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const options: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: call.url,
    method: call.method,
    headers: call.headers,
    muteHttpExceptions: true,
    followRedirects: true,
  };
  if (call.payload) options.payload = call.payload;
  if (call.json !== undefined) {
    options.contentType = 'application/json';
    options.payload = JSON.stringify(call.json);
  }
  return options;
}

function fetchOne(call: HttpCall): HttpResult {
  callsThisExecution++;
  try {
    const { url, ...params } = request(call);
    const response = UrlFetchApp.fetch(url, params);
    return { status: response.getResponseCode(), body: response.getContentText() };
  } catch (error) {
    const message = errorMessage(error);
    return { error: message, maybeSent: !NOT_SENT.test(message) };
  }
}

/**
 * fetchAll is one round trip for many requests, but when one of them fails at the network level
 * (or the quota runs out in the middle) the whole call throws and no answer comes back, although
 * the others went out. Every request of that batch is then reported as possibly sent: a create
 * must be looked up at Twilio before it is sent again, never simply repeated.
 */
export function fetchAll(calls: HttpCall[]): HttpResult[] {
  if (calls.length === 0) return [];
  if (calls.length === 1) return [fetchOne(calls[0])];
  try {
    callsThisExecution += calls.length;
    return UrlFetchApp.fetchAll(calls.map(request)).map((response) => ({
      status: response.getResponseCode(),
      body: response.getContentText(),
    }));
  } catch (error) {
    const message = errorMessage(error);
    return calls.map(() => ({ error: `${message} (one request of a batch failed; none was answered)`, maybeSent: true }));
  }
}

/** Requests per fetchAll: Twilio accepts many parallel requests; 20 keep one batch well inside a web request and a failed batch small. */
export const FETCH_BATCH = 20;

/** Every call, FETCH_BATCH to a fetchAll; answers in the calls' order. */
export function fetchInBatches(calls: HttpCall[]): HttpResult[] {
  const results: HttpResult[] = [];
  for (let i = 0; i < calls.length; i += FETCH_BATCH) results.push(...fetchAll(calls.slice(i, i + FETCH_BATCH)));
  return results;
}

export function fetchJson(call: HttpCall): HttpResult {
  return fetchOne(call);
}
