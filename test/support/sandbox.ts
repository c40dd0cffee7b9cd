// Test helpers: a fresh in-process sandbox running dist/Code.js, and short ways to make calendar events.
import { Sandbox, type SandboxOptions } from '../../dev/sandbox';

export const HOUR = 3600_000;
export const MINUTE = 60_000;
/** Monday 5 January 2026, 09:00 in Berlin. */
export const START = Date.UTC(2026, 0, 5, 8, 0, 0);

export function newSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox({ now: START, ...options });
}

export interface EventInput {
  summary?: string;
  location?: string;
  description?: string;
  start: number;
  minutes?: number;
  timeZone?: string;
}

export function eventResource(input: EventInput): Record<string, unknown> {
  const end = input.start + (input.minutes ?? 30) * MINUTE;
  return {
    summary: input.summary ?? 'Consultation',
    location: input.location,
    description: input.description,
    start: { dateTime: new Date(input.start).toISOString(), timeZone: input.timeZone ?? 'Europe/Berlin' },
    end: { dateTime: new Date(end).toISOString(), timeZone: input.timeZone ?? 'Europe/Berlin' },
  };
}

export function addEvent(sandbox: Sandbox, input: EventInput): { id: string } & Record<string, unknown> {
  return sandbox.insertEvents([eventResource(input)])[0] as { id: string } & Record<string, unknown>;
}

export function outbound(
  sandbox: Sandbox,
): Array<{ sid: string; to: string; body: string; status: string; request: Record<string, string> }> {
  return sandbox.twilio.messages().filter((m) => m.direction === 'outbound-api') as never;
}

/** The text of every WhatsApp message sent, in order. */
export function bodies(sandbox: Sandbox): string[] {
  return outbound(sandbox).map((message) => message.body);
}

/** The text of every WhatsApp message sent to one number, in order. */
export function bodiesTo(sandbox: Sandbox, phone: string): string[] {
  return outbound(sandbox)
    .filter((message) => message.to === `whatsapp:${phone}`)
    .map((message) => message.body);
}

/** A chat message from a number, and the reply it got ('' for none). */
export function chat(sandbox: Sandbox, phone: string, body: string): string {
  sandbox.inbound({ from: phone, body });
  return bodiesTo(sandbox, phone).at(-1) ?? '';
}

/** A sheet's rows below its header, each cell as text. */
export function sheetRows(sandbox: Sandbox, name: string): string[][] {
  return ((sandbox.sheet(name) ?? []) as unknown[][]).slice(1).map((row) => row.map((cell) => String(cell)));
}

export function ledger(sandbox: Sandbox): Array<Record<string, string>> {
  const values = sandbox.sheet('Appointments') ?? [];
  const [header, ...rows] = values as string[][];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, String(row[i] ?? '')])));
}

export function calendarEvent(sandbox: Sandbox, id: string): Record<string, any> {
  return sandbox.event(id) as Record<string, any>;
}

export type Outcome = { result: unknown } | { error: string };

/** The result of a google.script.run-style call that must succeed. */
export function ok<T>(outcome: Outcome): T {
  if ('error' in outcome) throw new Error(`unexpected error: ${outcome.error}`);
  return outcome.result as T;
}

/** The message of a call that must fail. */
export function errorOf(outcome: Outcome): string {
  if (!('error' in outcome)) throw new Error(`expected an error, got ${JSON.stringify(outcome.result)}`);
  return outcome.error;
}

/** Sheet writes since the last reset: Sheets API values writes and any SpreadsheetApp value write. */
export function sheetWrites(sandbox: Sandbox): number {
  const calls = sandbox.runtime.core.calls;
  return [
    'Sheets.Spreadsheets.Values.batchUpdate',
    'Sheets.Spreadsheets.Values.append',
    'Range.setValues',
    'Range.setValue',
    'Sheet.appendRow',
  ]
    .map((name) => calls[name] ?? 0)
    .reduce((sum, n) => sum + n, 0);
}

/** Sheet reads since the last reset (Sheets API reads and SpreadsheetApp getValues). */
export function sheetReads(sandbox: Sandbox): number {
  const calls = sandbox.runtime.core.calls;
  return (calls['Sheets.Spreadsheets.get'] ?? 0) + (calls['Sheets.Spreadsheets.Values.get'] ?? 0) + (calls['Range.getValues'] ?? 0);
}
