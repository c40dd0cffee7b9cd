// The booking page (?p=book): the host's free slots, then name, WhatsApp number and optional email.
import { EXTRA_STYLE } from './appointment-page';
import { browserLocale, clientScript } from './client';
import { html, type SafeHtml } from './html';
import type { BookingPageData, SlotJson } from './page-data';
import { pageFrame } from './pages';

export interface BookingView {
  hostName: string;
  timeZone: string;
  locale: string;
  bookingMinutes: number;
  /** The country a number without +code is read in, e.g. 'DE'; '' when none is set. */
  defaultCountry: string;
  slots: SlotJson[];
  takenText: string;
}

export function bookingPage(view: BookingView): SafeHtml {
  const data: BookingPageData = {
    hostZone: view.timeZone,
    locale: browserLocale(view.locale),
    slots: view.slots,
    takenText: view.takenText,
    noSlotsText: `There are no free times in the coming weeks. Please contact ${view.hostName} directly.`,
  };
  const phoneHint = view.defaultCountry
    ? `With the country code, like +44 7700 900123; numbers without one are read as ${view.defaultCountry} numbers.`
    : 'With the country code, like +44 7700 900123.';
  const content = html`${EXTRA_STYLE}
<div class="card" id="picker">
  <h1>Book an appointment</h1>
  <p>with ${view.hostName}, ${view.bookingMinutes} minutes. Pick a time, then tell us who you are.</p>
  <p class="muted" id="zones"></p>
  <div id="notice" class="notice hidden" role="status" aria-live="polite"></div>
  <div id="slots" aria-live="polite"></div>
</div>
<div class="card hidden" id="details">
  <h2>Your details</h2>
  <p id="chosen-time"></p>
  <p class="muted" id="chosen-local"></p>
  <form id="booking-form" autocomplete="on" novalidate>
    <label for="name">Your name</label>
    <input id="name" name="name" type="text" maxlength="100" autocomplete="name" required>
    <label for="phone">WhatsApp number</label>
    <input id="phone" name="phone" type="tel" inputmode="tel" maxlength="40" autocomplete="tel" required>
    <p class="muted">${phoneHint} The confirmation and your link to cancel or reschedule arrive on WhatsApp.</p>
    <label for="email">Email (optional)</label>
    <input id="email" name="email" type="email" maxlength="254" autocomplete="email">
    <div class="trap" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
    <div id="form-notice" class="notice hidden" role="alert"></div>
    <div class="actions"><button type="submit" id="book-button">Book this time</button></div>
  </form>
</div>
<div class="card hidden" id="done">
  <h1>You're booked</h1>
  <p class="notice" id="done-text"></p>
  <div class="actions"><a class="button hidden" id="done-link" href="#" target="_top">See your appointment</a></div>
</div>
${clientScript('booking', data)}`;
  return pageFrame(view.hostName, content);
}
