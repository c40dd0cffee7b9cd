// Shared plumbing of the in-memory Apps Script runtime: clock, call counting, daily quotas, "not emulated".

/** Daily limits of a consumer (gmail.com) account, per Google's quota page; tests may set them low. */
export interface Quotas {
  urlFetchCalls: number;
  emailRecipients: number;
  calendarCalls: number;
  triggerRuntimeMinutes: number;
}

export const CONSUMER_QUOTAS: Quotas = {
  urlFetchCalls: 20000,
  emailRecipients: 100,
  calendarCalls: 1_000_000,
  triggerRuntimeMinutes: 90,
};

/** The message Apps Script throws when a daily quota is exhausted (suffix names the service). */
const QUOTA_SERVICE_NAMES: Record<keyof Quotas, string> = {
  urlFetchCalls: 'urlfetch',
  emailRecipients: 'email',
  calendarCalls: 'calendar',
  triggerRuntimeMinutes: 'trigger runtime',
};

export class NotEmulatedError extends Error {
  constructor(what: string) {
    super(`not emulated: ${what}`);
    this.name = 'NotEmulatedError';
  }
}

export function notEmulated(what: string): never {
  throw new NotEmulatedError(what);
}

/** Who runs the current execution, as Session would report it. */
export type CallerKind = 'owner' | 'anonymous';

export class RuntimeCore {
  /** Epoch milliseconds; the sandbox clock. */
  now: number;
  readonly ownerEmail: string;
  timeZone: string;
  caller: CallerKind = 'owner';
  readonly calls: Record<string, number> = {};
  quotas: Quotas;
  readonly quotaUsed: Record<keyof Quotas, number> = {
    urlFetchCalls: 0,
    emailRecipients: 0,
    calendarCalls: 0,
    triggerRuntimeMinutes: 0,
  };
  private idCounter = 0;

  constructor(options: { now?: number; ownerEmail?: string; timeZone?: string; quotas?: Partial<Quotas> } = {}) {
    this.now = options.now ?? Date.UTC(2026, 0, 5, 8, 0, 0);
    this.ownerEmail = options.ownerEmail ?? 'host@example.com';
    this.timeZone = options.timeZone ?? 'Europe/Berlin';
    this.quotas = { ...CONSUMER_QUOTAS, ...options.quotas };
  }

  /** Records one service call, e.g. count('Calendar.Events.list'). */
  count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  /** Uses `amount` of a daily quota, throwing Apps Script's own message when it runs out. */
  consume(quota: keyof Quotas, amount = 1): void {
    if (this.quotaUsed[quota] + amount > this.quotas[quota]) {
      throw new Error(`Service invoked too many times for one day: ${QUOTA_SERVICE_NAMES[quota]}.`);
    }
    this.quotaUsed[quota] += amount;
  }

  resetCalls(): void {
    for (const key of Object.keys(this.calls)) delete this.calls[key];
  }

  /** A deterministic-per-runtime unique suffix, for ids that must differ within one run. */
  nextId(): number {
    this.idCounter += 1;
    return this.idCounter;
  }
}

/** A synchronous HTTP exchange, as UrlFetchApp performs it (the fake Twilio answers in-process). */
export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body as sent: form-encoded or JSON text, or '' for none. */
  payload: string;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** Routes one request; throws an Error whose message mimics Apps Script's for network failures. */
export type HttpHandler = (request: HttpRequest) => HttpResponse;
