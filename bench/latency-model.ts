// The latency model: what each counted Apps Script call costs a waiting person, from published measurements (docs/ARCHITECTURE.md).

/** Milliseconds per call of each kind; the sources are listed in docs/ARCHITECTURE.md ("What a person waits for"). */
export const COST_MS = {
  /** Calendar advanced service, one request (Events.list measured at 0.34 s). */
  calendar: 340,
  /** Sheets advanced service, one request: a REST call of the same kind as Calendar's. */
  sheetsApi: 340,
  /** SpreadsheetApp handles (getActiveSpreadsheet, getId, getSheetByName …); a single batched write measured < 50 ms. */
  spreadsheetApp: 50,
  /** PropertiesService read (getProperty measured 30 ms average). */
  propertiesRead: 30,
  /** PropertiesService write (setProperty measured 62 ms average). */
  propertiesWrite: 62,
  /** CacheService get (3 ms) and put (93 ms). */
  cacheGet: 3,
  cachePut: 93,
  /** LockService tryLock / releaseLock: a write to a shared store, taken as a cache put. */
  lock: 93,
  /** One UrlFetch round trip to api.twilio.com; fetchAll sends its requests in parallel, so a batch costs one. */
  twilio: 300,
  /** ScriptApp's trigger list and script id, Session, the mail quota: small reads, taken as a properties read. */
  smallRead: 30,
  /** The google.script.run round trip a page pays on top of the server function. */
  scriptRunRoundTrip: 1000,
  /** Starting an execution (loading the project and its bundle, about 888 KiB) before the first line runs. */
  executionStart: 500,
} as const;

/** Calls that are handles or local work: no round trip. */
const FREE = [
  /^PropertiesService\./,
  /^LockService\./,
  /^CacheService\./,
  /^HTTPResponse\./,
  /^Utilities\./,
  /^Trigger\./,
  /^Logger\./,
  /^console\./,
  /^HtmlService\./,
  /^HtmlOutput\./,
  /^ContentService\./,
  /^TextOutput\./,
  /^HtmlTemplate\./,
];

/** Small reads of the runtime's own state, priced as a properties read. */
const SMALL_READS = [/^ScriptApp\.(getProjectTriggers|getScriptId)$/, /^Session\./, /^MailApp\.getRemainingDailyQuota$/];

/** The modelled cost of one counted call; throws for a call the model does not price. */
export function costOfCall(name: string): number {
  if (FREE.some((pattern) => pattern.test(name))) return 0;
  if (name.startsWith('Calendar.')) return COST_MS.calendar;
  if (name.startsWith('Sheets.')) return COST_MS.sheetsApi;
  if (/^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(name)) return COST_MS.spreadsheetApp;
  if (/^Properties\.(getProperties|getProperty|getKeys)$/.test(name)) return COST_MS.propertiesRead;
  if (/^Properties\./.test(name)) return COST_MS.propertiesWrite;
  if (name === 'Cache.get' || name === 'Cache.getAll') return COST_MS.cacheGet;
  if (name.startsWith('Cache.')) return COST_MS.cachePut;
  if (name.startsWith('Lock.')) return COST_MS.lock;
  if (name.startsWith('UrlFetchApp.')) return COST_MS.twilio;
  if (SMALL_READS.some((pattern) => pattern.test(name))) return COST_MS.smallRead;
  // A call the model has no price for would be priced silently: a new kind of call needs its own figure.
  throw new Error(`the latency model has no cost for ${name}: add it to bench/latency-model.ts and docs/ARCHITECTURE.md`);
}

/** Modelled service time of a set of counted calls (without the execution's start). */
export function serviceMs(calls: Record<string, number>): number {
  return Object.entries(calls).reduce((sum, [name, n]) => sum + costOfCall(name) * n, 0);
}

/** One execution as a person waits for it: its start plus its calls. */
export function executionMs(calls: Record<string, number>): number {
  return COST_MS.executionStart + serviceMs(calls);
}
