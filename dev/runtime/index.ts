// The in-memory Apps Script runtime: every emulated service composed, as globals for jest and the sandbox's node:vm context.
import { CalendarService } from './calendar';
import { type HttpHandler, type Quotas, RuntimeCore } from './core';
import { CacheServiceEmulation } from './cache';
import { ContentServiceEmulation } from './content';
import { HtmlServiceEmulation } from './html';
import { LockServiceEmulation } from './lock';
import { LogRecorder } from './logger';
import { MailEmulation } from './mail';
import { PropertiesServiceEmulation } from './properties';
import { ScriptAppEmulation, type TriggerRegistry } from './script';
import { SessionEmulation } from './session';
import { SheetsApiService } from './sheets-api';
import { SpreadsheetEmulation } from './spreadsheet';
import { UrlFetchEmulation } from './urlfetch';
import { UtilitiesEmulation } from './utilities';
import { setScriptDate } from './expose';

export * from './core';
export { RAW, unwrap, isDate, setScriptDate } from './expose';
export { CalendarService } from './calendar';
export { PropertiesServiceEmulation, PropertyStore, PROPERTY_VALUE_LIMIT_BYTES, PROPERTY_STORE_LIMIT_BYTES } from './properties';
export { CacheServiceEmulation, CacheStore } from './cache';
export { LockServiceEmulation, LOCK_TIMEOUT_MESSAGE } from './lock';
export { SpreadsheetEmulation, SPREADSHEET_ID, parseLikeSheets } from './spreadsheet';
export type { CellValue, Toast, MenuRecord, DialogRecord } from './spreadsheet';
export { UrlFetchEmulation, buildRequest, formEncode } from './urlfetch';
export { HtmlServiceEmulation, describeHtmlOutput, escapeHtml } from './html';
export type { HtmlOutputDescription } from './html';
export { ContentServiceEmulation, describeTextOutput, CONTENT_TYPES } from './content';
export { MailEmulation } from './mail';
export type { SentMail, SentAttachment } from './mail';
export { ScriptAppEmulation, TriggerRegistry, MAX_TRIGGERS } from './script';
export type { TriggerInfo } from './script';
export { SessionEmulation } from './session';
export { UtilitiesEmulation, formatDate, toSignedBytes } from './utilities';
export { LogRecorder } from './logger';
export type { LogEntry, LogLevel } from './logger';

export interface RuntimeOptions {
  now?: number;
  ownerEmail?: string;
  timeZone?: string;
  /** What ScriptApp.getService().getUrl() returns (null when not deployed). */
  webAppUrl?: string;
  quotas?: Partial<Quotas>;
  spreadsheetName?: string;
  http?: HttpHandler;
}

export class AppsScriptRuntime {
  readonly core: RuntimeCore;
  readonly calendar: CalendarService;
  readonly properties: PropertiesServiceEmulation;
  readonly cache: CacheServiceEmulation;
  readonly lock: LockServiceEmulation;
  readonly spreadsheet: SpreadsheetEmulation;
  readonly sheetsApi: SheetsApiService;
  readonly urlFetch: UrlFetchEmulation;
  readonly mail: MailEmulation;
  readonly script: ScriptAppEmulation;
  readonly triggers: TriggerRegistry;
  readonly html: HtmlServiceEmulation;
  readonly content: ContentServiceEmulation;
  readonly session: SessionEmulation;
  readonly utilities: UtilitiesEmulation;
  readonly logger: LogRecorder;
  /** Everything Logger.log and console.* recorded, in order. */
  readonly logs: string[];
  private globalsCache?: Record<string, unknown>;

  constructor(options: RuntimeOptions = {}) {
    this.core = new RuntimeCore({ now: options.now, ownerEmail: options.ownerEmail, timeZone: options.timeZone, quotas: options.quotas });
    this.calendar = new CalendarService(this.core, { timeZone: this.core.timeZone });
    this.properties = new PropertiesServiceEmulation(this.core);
    this.cache = new CacheServiceEmulation(this.core);
    this.lock = new LockServiceEmulation(this.core);
    this.spreadsheet = new SpreadsheetEmulation(this.core, { name: options.spreadsheetName });
    this.sheetsApi = new SheetsApiService(this.core, this.spreadsheet.spreadsheet);
    this.urlFetch = new UrlFetchEmulation(this.core, options.http);
    this.mail = new MailEmulation(this.core);
    this.script = new ScriptAppEmulation(this.core, { webAppUrl: options.webAppUrl });
    this.triggers = this.script.triggers;
    this.html = new HtmlServiceEmulation(this.core);
    this.content = new ContentServiceEmulation(this.core);
    this.session = new SessionEmulation(this.core);
    this.utilities = new UtilitiesEmulation(this.core);
    this.logger = new LogRecorder(this.core);
    this.logs = this.logger.logs;
  }

  /** Dates the runtime hands to the script (sheet values) are made with this constructor: pass the vm context's Date. */
  setScriptDate(ctor: DateConstructor): void {
    setScriptDate(this.core, ctor);
  }

  setHttpHandler(handler: HttpHandler): void {
    this.urlFetch.handler = handler;
  }

  /** An execution starts (on top of any running one, which is then suspended until this one ends). */
  beginExecution(): number {
    return this.core.beginExecution();
  }

  /** The execution ended: Apps Script releases the locks it still holds and commits its spreadsheet writes. */
  endExecution(): void {
    this.core.endExecution();
  }

  /** The Apps Script globals by name (the same objects on every call). */
  globals(): Record<string, unknown> {
    this.globalsCache ??= {
      Calendar: this.calendar.advanced(),
      CalendarApp: this.calendar.calendarApp(),
      PropertiesService: this.properties.service(),
      CacheService: this.cache.service(),
      LockService: this.lock.service(),
      SpreadsheetApp: this.spreadsheet.service(),
      Sheets: this.sheetsApi.advanced(),
      UrlFetchApp: this.urlFetch.service(),
      HtmlService: this.html.service(),
      ContentService: this.content.service(),
      MailApp: this.mail.service(),
      ScriptApp: this.script.service(),
      Session: this.session.service(),
      Utilities: this.utilities.service(),
      Logger: this.logger.logger(),
      console: this.logger.console(),
    };
    return this.globalsCache;
  }

  /** Copies the globals onto `target` (e.g. globalThis in a jest test); returns a function that restores it. */
  installGlobals(target: object): () => void {
    const record = target as Record<string, unknown>;
    const previous = new Map<string, PropertyDescriptor | undefined>();
    for (const [name, value] of Object.entries(this.globals())) {
      previous.set(name, Object.getOwnPropertyDescriptor(record, name));
      Object.defineProperty(record, name, { value, writable: true, configurable: true, enumerable: false });
    }
    return () => {
      for (const [name, descriptor] of previous) {
        if (descriptor) Object.defineProperty(record, name, descriptor);
        else delete record[name];
      }
    };
  }
}
