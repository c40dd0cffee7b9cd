// What a create request announced (kind, times, text fingerprint) and what Twilio last said about it: the ledger's `attempt` cell.
import type { Appointment } from './appointments';
import type { MessageKind } from './messages';

/**
 * The fingerprint of the last message a row sent (or tried to send). An uncertain create is
 * looked up at Twilio by this, never by the row's current title or time, which may have changed
 * since; an adopted message announced these times, so a move in between is still owed.
 */
export interface SentAttempt {
  kind: MessageKind;
  /** The times the message named (for a cancel: the time the attendee had been told). */
  start: number | null;
  end: number | null;
  /** When the create went out. */
  at: number;
  /** Fingerprint of the text sent ('' in template mode, where Twilio renders the text). */
  text: string;
  /** Twilio's last status of the message while the row shows something else (an opt-out). */
  status?: string;
  /** When the tick last asked Twilio for the status (a callback may have been lost). */
  polledAt?: number;
}

export function encodeAttempt(attempt: SentAttempt | null): string {
  return attempt === null ? '' : JSON.stringify(attempt);
}

/** The attempt a cell holds, or null: the empty cell of a row without one is junk to JSON.parse like any other. */
export function decodeAttempt(cell: string): SentAttempt | null {
  try {
    const value = JSON.parse(cell) as SentAttempt;
    // A number, text or boolean has no own kind; null has no fields at all (reading one throws, and the catch answers null).
    return typeof value.kind === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The row with its attempt changed; a row from before attempts were kept gets one from what it announced. */
export function withAttempt(row: Appointment, change: Partial<SentAttempt>): Appointment {
  const current: SentAttempt = decodeAttempt(row.attempt) ?? {
    kind: row.announcedKind === '' ? 'scheduled' : row.announcedKind,
    start: row.announcedStart,
    end: row.announcedEnd,
    at: row.announcedAt ?? row.updatedAt,
    text: '',
  };
  return { ...row, attempt: encodeAttempt({ ...current, ...change }) };
}

/** Whitespace does not count: Twilio may fold it. */
function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** FNV-1a (32 bit) over the UTF-16 units of the normalised text, as 8 hex digits; pure, no service call. */
export function textFingerprint(text: string): string {
  const source = normalised(text);
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${source.length.toString(36)}-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * What is still owed to the attendee once we know what reached them: a cancel for an announced
 * appointment that is gone, a booking for one never announced, a move when the time differs.
 */
export function owedAnnouncement(row: Appointment): '' | MessageKind {
  const announced = row.announcedKind === 'scheduled' || row.announcedKind === 'rescheduled';
  if (row.state === 'cancelled') return announced ? 'cancelled' : '';
  if (!announced) return 'scheduled';
  return row.start !== row.announcedStart || row.end !== row.announcedEnd ? 'rescheduled' : '';
}

/**
 * A change Twilio refused for good, for the host to see even when the event is gone (a refused
 * cancel): the kind of message and the reason, or null. The Messages sheet logs the same failure.
 */
export function refusedChange(row: Appointment): { kind: MessageKind; reason: string } | null {
  const attempt = decodeAttempt(row.attempt);
  if (attempt === null || row.pending !== '') return null;
  if (row.delivery !== 'failed' && row.delivery !== 'undelivered') return null;
  return { kind: attempt.kind, reason: row.error };
}
