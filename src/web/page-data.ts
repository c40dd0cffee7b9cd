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
  /** The page's fixed texts in its language; {zone}, {when}, {time} … are filled in the browser. */
  texts: PageTexts;
}

/** What the browser script writes itself, by name (the catalogue's `page.*` texts without the prefix). */
export interface PageTexts {
  sameLocalTime: string;
  yourTime: string;
  zonesHost: string;
  zonesBoth: string;
  lookingUp: string;
  yourSlot: string;
  moveQuestion: string;
  cancelling: string;
  cancelledStatus: string;
  moving: string;
  somethingWrong: string;
  booking: string;
  bookedDone: string;
}

export interface AppointmentPageData extends CommonPageData {
  token: string;
  start: number;
  end: number;
  step: 'view' | 'cancel' | 'reschedule';
  canChange: boolean;
  /** A language the visitor just picked with the picker, to remember for their number; '' when none. */
  rememberLanguage: string;
}

export interface BookingPageData extends CommonPageData {
  /** The page's language when the visitor picked it; '' lets the booking carry the browser's own language. */
  chosenLanguage: string;
}
