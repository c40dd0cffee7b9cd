// Logger and console: both record what the script logs, in order, for tests and the sandbox.
import { format } from 'node:util';
import type { RuntimeCore } from './core';
import { expose } from './expose';

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  at: number;
}

export class LogRecorder {
  /** Plain messages, in order (Logger.log and every console level). */
  readonly logs: string[] = [];
  readonly entries: LogEntry[] = [];

  constructor(private readonly core: RuntimeCore) {}

  record(level: LogLevel, message: string): void {
    this.logs.push(message);
    this.entries.push({ level, message, at: this.core.now });
  }

  clear(): void {
    this.logs.length = 0;
    this.entries.length = 0;
  }

  /** Logger: log(data) or log(format, ...values) with %s/%d style placeholders. */
  logger(): GoogleAppsScript.Base.Logger {
    const recorder = this;
    const logger = {
      log(data: unknown, ...values: unknown[]) {
        recorder.record('log', values.length > 0 ? format(String(data), ...values) : format(data));
        return logger;
      },
      getLog(): string {
        return recorder.entries
          .filter((e) => e.level === 'log')
          .map((e) => e.message)
          .join('\n');
      },
      clear() {
        recorder.clear();
      },
    };
    return expose(this.core, logger, 'Logger') as unknown as GoogleAppsScript.Base.Logger;
  }

  /** The console object Apps Script V8 offers (Cloud Logging); time/timeEnd record durations on the runtime clock. */
  console(): Console {
    const recorder = this;
    const timers = new Map<string, number>();
    const levels =
      (level: LogLevel) =>
      (...args: unknown[]) =>
        recorder.record(level, format(...args));
    const console = {
      log: levels('log'),
      info: levels('info'),
      warn: levels('warn'),
      error: levels('error'),
      time(label = 'default') {
        timers.set(label, recorder.core.now);
      },
      timeEnd(label = 'default') {
        const start = timers.get(label);
        if (start !== undefined) recorder.record('log', `${label}: ${recorder.core.now - start}ms`);
        timers.delete(label);
      },
    };
    return expose(this.core, console, 'console') as unknown as Console;
  }
}
