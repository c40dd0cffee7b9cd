// The page of a series' own link: the series in the attendee's words and its next occurrences, each opening its own page.
import type { Texts } from '../domain/i18n/texts';
import { formatRange } from '../domain/time';
import { html } from './html';
import { EXTRA_STYLE } from './appointment-page';
import { pageLanguage } from './page-language';
import { pageFrame } from './pages';

export interface SeriesView {
  hostName: string;
  title: string;
  /** The rule in words from the next occurrence on (src/domain/recurrence-words.ts). */
  rule: string;
  /** Upcoming occurrences within the ledger's horizon, in start order, each with its own page. */
  occurrences: ReadonlyArray<{ start: number; end: number; link: string }>;
  timeZone: string;
  texts: Texts;
  hrefFor: (code: string) => string;
  icsLink: string;
}

export function seriesPage(view: SeriesView) {
  const { texts } = view;
  const t = texts.t.bind(texts);
  const host = view.hostName;
  const title = view.title.trim() || t('untitled');
  // A series is changed one date at a time from here: the whole series is the host's to change.
  const items = view.occurrences.map(
    (occurrence) =>
      html`<li><a class="link" href="${occurrence.link}" target="_top"><bdi>${formatRange(occurrence.start, occurrence.end, view.timeZone, texts.locale)}</bdi></a></li>`,
  );
  const content = html`${EXTRA_STYLE}
<div class="card" id="series">
  <span class="status" id="status">${t('page.booked')}</span>
  <h1><bdi>${title}</bdi></h1>
  <p>${t('page.withHost', { host })}</p>
  <p class="when"><bdi id="series-rule">${view.rule}</bdi></p>
  <h2>${t('page.seriesNext')}</h2>
  ${items.length > 0 ? html`<ul id="occurrences">${items}</ul><p class="muted">${t('page.seriesPick')}</p>` : html`<p class="muted">${t('page.seriesNone', { host })}</p>`}
  <div class="actions">
    <a class="button secondary" id="add-to-calendar" href="${view.icsLink}" target="_top">${t('page.addToCalendar')}</a>
  </div>
</div>`;
  return pageFrame(host, content, pageLanguage(texts, view.hrefFor));
}
