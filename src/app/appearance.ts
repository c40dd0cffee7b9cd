// An event's colour and delivery block, derived from its ledger rows: green when delivered, red with reasons when not.
import { errorMessage } from '../domain/errors';
import type { Appointment } from '../domain/appointments';
import { withDeliveryBlock } from '../domain/description';
import { phonesInLocation } from '../domain/phone';
import { isFailureStatus, isSuccessStatus } from '../domain/twilio';
import { getEvent, patchEvent, type CalendarEvent } from '../gas/calendar';
import { logWarning } from '../gas/log';
import { now } from '../gas/platform';
import type { AppContext } from './context';
import { noteOwnWrite } from './own-writes';

export interface Appearance {
  /** The colour to show; null leaves the event's colour alone; '' takes our colour off (a change is on its way). */
  colorId: string | null;
  lines: string[];
}

function failed(row: Appointment): boolean {
  return isFailureStatus(row.delivery) || row.delivery === 'error' || row.delivery === 'opted-out';
}

/** A new message is on its way after one that failed: the old reason stands until the new one succeeds. */
function stillFailing(row: Appointment): boolean {
  return row.error !== '' && row.pending === '' && !isSuccessStatus(row.delivery) && !failed(row) && row.delivery !== 'uncertain';
}

/** Why a location could not be used, read from the event itself so every run agrees. */
export function locationProblem(context: AppContext, event: CalendarEvent): string | null {
  const { invalid } = phonesInLocation(event.location ?? '', context.settings.defaultCountry || undefined);
  return invalid.length > 0 ? invalid.map((item) => item.reason).join('; ') : null;
}

/** Red when anything failed, green when every live announcement went out, otherwise unchanged. */
export function appearanceOf(context: AppContext, event: CalendarEvent, rows: readonly Appointment[]): Appearance {
  const lines: string[] = [];
  const problem = locationProblem(context, event);
  if (problem) lines.push(`Not sent: ${problem}.`);
  const live = rows.filter((row) => row.state === 'active');
  for (const row of live) {
    if (row.delivery === 'opted-out') lines.push(`${row.phone}: not sent: the attendee opted out of WhatsApp messages (replied STOP).`);
    else if (failed(row) || stillFailing(row)) lines.push(`${row.phone}: not delivered: ${row.error || row.delivery}.`);
  }
  if (lines.length > 0) return { colorId: context.settings.colorFailed, lines };
  // Confirmed by every attendee (a reminder's reply or button): its own colour, over "delivered".
  if (live.length > 0 && live.every((row) => row.confirmedAt !== null)) return { colorId: context.settings.colorConfirmed, lines };
  const allSent = live.length > 0 && live.every((row) => row.pending === '' && isSuccessStatus(row.delivery));
  if (allSent) return { colorId: context.settings.colorDelivered, lines };
  // Something is on its way (a move not yet delivered): neither green nor red until it arrives.
  return { colorId: rows.length > 0 ? '' : null, lines };
}

function isOurColour(context: AppContext, colorId: string): boolean {
  const { colorDelivered, colorFailed, colorConfirmed } = context.settings;
  return colorId !== '' && (colorId === colorDelivered || colorId === colorFailed || colorId === colorConfirmed);
}

/** Patches the event only when its colour or our block differ, so the trigger's echo finds nothing to do. */
export function applyAppearance(context: AppContext, event: CalendarEvent, appearance: Appearance): boolean {
  if (event.status === 'cancelled' || !event.id) return false;
  const patch: CalendarEvent = {};
  const description = withDeliveryBlock(event.description ?? '', appearance.lines);
  if (description !== (event.description ?? '')) patch.description = description;
  const current = event.colorId ?? '';
  if (appearance.colorId === '') {
    // Only our own colour is taken off; a colour the host chose stays. Patch semantics: null clears a field.
    if (isOurColour(context, current)) (patch as Record<string, unknown>).colorId = null;
  } else if (appearance.colorId !== null && appearance.colorId !== current) patch.colorId = appearance.colorId;
  if (Object.keys(patch).length === 0) return false;
  const written = patchEvent(context.settings.calendarId, event.id, patch, 'none');
  noteOwnWrite(context, event.id, written?.etag, now());
  return true;
}

/**
 * Colours are a view of the ledger: a write the calendar refuses (an event the host may not edit, one
 * deleted meanwhile) is logged and never aborts the run that changed the ledger.
 */
export function repaintEvent(context: AppContext, eventId: string, rows: readonly Appointment[], known?: CalendarEvent): boolean {
  // An occurrence the host never changed is no event of its own: a colour written to it would make it an
  // exception (https://developers.google.com/calendar/api/guides/recurringevents); the series' colour shows it.
  if (rows.length > 0 && rows.every((row) => row.seriesRole === 'instance')) return false;
  try {
    const event = known ?? getEvent(context.settings.calendarId, eventId);
    if (!event) return false;
    return applyAppearance(context, event, appearanceOf(context, event, rows));
  } catch (error) {
    logWarning(`event ${eventId} not repainted: ${errorMessage(error)}`);
    return false;
  }
}
