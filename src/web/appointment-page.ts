// The attendee's appointment page (?l=token): details in both zones, and the cancel and reschedule steps.
import type { Texts } from '../domain/i18n/texts';
import { formatRange } from '../domain/time';
import { browserLocale, clientScript } from './client';
import { SafeHtml, html } from './html';
import type { AppointmentPageData, SlotJson } from './page-data';
import { browserTexts, pageLanguage } from './page-language';
import { pageFrame } from './pages';

export type { SlotJson } from './page-data';

export type AppointmentStep = AppointmentPageData['step'];

export interface AppointmentView {
  hostName: string;
  title: string;
  start: number;
  end: number;
  /** The host's calendar zone: the times the page prints before any script runs. */
  timeZone: string;
  /** The attendee's language: every text of the page, and how its dates are written. */
  texts: Texts;
  /** This page in another language (the picker); remembered for the number when `rememberLanguage` is set. */
  hrefFor: (code: string) => string;
  rememberLanguage: string;
  token: string;
  icsLink: string;
  bookingLink: string;
  step: AppointmentStep;
  /** False when the appointment has started or is shared with others: then only "add to calendar". */
  canChange: boolean;
  /** Why it cannot be changed here, shown instead of the buttons. */
  note?: string;
  /** Free slots for the reschedule step, so it opens without another round trip. */
  slots?: SlotJson[];
  takenText: string;
  /** An occurrence of a series: that it belongs to one, and that changes here change this date only. */
  seriesNote?: string;
}

/** Page-specific styles on top of the shared frame's. */
export const EXTRA_STYLE = new SafeHtml(`<style>
  .when { font-size: 1.05rem; margin: 12px 0 4px; }
  .status { display: inline-block; padding: 2px 10px; border-radius: 999px; background: #e3f9e5; color: #0b6b3a; font-size: .85rem; font-weight: 600; }
  .status.cancelled { background: #ffe3e3; color: #8a1c1c; }
  h3.day { font-size: .95rem; margin: 14px 0 8px; }
  .days { display: flex; gap: 6px; overflow-x: auto; padding: 2px 0 8px; -webkit-overflow-scrolling: touch; }
  .days button { flex: 0 0 auto; min-width: 56px; min-height: 0; padding: 6px 8px; border-radius: 10px; background: #fff; color: var(--ink); border: 1px solid var(--line); font-weight: 400; line-height: 1.2; }
  .days button span, .days button strong { display: block; }
  .days button span { font-size: .75rem; color: var(--muted); }
  .days button strong { font-size: 1.1rem; }
  .days button[aria-selected="true"] { border-color: var(--brand); background: #e6f4f1; }
  .slots button.selected { background: var(--brand); color: #fff; }
  .slots button.selected small { color: #e6fffa; }
  .confirm { margin-top: 16px; padding-top: 12px; border-top: 1px solid var(--line); }
  a.link { color: var(--brand); }
</style>`);

export function appointmentPage(view: AppointmentView): SafeHtml {
  const { texts } = view;
  const t = texts.t.bind(texts);
  const host = view.hostName;
  const title = view.title.trim() || t('untitled');
  const when = formatRange(view.start, view.end, view.timeZone, texts.locale);
  const data: AppointmentPageData = {
    token: view.token,
    hostZone: view.timeZone,
    locale: browserLocale(texts.locale),
    start: view.start,
    end: view.end,
    step: view.canChange ? view.step : 'view',
    canChange: view.canChange,
    slots: view.slots ?? null,
    takenText: view.takenText,
    noSlotsText: t('page.noSlotsAppointment', { host }),
    texts: browserTexts(texts),
    rememberLanguage: view.rememberLanguage,
  };
  // Names and times are isolated (bdi), so a Latin name or a time keeps its order inside right-to-left text.
  const content = html`${EXTRA_STYLE}
<div class="card" id="appointment">
  <span class="status" id="status">${t('page.booked')}</span>
  <h1><bdi>${title}</bdi></h1>
  <p>${t('page.withHost', { host })}</p>
  <p class="when"><bdi id="when-host">${when}</bdi></p>
  <p class="muted" id="when-local" dir="auto"></p>
  ${view.seriesNote ? html`<p class="muted" id="series-note">${view.seriesNote}</p>` : ''}
  <div id="notice" class="notice hidden" role="status" aria-live="polite"></div>
  ${view.note ? html`<p class="notice">${view.note}</p>` : ''}
  <div class="actions" id="actions">
    ${
      view.canChange
        ? html`<button type="button" class="secondary" id="start-reschedule">${t('page.reschedule')}</button>
    <button type="button" class="danger" id="start-cancel">${t('page.cancel')}</button>`
        : ''
    }
    <a class="button secondary" id="add-to-calendar" href="${view.icsLink}" target="_top">${t('page.addToCalendar')}</a>
  </div>
  <div id="done" class="hidden">
    <p class="notice" id="done-text"></p>
    <div class="actions"><a class="button" href="${view.bookingLink}" target="_top">${t('page.bookNewTime')}</a></div>
  </div>
</div>
<div class="card hidden" id="cancel-step">
  <h2>${t('page.cancelQuestion')}</h2>
  <p>${t('page.cancelExplain', { host })}</p>
  <div class="actions">
    <button type="button" class="danger" id="confirm-cancel">${t('page.yesCancel')}</button>
    <button type="button" class="secondary" id="keep">${t('page.keep')}</button>
  </div>
</div>
<div class="card hidden" id="reschedule-step">
  <h2>${t('page.pickNewTime')}</h2>
  <p class="muted" id="zones" dir="auto"></p>
  <div id="slots" aria-live="polite"></div>
  <div class="confirm hidden" id="confirm-move">
    <p id="confirm-move-text"></p>
    <p class="muted" id="confirm-move-local" dir="auto"></p>
    <div class="actions"><button type="button" id="confirm-move-button">${t('page.yesMove')}</button></div>
  </div>
  <div class="actions"><button type="button" class="secondary" id="back">${t('page.back')}</button></div>
</div>
${clientScript('appointment', data)}`;
  return pageFrame(host, content, pageLanguage(texts, view.hrefFor));
}
