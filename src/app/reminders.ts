// The tick's reminder pass: due reminders from the ledger the tick's sync just brought up to date, sent in fetchAll batches.
import type { Appointment } from '../domain/appointments';
import { templateVariables, messageText } from '../domain/messages';
import { dueReminders, withReminderMark, type DueReminder } from '../domain/reminders';
import { createMessageCall, type HttpCall, type SendOutcome } from '../domain/twilio';
import { now } from '../gas/platform';
import type { AppContext } from './context';
import { textsIn } from './languages';
import type { Ledger } from './ledger';
import { appointmentFacts, rowLanguage } from './notify';
import { OptOuts } from './optout';
import { templateMessage } from './templates';

export interface ReminderReport {
  due: number;
  sent: number;
}

export function reminderCall(context: AppContext, row: Appointment): HttpCall {
  const { settings } = context;
  const facts = { ...appointmentFacts(context, row), buttonToken: row.token, confirmed: row.confirmedAt !== null };
  const texts = textsIn(context, rowLanguage(context, row));
  const { contentSid, texts: variableTexts } = templateMessage(context, 'reminder', row.phone, texts);
  // No status callback: a reminder's delivery must not overwrite the announcement's status on the row.
  return createMessageCall(settings.twilio, {
    to: row.phone,
    from: settings.whatsappFrom || undefined,
    messagingServiceSid: settings.messagingServiceSid || undefined,
    body: contentSid ? undefined : messageText('reminder', facts, texts),
    contentSid,
    contentVariables: contentSid ? templateVariables('reminder', facts, variableTexts) : undefined,
  });
}

/** Reminders due now and still in the calendar, with their requests; the tick sends them with its status poll. */
export interface PlannedReminders {
  at: number;
  current: DueReminder[];
  calls: HttpCall[];
  report: ReminderReport;
}

/**
 * The reminders to send now (null when none); the tick runs it inside its sync run, which holds the
 * lock and saves the ledger. That run listed the calendar's changes moments before, under the same
 * lock, and its rows carry each event's language, so no calendar call is made here: a change after
 * that list is the next run's, as it is for the announcements the same run sends.
 */
export function planReminders(context: AppContext, ledger: Ledger): PlannedReminders | null {
  const { settings } = context;
  if (settings.reminderOffsets.length === 0) return null;
  if (settings.messageMode === 'template' && !settings.templates.reminder?.[settings.language]) return null;
  const at = now();
  const candidates = dueReminders(ledger.all(), { offsetsMinutes: settings.reminderOffsets, now: at, optedOut: new Set() });
  if (candidates.length === 0) return null;

  const optedOut = OptOuts.load().phones;
  const due = candidates.filter((item) => !optedOut.has(item.row.phone));
  if (due.length === 0) return null;
  const report: ReminderReport = { due: due.length, sent: 0 };
  return { at, current: due, calls: due.map((item) => reminderCall(context, item.row)), report };
}

/** Records what Twilio answered for each planned reminder (outcomes in the order of `planned.calls`). */
export function applyReminders(ledger: Ledger, planned: PlannedReminders, outcomes: SendOutcome[]): ReminderReport {
  const { at, current } = planned;
  const report = { ...planned.report };
  current.forEach((item, index) => {
    const { offsetMinutes } = item;
    // The row as it is now: the status poll may have changed it since the plan.
    const row = ledger.get(item.row.key) ?? item.row;
    const outcome = outcomes[index];
    const base = { time: at, eventId: row.eventId, phone: row.phone, kind: 'reminder' };
    const detail = `${offsetMinutes} minutes before`;
    const sent = { ...row, reminded: withReminderMark(row.reminded, offsetMinutes, row.start), remindedAt: at, updatedAt: at };
    switch (outcome.kind) {
      case 'accepted':
        ledger.put(sent);
        ledger.record({ ...base, direction: 'out', messageSid: outcome.sid, status: outcome.status, detail });
        report.sent++;
        return;
      case 'rejected':
        // Marked as done: the same refusal would repeat every tick until the appointment.
        ledger.put({ ...sent, remindedAt: row.remindedAt });
        ledger.record({ ...base, direction: 'out', messageSid: '', status: 'failed', detail: `${detail}: ${outcome.reason}` });
        return;
      case 'uncertain':
        // Twilio may have sent it: a second reminder would be worse than none.
        ledger.put(sent);
        ledger.record({ ...base, direction: 'out', messageSid: '', status: 'uncertain', detail: `${detail}: ${outcome.reason}` });
        return;
      case 'retry':
        ledger.record({ ...base, direction: 'out', messageSid: '', status: 'retrying', detail: `${detail}: ${outcome.reason}` });
    }
  });
  return report;
}
