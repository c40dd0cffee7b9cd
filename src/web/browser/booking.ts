// Script of the booking page (?p=book): pick a free slot, then send name, WhatsApp number and optional email.
import type { BookingPageData } from '../page-data';
import { busyButtons } from './busy';
import { byId, fill, loadSlotsInto, notice, PageClock, type PickedSlot, show } from './common';
import { failureText } from './failure';
import { callServer } from './server';

declare const PAGE: BookingPageData;

function bookingPage(page: BookingPageData): void {
  const clock = new PageClock(page.hostZone, page.locale, page.texts);
  const texts = page.texts;
  // The language stored with the booking: the one picked on the page, else the browser's own.
  const language = page.chosenLanguage || (typeof navigator === 'undefined' ? '' : navigator.language || '');
  const whileBusy = busyButtons();
  const form = byId<HTMLFormElement>('booking-form');
  const button = byId<HTMLButtonElement>('book-button');
  let chosen: PickedSlot | null = null;

  function field(name: string): string {
    return (form.elements.namedItem(name) as HTMLInputElement).value;
  }
  function pick(slot: PickedSlot): void {
    chosen = slot;
    byId('chosen-time').textContent = clock.whenText(slot.start, slot.end);
    byId('chosen-local').textContent = clock.viewerLine(slot.start, slot.end);
    show('details', true);
    notice('notice', '');
    notice('form-notice', '');
    byId('details').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
  function loadSlots(initial: BookingPageData['slots']): void {
    chosen = null;
    show('details', false);
    loadSlotsInto(byId('slots'), page, clock, initial, pick, (success, failure) =>
      callServer('listBookingSlots', [], { success, failure }),
    );
  }

  byId('zones').textContent = clock.zonesLine();
  form.addEventListener('input', () => notice('form-notice', ''));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const slot = chosen;
    if (!slot) return;
    whileBusy(button, texts.booking, (release) => {
      const request = {
        name: field('name'),
        phone: field('phone'),
        email: field('email'),
        website: field('website'),
        start: slot.iso,
        language,
      };
      callServer('bookAppointment', [request], {
        success: (result) => {
          show('picker', false);
          show('details', false);
          show('done', true);
          byId('done-text').textContent = fill(texts.bookedDone, { when: clock.whenText(slot.start, slot.end) });
          if (result?.link) {
            byId('done-link').setAttribute('href', result.link);
            show('done-link', true);
          }
        },
        failure: (error) => {
          release();
          const text = failureText(error, texts.somethingWrong);
          if (text === page.takenText) {
            notice('form-notice', '');
            notice('notice', text, true);
            loadSlots(null);
            byId('picker').scrollIntoView();
          } else {
            notice('form-notice', text, true);
          }
        },
      });
    });
  });
  loadSlots(page.slots);
}

bookingPage(PAGE);
