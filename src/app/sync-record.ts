// The sync's own record for the health check: when it last ran, its last error, and the day's UrlFetch calls.
import { errorMessage } from '../domain/errors';
import { nextLastSync, parseLastSync } from '../domain/health';
import { PROP } from '../domain/settings';
import { takeFetchCount } from '../gas/http';
import { now } from '../gas/platform';
import { writeScriptProperties } from '../gas/properties';

/** One property write, skipped for a quiet run minutes after another good one. */
export function recordSyncRun(previousRaw: string | undefined, error: string): void {
  const write = syncRunRecord(previousRaw, error);
  if (Object.keys(write).length > 0) writeScriptProperties(write);
}

/** The LAST_SYNC write of a run, for a caller that writes it with its own properties in one call ({} when skipped). */
export function syncRunRecord(previousRaw: string | undefined, error: string): Record<string, string> {
  const next = nextLastSync(parseLastSync(previousRaw), now(), error, takeFetchCount());
  return next ? { [PROP.lastSync]: JSON.stringify(next) } : {};
}

export function errorText(error: unknown): string {
  return errorMessage(error).slice(0, 500);
}
