// Script of the appointment page (?l=token): both zones' times, then the cancel and reschedule steps.
import type { AppointmentPageData } from '../page-data';
import { busyButtons } from './busy';
import { byId, fill, loadSlotsInto, notice, PageClock, type PickedSlot, show } from './common';
import { failureText } from './failure';
import { callServer } from './server';

declare const PAGE: AppointmentPageData;

function appointmentPage(page: AppointmentPageData): void {
  const clock = new PageClock(page.hostZone, page.locale, page.texts);
  const texts = page.texts;
  const failed = (error: unknown): string => failureText(error, texts.somethingWrong);
  // A language picked on this page is remembered for the number, so its messages follow.
  if (page.rememberLanguage) callServer('chooseLanguage', [page.token, page.rememberLanguage], { success: () => {}, failure: () => {} });
  const whileBusy = busyButtons();
  let start = page.start;
  let end = page.end;
  let chosen: PickedSlot | null = null;

  function refreshTimes(hostText?: string): void {
    if (hostText) byId('when-host').textContent = hostText;
    byId('when-local').textContent = clock.viewerLine(start, end);
  }
  function step(name: AppointmentPageData['step']): void {
    show('actions', name === 'view');
    show('cancel-step', name === 'cancel');
    show('reschedule-step', name === 'reschedule');
    show('confirm-move', false);
    if (name === 'reschedule') loadSlots(page.slots);
  }
  function pick(slot: PickedSlot): void {
    chosen = slot;
    byId('confirm-move-text').textContent = fill(texts.moveQuestion, { when: clock.whenText(slot.start, slot.end) });
    byId('confirm-move-local').textContent = clock.viewerLine(slot.start, slot.end);
    show('confirm-move', true);
  }
  function loadSlots(initial: AppointmentPageData['slots']): void {
    // The slots rendered with the page serve the first visit of the step only; later visits ask afresh.
    page.slots = null;
    loadSlotsInto(byId('slots'), page, clock, initial, pick, (success, failure) =>
      callServer('listSlots', [page.token], { success, failure }),
    );
  }

  byId('zones').textContent = clock.zonesLine();
  refreshTimes();
  if (!page.canChange) {
    step('view');
    return;
  }
  byId('start-cancel').addEventListener('click', () => {
    notice('notice', '');
    step('cancel');
  });
  byId('start-reschedule').addEventListener('click', () => {
    notice('notice', '');
    step('reschedule');
  });
  byId('keep').addEventListener('click', () => step('view'));
  byId('back').addEventListener('click', () => step('view'));

  const cancelButton = byId<HTMLButtonElement>('confirm-cancel');
  cancelButton.addEventListener('click', () => {
    whileBusy(cancelButton, texts.cancelling, (release) =>
      callServer('cancelAppointment', [page.token], {
        success: (result) => {
          show('cancel-step', false);
          show('actions', false);
          show('done', true);
          byId('status').textContent = texts.cancelledStatus;
          byId('status').className = 'status cancelled';
          byId('done-text').textContent = result?.message ? result.message : texts.cancelledStatus;
        },
        failure: (error) => {
          release();
          notice('notice', failed(error), true);
        },
      }),
    );
  });

  const moveButton = byId<HTMLButtonElement>('confirm-move-button');
  moveButton.addEventListener('click', () => {
    const slot = chosen;
    if (!slot) return;
    whileBusy(moveButton, texts.moving, (release) =>
      callServer('rescheduleAppointment', [page.token, slot.iso], {
        success: (result) => {
          release();
          start = Date.parse(result.start);
          end = Date.parse(result.end);
          refreshTimes(result.when);
          step('view');
          notice('notice', result.message || result.when, false);
        },
        failure: (error) => {
          release();
          const text = failed(error);
          notice('notice', text, true);
          if (text === page.takenText) {
            show('confirm-move', false);
            loadSlots(null);
          }
        },
      }),
    );
  });

  step(page.step);
}

appointmentPage(PAGE);
