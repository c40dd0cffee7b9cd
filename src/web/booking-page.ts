// The booking page (?p=book): the host's free slots, then name, WhatsApp number and optional email.
import type { Texts } from '../domain/i18n/texts';
import { EXTRA_STYLE } from './appointment-page';
import { browserLocale, clientScript } from './client';
import { html, type SafeHtml } from './html';
import type { BookingPageData, SlotJson } from './page-data';
import { browserTexts, pageLanguage } from './page-language';
import { pageFrame } from './pages';

export interface BookingView {
  hostName: string;
  timeZone: string;
  texts: Texts;
  /** The language the visitor picked (`&lang=`), stored with the booking; '' lets the browser's own be stored. */
  chosenLanguage: string;
  hrefFor: (code: string) => string;
  bookingMinutes: number;
  /** The country a number without +code is read in, e.g. 'DE'; '' when none is set. */
  defaultCountry: string;
  slots: SlotJson[];
  takenText: string;
}

export function bookingPage(view: BookingView): SafeHtml {
  const { texts } = view;
  const t = texts.t.bind(texts);
  const host = view.hostName;
  const data: BookingPageData = {
    hostZone: view.timeZone,
    locale: browserLocale(texts.locale),
    slots: view.slots,
    takenText: view.takenText,
    noSlotsText: t('page.noSlotsBooking', { host }),
    texts: browserTexts(texts),
    chosenLanguage: view.chosenLanguage,
  };
  const phoneHint = view.defaultCountry ? t('page.phoneHintCountry', { country: view.defaultCountry }) : t('page.phoneHint');
  const content = html`${EXTRA_STYLE}
<div class="card" id="picker">
  <h1>${t('page.bookTitle')}</h1>
  <p>${t('page.bookIntro', { host, minutes: view.bookingMinutes })}</p>
  <p class="muted" id="zones" dir="auto"></p>
  <div id="notice" class="notice hidden" role="status" aria-live="polite"></div>
  <div id="slots" aria-live="polite"></div>
</div>
<div class="card hidden" id="details">
  <h2>${t('page.yourDetails')}</h2>
  <p id="chosen-time"></p>
  <p class="muted" id="chosen-local" dir="auto"></p>
  <form id="booking-form" autocomplete="on" novalidate>
    <label for="name">${t('page.yourName')}</label>
    <input id="name" name="name" type="text" maxlength="100" autocomplete="name" required>
    <label for="phone">${t('page.whatsappNumber')}</label>
    <input id="phone" name="phone" type="tel" dir="ltr" inputmode="tel" maxlength="40" autocomplete="tel" required>
    <p class="muted">${phoneHint} ${t('page.phoneArrives')}</p>
    <label for="email">${t('page.email')}</label>
    <input id="email" name="email" type="email" dir="ltr" maxlength="254" autocomplete="email">
    <div class="trap" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
    <div id="form-notice" class="notice hidden" role="alert"></div>
    <div class="actions"><button type="submit" id="book-button">${t('page.bookThisTime')}</button></div>
  </form>
</div>
<div class="card hidden" id="done">
  <h1>${t('page.youAreBooked')}</h1>
  <p class="notice" id="done-text"></p>
  <div class="actions"><a class="button hidden" id="done-link" href="#" target="_top">${t('page.seeAppointment')}</a></div>
</div>
${clientScript('booking', data)}`;
  return pageFrame(host, content, pageLanguage(texts, view.hrefFor));
}
