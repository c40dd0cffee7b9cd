// HTTP through UrlFetchApp: batches with fetchAll, network errors and quota turned into values.
import { errorMessage } from '../domain/errors';
import type { HttpCall } from '../domain/twilio';

export type HttpResult = { status: number; body: string } | { error: string };

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
    return { error: errorMessage(error) };
  }
}

/**
 * fetchAll is one round trip for many requests, but one network error fails the whole batch;
 * then each request is tried alone so the others still go out.
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
  } catch {
    return calls.map(fetchOne);
  }
}

export function fetchJson(call: HttpCall): HttpResult {
  return fetchOne(call);
}
