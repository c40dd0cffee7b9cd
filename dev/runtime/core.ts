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

/**
 * Apps Script runs at most 30 executions of one user at a time ("Simultaneous executions per user",
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations); a web-app
 * request beyond that fails before the script starts, so a Twilio callback that meets it is lost.
 */
export const SIMULTANEOUS_EXECUTIONS = 30;
export const TOO_MANY_EXECUTIONS_MESSAGE = 'There are too many scripts running simultaneously for this Google user account.';

/** Hooks the runtime's services attach to the start and end of an execution (locks, the spreadsheet's write cache). */
export interface ExecutionListener {
  /** A new execution starts while `outer` (the one below it) is suspended, or null when it is the only one. */
  begin?(execution: number, outer: number | null): void;
  /** The execution ended; `outer` resumes (null when none). */
  end?(execution: number, outer: number | null): void;
}

/**
 * Who runs the current execution, as Session would report it: the owner, an anonymous web-app
 * visitor, or another editor of the bound spreadsheet running a menu item or the sidebar (the
 * script then runs under that editor's own authorization).
 */
export type CallerKind = 'owner' | 'anonymous' | 'editor';

/** The other editor of the bound spreadsheet the sandbox knows. */
export const EDITOR_EMAIL = 'editor@example.com';

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
  /**
   * Executions in progress, innermost last. The base entry stands for code that runs outside any
   * execution the sandbox started (jest tests calling the globals directly). An execution started
   * while another one runs is an interleaved one: the outer one is suspended until it ends, as a
   * status callback runs in Apps Script while a sync holds the lock.
   */
  readonly executions: number[] = [1];
  private executionCounter = 1;
  /** Executions started since the runtime was made (the bench counts them). */
  startedExecutions = 0;
  /** Executions of the same user running elsewhere (the test can fill the 30 slots). */
  otherExecutions = 0;
  readonly executionListeners: ExecutionListener[] = [];
  /** Called after a script-facing call of that name returns: the sandbox interleaves other executions there. */
  private readonly interleavers = new Map<string, Array<() => void>>();
  private interleaving = false;
  /** Called before each script-facing method runs (the spreadsheet marks the sheets a call writes). */
  beforeCall?: (className: string, method: string, target: object) => void;

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

  get execution(): number {
    return this.executions[this.executions.length - 1];
  }

  /** Executions started and not ended (the base entry is not one). */
  get runningExecutions(): number {
    return this.executions.length - 1 + this.otherExecutions;
  }

  /** Starts an execution on top of the running ones; throws Apps Script's message when all slots are taken. */
  beginExecution(): number {
    if (this.runningExecutions >= SIMULTANEOUS_EXECUTIONS) throw new Error(TOO_MANY_EXECUTIONS_MESSAGE);
    const outer = this.executions.length > 1 ? this.execution : null;
    this.executionCounter += 1;
    this.startedExecutions += 1;
    const id = this.executionCounter;
    this.executions.push(id);
    for (const listener of this.executionListeners) listener.begin?.(id, outer);
    return id;
  }

  /** Ends the innermost execution (or, outside any, the base one: the next call is a new execution). */
  endExecution(): void {
    const id = this.execution;
    if (this.executions.length > 1) this.executions.pop();
    else {
      this.executionCounter += 1;
      this.executions[0] = this.executionCounter;
    }
    const outer = this.executions.length > 1 ? this.execution : null;
    for (const listener of this.executionListeners) listener.end?.(id, outer);
  }

  /** Runs `action` right after the next `times` script calls of `name` (e.g. 'UrlFetchApp.fetchAll') return. */
  interleave(name: string, action: () => void, times = 1): void {
    const list = this.interleavers.get(name) ?? [];
    for (let i = 0; i < times; i++) list.push(action);
    this.interleavers.set(name, list);
  }

  clearInterleavings(): void {
    this.interleavers.clear();
  }

  /** After a script-facing call returns: the interleaved executions due at that point run now. */
  afterCall(name: string): void {
    if (this.interleaving) return;
    const list = this.interleavers.get(name);
    const action = list?.shift();
    if (!action) return;
    if (list && list.length === 0) this.interleavers.delete(name);
    this.interleaving = true;
    try {
      action();
    } finally {
      this.interleaving = false;
    }
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
