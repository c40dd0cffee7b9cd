// UrlFetchApp: synchronous HTTP through an injectable handler, with Apps Script's payload encoding, errors and quota.
import { errorMessage } from '../../src/domain/errors';
import { type HttpHandler, type HttpRequest, type HttpResponse, type RuntimeCore, notEmulated } from './core';
import { expose, unwrap } from './expose';
import { Blob, makeBlob, toSignedBytes } from './utilities';

const METHODS = ['get', 'delete', 'patch', 'post', 'put'];
const REDIRECTS = [301, 302, 303, 307, 308];
export const URL_LENGTH_LIMIT = 2 * 1024;
/** How much of an error response Apps Script quotes in "Truncated server response". */
export const TRUNCATED_RESPONSE_CHARS = 200;

interface FetchParams {
  method?: unknown;
  payload?: unknown;
  contentType?: unknown;
  headers?: unknown;
  muteHttpExceptions?: unknown;
  followRedirects?: unknown;
  validateHttpsCertificates?: unknown;
  escaping?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/**
 * Apps Script sends an object payload as an HTML form: application/x-www-form-urlencoded, UTF-8.
 * Apps Script strings become Java strings, and Java's UTF-8 encoder writes an unpaired surrogate as "?"
 * (String.getBytes: malformed input is replaced with the charset's replacement,
 * https://docs.oracle.com/javase/8/docs/api/java/lang/String.html#getBytes-java.nio.charset.Charset-),
 * so a lone surrogate reaches the far side as a question mark, never as an error.
 */
export function formEncode(values: Record<string, unknown>): string {
  const encode = (text: string): string => encodeURIComponent(text.replace(LONE_SURROGATE, '?'));
  return Object.entries(values)
    .map(([key, value]) => {
      if (unwrap(value) instanceof Blob) return notEmulated('UrlFetchApp multipart payload (a Blob in the payload object)');
      return `${encode(key)}=${encode(value === null || value === undefined ? '' : String(value))}`;
    })
    .join('&');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase());
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** The request UrlFetchApp would send for (url, params). */
export function buildRequest(
  url: unknown,
  params: FetchParams = {},
): HttpRequest & { muteHttpExceptions: boolean; followRedirects: boolean } {
  if (typeof url !== 'string' || !/^https?:\/\/[^/?#\s]+/i.test(url)) throw new Error(`Invalid argument: ${String(url)}`);
  if (url.length > URL_LENGTH_LIMIT) throw new Error('Limit Exceeded: URLFetch URL Length.');
  try {
    new URL(url);
  } catch {
    throw new Error(`Invalid argument: ${url}`);
  }
  if (params.escaping === false) notEmulated('UrlFetchApp escaping: false');
  const method = String(params.method ?? 'get').toLowerCase();
  if (!METHODS.includes(method)) throw new Error(`Invalid argument: method (${String(params.method)})`);

  const headers: Record<string, string> = {};
  if (isPlainObject(params.headers)) {
    for (const [key, value] of Object.entries(params.headers)) headers[key] = String(value);
  }

  let payload = '';
  let blobType: string | null = null;
  const raw = unwrap(params.payload);
  if (raw === undefined || raw === null) payload = '';
  else if (typeof raw === 'string') payload = raw;
  else if (raw instanceof Blob) {
    payload = raw.getDataAsString();
    blobType = raw.getContentType();
  } else if (Array.isArray(raw) || ArrayBuffer.isView(raw)) {
    payload = Buffer.from(Array.from(raw as ArrayLike<number>, (b) => Number(b) & 0xff)).toString('utf8');
  } else if (isPlainObject(raw)) payload = formEncode(raw);
  else payload = String(raw);

  const contentType = params.contentType !== undefined && params.contentType !== null ? String(params.contentType) : blobType;
  if (contentType) {
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-type') delete headers[key];
    headers['Content-Type'] = contentType;
  } else if (payload !== '' && !hasHeader(headers, 'content-type')) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }

  return {
    url,
    method: method.toUpperCase(),
    headers,
    payload,
    muteHttpExceptions: Boolean(params.muteHttpExceptions),
    followRedirects: params.followRedirects === undefined ? true : Boolean(params.followRedirects),
  };
}

export class HTTPResponse {
  constructor(
    private readonly core: RuntimeCore,
    private readonly response: HttpResponse,
  ) {}

  getResponseCode(): number {
    return this.response.status;
  }

  getContentText(charset?: string): string {
    if (charset !== undefined && !/^utf-?8$/i.test(String(charset))) {
      return Buffer.from(this.response.body, 'utf8').toString('latin1');
    }
    return this.response.body;
  }

  getContent(): number[] {
    return toSignedBytes(Buffer.from(this.response.body, 'utf8'));
  }

  getHeaders(): Record<string, string> {
    return { ...(this.response.headers ?? {}) };
  }

  getAllHeaders(): Record<string, string> {
    return { ...(this.response.headers ?? {}) };
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    const type = headerValue(this.response.headers, 'content-type') ?? null;
    return makeBlob(this.core, Buffer.from(this.response.body, 'utf8'), type, null);
  }
}

export class UrlFetchEmulation {
  /** Every request sent, in order (after redirects, the last hop's request is not repeated here). */
  readonly requests: HttpRequest[] = [];
  handler: HttpHandler;

  constructor(
    private readonly core: RuntimeCore,
    handler?: HttpHandler,
  ) {
    this.handler =
      handler ??
      ((request) => {
        throw new Error(`Address unavailable: ${request.url}`);
      });
  }

  private exchange(request: HttpRequest): HttpResponse {
    this.requests.push(request);
    try {
      return this.handler(request);
    } catch (error) {
      throw new Error(errorMessage(error));
    }
  }

  /** One UrlFetchApp request: quota, handler, redirects, and the exception for HTTP errors. */
  fetchOne(url: unknown, params?: FetchParams): GoogleAppsScript.URL_Fetch.HTTPResponse {
    const built = buildRequest(url, params ?? {});
    this.core.consume('urlFetchCalls');
    return this.respond(built, this.send(built));
  }

  /** Sends a built request and follows redirects; throws the network error Apps Script would. */
  private send(built: ReturnType<typeof buildRequest>): { request: HttpRequest; response: HttpResponse } {
    let request: HttpRequest = { url: built.url, method: built.method, headers: built.headers, payload: built.payload };
    let response = this.exchange(request);
    for (let hop = 0; built.followRedirects && REDIRECTS.includes(response.status) && hop < 10; hop += 1) {
      const location = headerValue(response.headers, 'location');
      if (!location) break;
      const next = new URL(location, request.url).toString();
      const keepBody = response.status === 307 || response.status === 308;
      request = keepBody
        ? { ...request, url: next }
        : {
            url: next,
            method: 'GET',
            headers: Object.fromEntries(Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== 'content-type')),
            payload: '',
          };
      response = this.exchange(request);
    }
    return { request, response };
  }

  private respond(
    built: ReturnType<typeof buildRequest>,
    { request, response }: { request: HttpRequest; response: HttpResponse },
  ): GoogleAppsScript.URL_Fetch.HTTPResponse {
    if (response.status >= 400 && !built.muteHttpExceptions) {
      const parsed = new URL(request.url);
      const body =
        response.body.length > TRUNCATED_RESPONSE_CHARS ? `${response.body.slice(0, TRUNCATED_RESPONSE_CHARS)}...` : response.body;
      throw new Error(
        `Request failed for ${parsed.protocol}//${parsed.host} returned code ${response.status}. Truncated server response: ${body} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return expose(this.core, new HTTPResponse(this.core, response), 'HTTPResponse') as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
  }

  /**
   * fetchAll: "Makes multiple requests to fetch multiple URLs … in parallel"
   * (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetchAll(Object)).
   * Every request goes out; when one of them fails at the network level (timeout, DNS) the call
   * throws and no response comes back, not even for the requests the far side accepted. The daily
   * quota is taken per request: running out in the middle of a batch sends the requests before it,
   * then throws the same way (https://developers.google.com/apps-script/guides/services/quotas).
   */
  fetchMany(requests: unknown[]): GoogleAppsScript.URL_Fetch.HTTPResponse[] {
    if (!Array.isArray(requests)) throw new Error('Invalid argument: requests');
    const built = requests.map((item) => {
      if (typeof item === 'string') return buildRequest(item, {});
      const { url, ...params } = (item ?? {}) as FetchParams & { url?: unknown };
      return buildRequest(url, params);
    });
    const exchanges: Array<{ request: HttpRequest; response: HttpResponse }> = [];
    let failure: Error | null = null;
    for (const request of built) {
      try {
        this.core.consume('urlFetchCalls');
      } catch (error) {
        failure ??= error as Error;
        break;
      }
      try {
        exchanges.push(this.send(request));
      } catch (error) {
        failure ??= error as Error;
      }
    }
    if (failure) throw failure;
    return exchanges.map((exchange, index) => this.respond(built[index], exchange));
  }

  service(): GoogleAppsScript.URL_Fetch.UrlFetchApp {
    const service = {
      fetch: (url: unknown, params?: FetchParams) => this.fetchOne(url, params),
      fetchAll: (requests: unknown[]) => this.fetchMany(requests),
      getRequest: (url: unknown, params?: FetchParams) => {
        const built = buildRequest(url, params ?? {});
        return {
          url: built.url,
          method: built.method.toLowerCase(),
          headers: built.headers,
          payload: built.payload,
          contentType: headerValue(built.headers, 'content-type') ?? null,
          followRedirects: built.followRedirects,
          muteHttpExceptions: built.muteHttpExceptions,
          validateHttpsCertificates: params?.validateHttpsCertificates === undefined ? true : Boolean(params.validateHttpsCertificates),
        };
      },
    };
    return expose(this.core, service, 'UrlFetchApp') as unknown as GoogleAppsScript.URL_Fetch.UrlFetchApp;
  }
}
