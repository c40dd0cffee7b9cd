// The offline sandbox: the real dist/Code.js in a node:vm context, on the in-memory Apps Script runtime and the fake Twilio.
import { errorDetail, errorMessage } from '../src/domain/errors';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { AppsScriptRuntime } from './runtime/index';
import { describeHtmlOutput } from './runtime/html';
import { describeTextOutput } from './runtime/content';
import { timeDrivenEvent } from './runtime/script';
import { notEmulated, type HttpRequest, type HttpResponse, type Quotas } from './runtime/core';
import type { DialogRecord, MenuRecord } from './runtime/spreadsheet';
import { copyAcross } from './script-run';
import { FakeTwilio, encodeForm, parseForm } from './twilio/fake-twilio';

export const SANDBOX_ACCOUNT_SID = 'AC00000000000000000000000000000001';
export const SANDBOX_AUTH_TOKEN = 'sandbox-auth-token-0000000000000001';
export const SANDBOX_WHATSAPP_FROM = 'whatsapp:+14155238886';
/** A production WhatsApp sender the fake account owns (listed by the Senders API): templates or open sessions only. */
export const SANDBOX_PRODUCTION_SENDER = 'whatsapp:+4930901820';
export const SANDBOX_OWNER = 'host@example.com';
export const SANDBOX_HOST_NAME = 'Alex Morgan';

export interface SandboxOptions {
  /** Where the sandbox is served; the web app lives at `${baseUrl}/exec`. */
  baseUrl?: string;
  now?: number;
  timeZone?: string;
  bundlePath?: string;
  quotas?: Partial<Quotas>;
  /** Extra script properties merged over the defaults before setup runs. */
  settings?: Record<string, string>;
  /**
   * Twilio's 24-hour rule for free-text WhatsApp messages (on by default). Twilio's sandbox sender
   * (SANDBOX_WHATSAPP_FROM) counts every attendee number as joined, so the rule bites only once
   * WHATSAPP_FROM is a production sender.
   */
  sessionWindow?: boolean;
  /** WhatsApp senders of the fake account besides Twilio's sandbox number (Senders API, ONLINE). */
  whatsappSenders?: string[];
  /** Skip setup(), to test a fresh install. */
  skipSetup?: boolean;
  /** Approved Content templates the fake Twilio renders (ContentSid -> body with {{1}} …). */
  contentTemplates?: Record<string, string>;
}

export type Caller = 'owner' | 'anonymous' | 'editor';
export type RunResult = { result: unknown } | { error: string };

export interface WebResponse {
  status: number;
  contentType: string;
  body: string;
  title?: string;
  fileName?: string | null;
  metaTags?: { name: string; content: string }[];
}

/** How many times the script's own calendar writes may re-fire the trigger in a row (Google would keep going). */
const MAX_ECHOES = 5;

export function defaultBundlePath(): string {
  return path.resolve(__dirname, '..', 'dist', 'Code.js');
}

function isoNow(ms: number): string {
  return new Date(ms).toISOString();
}

export class Sandbox {
  runtime!: AppsScriptRuntime;
  twilio!: FakeTwilio;
  private context!: vm.Context;
  private bundleCode: string;
  private readonly options: SandboxOptions;
  /** Bumped on every change the UI may want to redraw. */
  version = 0;
  readonly baseUrl: string;
  private depth = 0;
  private reporting = false;
  /** Web requests refused because every execution slot was taken. */
  refusedRequests = 0;

  constructor(options: SandboxOptions = {}) {
    this.options = options;
    this.baseUrl = (options.baseUrl ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
    this.bundleCode = readFileSync(options.bundlePath ?? defaultBundlePath(), 'utf8');
    this.reset();
  }

  get webAppUrl(): string {
    return `${this.baseUrl}/exec`;
  }

  get now(): number {
    return this.runtime.core.now;
  }

  /** Fresh state, configured as after the host's setup: fake Twilio credentials, keys, triggers. */
  reset(overrides: Partial<SandboxOptions> = {}): void {
    const options = { ...this.options, ...overrides };
    if (overrides.bundlePath) this.bundleCode = readFileSync(overrides.bundlePath, 'utf8');
    this.runtime = new AppsScriptRuntime({
      now: options.now ?? Date.UTC(2026, 0, 5, 8, 0, 0),
      ownerEmail: SANDBOX_OWNER,
      timeZone: options.timeZone ?? 'Europe/Berlin',
      webAppUrl: this.webAppUrl,
      quotas: options.quotas,
      spreadsheetName: 'Appointments (sandbox)',
    });
    this.twilio = new FakeTwilio({
      accountSid: SANDBOX_ACCOUNT_SID,
      authToken: SANDBOX_AUTH_TOKEN,
      now: () => this.runtime.core.now,
      sessionWindow: options.sessionWindow ?? true,
      sandboxSender: { from: SANDBOX_WHATSAPP_FROM, joined: 'all' },
      whatsappSenders: options.whatsappSenders ?? [SANDBOX_PRODUCTION_SENDER],
      contentTemplates: options.contentTemplates,
    });
    this.runtime.setHttpHandler((request) => this.route(request));
    this.context = this.createContext();
    vm.runInContext(this.bundleCode, this.context, { filename: 'Code.js' });
    this.runtime.properties.script.merge({
      TWILIO_ACCOUNT_SID: SANDBOX_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: SANDBOX_AUTH_TOKEN,
      WHATSAPP_FROM: SANDBOX_WHATSAPP_FROM,
      MESSAGE_MODE: 'text',
      DEFAULT_COUNTRY: 'DE',
      HOST_NAME: SANDBOX_HOST_NAME,
      WEB_APP_URL: this.webAppUrl,
      // The sandbox's attendees have German numbers; its tests read English unless they turn the guess on.
      LANGUAGE_BY_COUNTRY: 'off',
      ...(options.settings ?? {}),
    });
    if (!options.skipSetup) {
      const setup = this.run('setup', [], { caller: 'owner' });
      if ('error' in setup) throw new Error(`sandbox setup failed: ${setup.error}`);
    }
    this.runtime.core.resetCalls();
    this.version++;
  }

  /** A bare V8 realm, as Apps Script gives: the service globals and a Date that reads the sandbox clock. */
  private createContext(): vm.Context {
    const globals = this.runtime.globals();
    const context = vm.createContext({ ...globals, __sandboxClock: () => this.runtime.core.now });
    vm.runInContext(
      `(() => {
        const RealDate = Date;
        const clock = __sandboxClock;
        class SandboxDate extends RealDate {
          constructor(...args) { if (args.length === 0) super(clock()); else super(...args); }
          static now() { return clock(); }
        }
        globalThis.Date = SandboxDate;
        delete globalThis.__sandboxClock;
      })();`,
      context,
    );
    // Sheet cells holding dates come back as the script realm's Date, so instanceof works there.
    this.runtime.setScriptDate(vm.runInContext('Date', context) as DateConstructor);
    return context;
  }

  /** UrlFetchApp's only reachable host is the fake Twilio; everything else is offline, as here. */
  private route(request: HttpRequest): HttpResponse {
    if (/^https:\/\/(api|content|messaging)\.twilio\.com\//.test(request.url)) return this.twilio.handle(request);
    if (request.url === this.webAppUrl || request.url.startsWith(`${this.webAppUrl}?`)) return this.fetchWebApp(request);
    throw new Error(`Address unavailable: ${request.url}`);
  }

  /**
   * The script fetching its own web app (the health check): the deployment answers anonymous
   * visitors, so the request runs doGet as an anonymous caller, inside the running execution.
   */
  private fetchWebApp(request: HttpRequest): HttpResponse {
    if (request.method.toUpperCase() !== 'GET') return notEmulated('UrlFetch POST to the web app');
    const fn = this.context.doGet;
    if (typeof fn !== 'function') return { status: 404, headers: {}, body: 'Script function not found: doGet' };
    const query: Record<string, string[]> = {};
    new URL(request.url).searchParams.forEach((value, name) => {
      query[name] = [...(query[name] ?? []), value];
    });
    const caller = this.runtime.core.caller;
    this.runtime.core.caller = 'anonymous';
    try {
      const response = this.describe((fn as (e: unknown) => unknown)(this.webEvent(query)));
      return { status: response.status, headers: { 'Content-Type': response.contentType }, body: response.body };
    } finally {
      this.runtime.core.caller = caller;
    }
  }

  /** One Apps Script execution of a top-level function, then the trigger echoes of its calendar writes. */
  run(name: string, args: unknown[] = [], options: { caller?: Caller } = {}): RunResult {
    const fn = this.context[name];
    if (typeof fn !== 'function' || !/^[A-Za-z_$][\w$]*$/.test(name)) {
      return { error: `Script function not found: ${name}` };
    }
    const before = this.runtime.calendar.version;
    try {
      this.runtime.beginExecution();
    } catch (error) {
      return { error: String((error as Error).message) };
    }
    this.runtime.core.caller = options.caller ?? 'anonymous';
    this.depth++;
    let outcome: RunResult;
    try {
      // Arguments cross as JSON, as google.script.run passes them.
      const passed = JSON.parse(JSON.stringify(args ?? [])) as unknown[];
      outcome = { result: (fn as (...a: unknown[]) => unknown)(...passed) };
    } catch (error) {
      outcome = { error: errorMessage(error) };
    } finally {
      this.runtime.endExecution();
      this.depth--;
      this.version++;
    }
    if (this.depth === 0) this.afterExecution(before);
    return outcome;
  }

  /** What Google and Twilio do once an execution ends: re-fire the calendar trigger, report failures. */
  private afterExecution(calendarVersionBefore: number): void {
    if (this.runtime.calendar.version !== calendarVersionBefore) this.fireEchoes();
    this.reportInjectedFailures();
  }

  /**
   * A fault with only an error code (63016, 63003 …), or free text outside WhatsApp's 24-hour
   * session, lets Twilio accept the message; the failure arrives later as status callbacks, which the
   * sandbox posts as soon as the sending run has ended.
   */
  private reportInjectedFailures(): void {
    if (this.reporting) return;
    this.reporting = true;
    try {
      for (const callback of this.twilio.takeOwedCallbacks()) this.postToWebApp(callback.url, callback.params);
      for (const sid of Object.keys(this.twilio.pendingFailures())) {
        for (const callback of this.twilio.deliver(sid)) this.postToWebApp(callback.url, callback.params);
      }
    } finally {
      this.reporting = false;
    }
  }

  private fireEchoes(): void {
    for (let i = 0; i < MAX_ECHOES; i++) {
      const before = this.runtime.calendar.version;
      this.fireCalendarTrigger();
      if (this.runtime.calendar.version === before) return;
    }
  }

  /** Google's calendar trigger: runs each installed onEventUpdated handler once, with its event object. */
  fireCalendarTrigger(calendarId?: string): void {
    const target = calendarId ?? this.runtime.calendar.primaryId;
    for (const trigger of this.runtime.triggers.list()) {
      if (trigger.kind !== 'calendar') continue;
      const source = trigger.calendarId === 'primary' ? this.runtime.calendar.primaryId : trigger.calendarId;
      if (source !== target) continue;
      // https://developers.google.com/apps-script/guides/triggers/events#google_calendar_events: exactly these three fields.
      this.invokeTrigger(trigger.handlerFunction, { authMode: 'FULL', calendarId: trigger.calendarId, triggerUid: trigger.id });
    }
  }

  private invokeTrigger(handler: string, event: Record<string, unknown>): void {
    const fn = this.context[handler];
    if (typeof fn !== 'function') return;
    const before = this.runtime.calendar.version;
    try {
      this.runtime.beginExecution();
    } catch (error) {
      this.runtime.logs.push(`trigger ${handler} did not start: ${String((error as Error).message)}`);
      return;
    }
    // Installable triggers run as the user who installed them.
    this.runtime.core.caller = 'owner';
    this.depth++;
    try {
      (fn as (e: unknown) => unknown)(event);
    } catch (error) {
      this.runtime.logs.push(`trigger ${handler} failed: ${errorDetail(error)}`);
    } finally {
      this.runtime.endExecution();
      this.depth--;
      this.version++;
    }
    if (this.depth === 0) this.afterExecution(before);
  }

  /** The host opens the bound spreadsheet: the onOpen simple trigger runs with the Spreadsheet as its source. */
  openSpreadsheet(): void {
    const app = this.runtime.globals().SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    this.invokeTrigger('onOpen', { authMode: 'LIMITED', source: app.getActiveSpreadsheet(), user: { email: SANDBOX_OWNER } });
  }

  /** Moves the clock; time-driven triggers due in between fire in order, each at its own time. */
  setClock(target: number): void {
    if (target < this.runtime.core.now) {
      this.runtime.core.now = target;
      this.version++;
      return;
    }
    for (let guard = 0; guard < 100_000; guard++) {
      const [next] = this.runtime.triggers.due(target);
      if (!next) break;
      this.runtime.core.now = Math.max(this.runtime.core.now, next.nextRunAt as number);
      this.runtime.triggers.markRan(next.id, next.nextRunAt as number);
      this.invokeTrigger(next.handlerFunction, timeDrivenEvent(this.runtime.core.now, next.id));
    }
    this.runtime.core.now = target;
    this.version++;
  }

  advance(ms: number): void {
    this.setClock(this.runtime.core.now + ms);
  }

  // ---- the spreadsheet's menu, sidebars and dialogs ----

  /** The menus onOpen added, as Sheets shows them. */
  menus(): MenuRecord[] {
    return this.runtime.spreadsheet.menus;
  }

  /** Every sidebar and dialog the script showed, oldest first; the UI shows the newest. */
  dialogs(): DialogRecord[] {
    return this.runtime.spreadsheet.dialogs;
  }

  /** The host clicks a menu item: only what a menu offers can be chosen, and it runs as the owner. */
  chooseMenuItem(functionName: string): RunResult & { dialog?: number } {
    const offered = (items: MenuRecord['items']): boolean =>
      items.some(
        (item) => ('functionName' in item && item.functionName === functionName) || ('subMenu' in item && offered(item.subMenu.items)),
      );
    if (!this.menus().some((menu) => offered(menu.items))) return { error: `No menu item runs ${functionName}` };
    const before = this.dialogs().length;
    const outcome = this.run(functionName, [], { caller: 'owner' });
    return this.dialogs().length > before ? { ...outcome, dialog: this.dialogs().length - 1 } : outcome;
  }

  /** google.script.run from a sidebar or dialog: runs as the host who opened it; the answer is copied as Apps Script copies it. */
  runFromPanel(name: string, args: unknown[]): RunResult {
    const outcome = this.run(name, args, { caller: 'owner' });
    if ('error' in outcome) return outcome;
    const copied = copyAcross(outcome.result);
    return { result: copied.ok ? (copied.value ?? null) : null };
  }

  // ---- calendar changes as the host makes them in Google Calendar ----

  private afterHostChange<T>(change: () => T): T {
    const value = change();
    this.version++;
    this.fireCalendarTrigger();
    return value;
  }

  insertEvents(resources: object[]): object[] {
    return this.afterHostChange(() => resources.map((resource) => this.runtime.calendar.insertEvent('primary', resource)));
  }

  patchEvent(id: string, patch: object): object {
    return this.afterHostChange(() => this.runtime.calendar.patchEvent('primary', id, patch));
  }

  cancelEvent(id: string): object {
    return this.afterHostChange(() => this.runtime.calendar.cancelEvent('primary', id));
  }

  events(): object[] {
    return this.runtime.calendar.listAll(this.runtime.calendar.primaryId);
  }

  /** Single events and the instances of series in a window, in start order (the week view). */
  expandedEvents(fromMs: number, toMs: number): object[] {
    return this.runtime.calendar.listExpanded(this.runtime.calendar.primaryId, fromMs, toMs);
  }

  /** A series' instances (cancelled ones too), as Events.instances lists them. */
  instances(seriesId: string, fromMs?: number, toMs?: number): object[] {
    return this.runtime.calendar.instancesOf('primary', seriesId, fromMs, toMs);
  }

  /** "This and following events" from an instance: the series ends before it and a new series starts there. */
  splitSeries(instanceId: string, patch: object): object[] {
    return this.afterHostChange(() => this.runtime.calendar.splitSeries('primary', instanceId, patch));
  }

  event(id: string): object | undefined {
    return this.runtime.calendar.getEvent('primary', id);
  }

  // ---- the web app ----

  private webEvent(query: Record<string, string[]>, body?: { contents: string; type: string }): Record<string, unknown> {
    const parameters: Record<string, string[]> = { ...query };
    if (body && /application\/x-www-form-urlencoded/i.test(body.type)) {
      for (const [name, value] of Object.entries(parseForm(body.contents))) {
        parameters[name] = [...(parameters[name] ?? []), value];
      }
    }
    const parameter: Record<string, string> = {};
    for (const [name, values] of Object.entries(parameters)) parameter[name] = values[0];
    const queryString = Object.entries(query)
      .flatMap(([name, values]) => values.map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`))
      .join('&');
    const event: Record<string, unknown> = {
      parameter,
      parameters,
      queryString,
      contextPath: '',
      contentLength: body ? body.contents.length : -1,
    };
    if (body) event.postData = { contents: body.contents, length: body.contents.length, type: body.type, name: 'postData' };
    return event;
  }

  private describe(output: unknown): WebResponse {
    const page = describeHtmlOutput(output);
    if (page)
      return { status: 200, contentType: 'text/html; charset=utf-8', body: page.content, title: page.title, metaTags: page.metaTags };
    const text = describeTextOutput(output);
    if (text) return { status: 200, contentType: text.contentType, body: text.content, fileName: text.fileName };
    return { status: 500, contentType: 'text/plain', body: 'The script completed but did not return anything.' };
  }

  doGet(query: Record<string, string[]>, caller: Caller = 'anonymous'): WebResponse {
    return this.callWeb('doGet', this.webEvent(query), caller);
  }

  doPost(query: Record<string, string[]>, body: { contents: string; type: string }, caller: Caller = 'anonymous'): WebResponse {
    return this.callWeb('doPost', this.webEvent(query, body), caller);
  }

  private callWeb(name: 'doGet' | 'doPost', event: Record<string, unknown>, caller: Caller): WebResponse {
    const fn = this.context[name];
    if (typeof fn !== 'function') return { status: 404, contentType: 'text/plain', body: `Script function not found: ${name}` };
    const before = this.runtime.calendar.version;
    try {
      this.runtime.beginExecution();
    } catch (error) {
      // No free execution: Google answers with an error page and the script never runs (a Twilio callback is lost).
      this.refusedRequests++;
      return { status: 500, contentType: 'text/html', body: `<p>${String((error as Error).message)}</p>` };
    }
    this.runtime.core.caller = caller;
    this.depth++;
    let response: WebResponse;
    try {
      response = this.describe((fn as (e: unknown) => unknown)(JSON.parse(JSON.stringify(event))));
    } catch (error) {
      // Apps Script shows its own error page, naming the error but not the script's stack.
      response = {
        status: 500,
        contentType: 'text/html',
        body: `<p>Error: ${errorMessage(error).replace(/[<>&]/g, '')}</p>`,
      };
    } finally {
      this.runtime.endExecution();
      this.depth--;
      this.version++;
    }
    if (this.depth === 0) this.afterExecution(before);
    return response;
  }

  /** Posts a Twilio webhook (form fields) to a URL of the web app, as Twilio would. */
  postToWebApp(url: string, params: Record<string, string>): WebResponse {
    const parsed = new URL(url);
    const query: Record<string, string[]> = {};
    parsed.searchParams.forEach((value, name) => {
      query[name] = [...(query[name] ?? []), value];
    });
    return this.doPost(query, { contents: encodeForm(params), type: 'application/x-www-form-urlencoded' });
  }

  /**
   * Twilio reports a status for one message; its callback reaches the web app before this returns.
   * With `callback: false` the status changes at Twilio and no callback is posted (a lost callback).
   */
  messageStatus(sid: string, status: string, errorCode?: number, options: { callback?: boolean } = {}): WebResponse | null {
    const callback = this.twilio.setStatus(sid, status, errorCode);
    this.version++;
    if (options.callback === false) return null;
    return callback ? this.postToWebApp(callback.url, callback.params) : null;
  }

  /**
   * Runs `action` (typically other executions: callbacks, page calls) right after the bundle's next
   * `times` calls of `serviceCall` (e.g. 'UrlFetchApp.fetchAll', 'Lock.releaseLock') return, while
   * the execution that made the call is suspended, as Apps Script runs executions side by side.
   */
  interleave(serviceCall: string, action: () => void, times = 1): void {
    this.runtime.core.interleave(serviceCall, action, times);
  }

  /** The attendee writes to the host's WhatsApp number; Twilio posts it to the configured webhook. */
  inbound(input: { from: string; body: string; buttonPayload?: string; messageSid?: string; profileName?: string }): WebResponse {
    const props = this.runtime.properties.script.toObject();
    const params = this.twilio.inbound({
      // Twilio names both ends of a WhatsApp message with the channel prefix, as in whatsapp:+4915123456789.
      from: `whatsapp:${input.from.replace(/^whatsapp:/, '')}`,
      to: props.WHATSAPP_FROM || SANDBOX_WHATSAPP_FROM,
      body: input.body,
      buttonPayload: input.buttonPayload,
      messageSid: input.messageSid,
      profileName: input.profileName,
    });
    this.version++;
    return this.postToWebApp(this.inboundWebhookUrl(), params);
  }

  /** The URL a host pastes into Twilio's "when a message comes in" field. */
  inboundWebhookUrl(): string {
    const props = this.runtime.properties.script.toObject();
    return `${this.webAppUrl}?hook=twilio&k=${encodeURIComponent(props.WEBHOOK_KEY ?? '')}`;
  }

  settings(): Record<string, string> {
    return this.runtime.properties.script.toObject();
  }

  mergeSettings(values: Record<string, string>): void {
    this.runtime.properties.script.merge(values);
    this.version++;
  }

  sheet(name: string): unknown[][] | undefined {
    return this.runtime.spreadsheet.sheetValues(name);
  }

  sheetNames(): string[] {
    return this.runtime.spreadsheet.sheetNames();
  }

  state(): { now: string; timeZone: string; webAppUrl: string; version: number } {
    return { now: isoNow(this.now), timeZone: this.runtime.core.timeZone, webAppUrl: this.webAppUrl, version: this.version };
  }
}
