// The numbers that replied STOP: the OptOuts sheet, read once per run, honoured by announcements and reminders.
import { SheetTable } from '../gas/sheets';
import { sheetsReadTogether } from './read-group';

/**
 * A sheet rather than a script property: a property holds at most 9 KB (a JSON list of a few hundred
 * numbers) and shares the 500 KB store with the settings; a sheet has no practical limit, is read in
 * one call like the ledger, and shows the host who opted out and when (deleting a row opts back in).
 */
export const OPT_OUTS_SHEET = 'OptOuts';
export const OPT_OUT_COLUMNS = ['phone', 'optedOutAt', 'via'] as const;

export class OptOuts {
  private constructor(private readonly rows: string[][]) {}

  static load(): OptOuts {
    return new OptOuts(SheetTable.inGroup(OPT_OUTS_SHEET, OPT_OUT_COLUMNS, sheetsReadTogether).readRows());
  }

  has(phone: string): boolean {
    return this.rows.some((row) => row[0] === phone);
  }

  get phones(): Set<string> {
    return new Set(this.rows.map((row) => row[0]));
  }

  /** Stores the number once; returns false when it was already opted out. */
  add(phone: string, at: number, via: string): boolean {
    if (this.has(phone)) return false;
    const row = [phone, new Date(at).toISOString(), via];
    SheetTable.open(OPT_OUTS_SHEET, OPT_OUT_COLUMNS).appendRows([row]);
    this.rows.push(row);
    return true;
  }

  /** Removes every row of the number in one write; returns false when it was not opted out. */
  remove(phone: string): boolean {
    if (!this.has(phone)) return false;
    const previous = this.rows.length;
    const kept = this.rows.filter((row) => row[0] !== phone);
    SheetTable.open(OPT_OUTS_SHEET, OPT_OUT_COLUMNS).writeRows(kept, previous);
    this.rows.length = 0;
    this.rows.push(...kept);
    return true;
  }
}
