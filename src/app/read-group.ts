// The sheets a run reads in one call with the ledger: opt-outs, each number's language and the host's texts.
import type { TableSpec } from '../gas/sheets';
import { LANGUAGE_COLUMNS, LANGUAGES_SHEET, TEXT_COLUMNS, TEXTS_SHEET } from './languages';
import { APPOINTMENT_COLUMNS, APPOINTMENTS_SHEET, MESSAGE_COLUMNS, MESSAGES_SHEET } from './ledger';
import { OPT_OUT_COLUMNS, OPT_OUTS_SHEET } from './optout';

/**
 * Small sheets that nearly every run touching the ledger also reads (a send checks opt-outs, picks
 * the language and the wording): one spreadsheets.get for all four instead of one each, plus the
 * Messages log's sheet id.
 */
export function sheetsReadTogether(): readonly TableSpec[] {
  return [
    { name: APPOINTMENTS_SHEET, headers: APPOINTMENT_COLUMNS },
    { name: OPT_OUTS_SHEET, headers: OPT_OUT_COLUMNS },
    { name: LANGUAGES_SHEET, headers: LANGUAGE_COLUMNS },
    { name: TEXTS_SHEET, headers: TEXT_COLUMNS },
    // Its id only, so the ledger's save appends the run's log lines in the same write.
    { name: MESSAGES_SHEET, headers: MESSAGE_COLUMNS, idOnly: true },
  ];
}
