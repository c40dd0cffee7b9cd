// The data a page's server render hands its browser script (as JSON in `PAGE`): one contract for both sides.

export interface SlotJson {
  start: string;
  end: string;
}

/** What every attendee page's script reads: the host's zone and locale, and its fixed texts. */
export interface CommonPageData {
  hostZone: string;
  /** A BCP 47 tag the browser's Intl understands (bare 'en' already widened to 'en-GB'). */
  locale: string;
  /** Slots rendered with the page, so the first view needs no round trip; null means "ask the server". */
  slots: SlotJson[] | null;
  /** The server's refusal when a slot was just taken: the script then reloads the slots. */
  takenText: string;
  noSlotsText: string;
}

export interface AppointmentPageData extends CommonPageData {
  token: string;
  start: number;
  end: number;
  step: 'view' | 'cancel' | 'reschedule';
  canChange: boolean;
}

export type BookingPageData = CommonPageData;
