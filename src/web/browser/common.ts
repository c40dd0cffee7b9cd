// Shared by the attendee pages' scripts: times in the host's and the visitor's zone, slot lists, notices.
import type { CommonPageData, PageTexts, SlotJson } from '../page-data';
import { failureText } from './failure';

/** "{zone}" → its value: the server sent the page's texts with these placeholders left for the browser. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name] : whole));
}

/** A slot as the page uses it: epoch ms for formatting, the ISO start to send back. */
export interface PickedSlot {
  start: number;
  end: number;
  iso: string;
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const SHORT_DAY: Intl.DateTimeFormatOptions = { weekday: 'short' };
const CLOCK: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' };

function viewerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    return '';
  }
}

export function zoneName(zone: string): string {
  return String(zone).replace(/_/g, ' ');
}

/** Times of one page: the host's zone (the appointment's truth) and the visitor's, when the browser tells it. */
export class PageClock {
  readonly viewerZone = viewerZone();
  private readonly formatters: Record<string, Intl.DateTimeFormat> = {};

  constructor(
    readonly hostZone: string,
    private readonly locale: string,
    readonly texts: PageTexts,
  ) {}

  format(ms: number, zone: string, options: Intl.DateTimeFormatOptions): string {
    const key = zone + JSON.stringify(options);
    if (!this.formatters[key]) {
      const all = { ...options, timeZone: zone };
      try {
        this.formatters[key] = new Intl.DateTimeFormat(this.locale, all);
      } catch {
        this.formatters[key] = new Intl.DateTimeFormat('en-GB', all);
      }
    }
    return this.formatters[key].format(new Date(ms));
  }

  day(ms: number, zone = this.hostZone): string {
    return this.format(ms, zone, DAY);
  }

  time(ms: number, zone = this.hostZone): string {
    return this.format(ms, zone, TIME);
  }

  shortDay(ms: number, zone = this.hostZone): string {
    return this.format(ms, zone, SHORT_DAY);
  }

  /** True when the visitor's wall clock reads the same as the host's (or the visitor's zone is unknown). */
  sameClock(ms: number): boolean {
    if (!this.viewerZone) return true;
    return this.format(ms, this.hostZone, CLOCK) === this.format(ms, this.viewerZone, CLOCK);
  }

  /** The small print under a time: the visitor's own clock, or that it matches. */
  viewerLine(start: number, end: number): string {
    if (!this.viewerZone) return '';
    if (this.sameClock(start)) return fill(this.texts.sameLocalTime, { zone: zoneName(this.viewerZone) });
    const zone = this.viewerZone;
    const when = `${this.day(start, zone)}, ${this.time(start, zone)}\u2013${this.time(end, zone)}`;
    return fill(this.texts.yourTime, { zone: zoneName(zone), when });
  }

  whenText(start: number, end: number): string {
    const zone = this.sameClock(start) ? '' : ` (${zoneName(this.hostZone)})`;
    return `${this.day(start)}, ${this.time(start)}\u2013${this.time(end)}${zone}`;
  }

  zonesLine(): string {
    if (!this.viewerZone || this.viewerZone === this.hostZone) return fill(this.texts.zonesHost, { zone: zoneName(this.hostZone) });
    return fill(this.texts.zonesBoth, { hostZone: zoneName(this.hostZone), viewerZone: zoneName(this.viewerZone) });
  }
}

/** Only textContent reaches the DOM, so nothing from an event or a request can become markup. */
export function el<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, className?: string, text?: string): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An element the server rendered; a missing one is a page/script mismatch, so it fails loudly. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

export function show(id: string, visible: boolean): void {
  document.getElementById(id)?.classList.toggle('hidden', !visible);
}

export function notice(id: string, text: string, isError = false): void {
  const node = byId(id);
  node.textContent = text;
  node.className = 'notice' + (isError ? ' error' : '');
  if (!text) node.className += ' hidden';
}

/** Asks the server for slots: `request` makes the call with these handlers attached. */
export type SlotRequest = (success: (slots: SlotJson[]) => void, failure: (error: Error) => void) => void;

/** Shows the slots given, or asks the server for them; onPick gets the chosen slot. */
export function loadSlotsInto(
  box: HTMLElement,
  page: CommonPageData,
  clock: PageClock,
  initial: SlotJson[] | null,
  onPick: (slot: PickedSlot) => void,
  request: SlotRequest,
): void {
  if (initial) {
    renderSlots(box, clock, initial, onPick, page.noSlotsText);
    return;
  }
  box.textContent = '';
  box.appendChild(el('p', 'muted', clock.texts.lookingUp));
  request(
    (slots) => renderSlots(box, clock, slots, onPick, page.noSlotsText),
    (error) => {
      box.textContent = '';
      notice('notice', failureText(error, clock.texts.somethingWrong), true);
    },
  );
}

/** A strip of days (host's calendar) and the slot buttons of the chosen day. */
function renderSlots(
  container: HTMLElement,
  clock: PageClock,
  slots: SlotJson[],
  onPick: (slot: PickedSlot) => void,
  emptyText: string,
): void {
  container.textContent = '';
  if (!slots || slots.length === 0) {
    container.appendChild(el('p', 'muted', emptyText));
    return;
  }
  const days: Array<{ key: string; first: number }> = [];
  const byDay: Record<string, PickedSlot[]> = {};
  for (const slot of slots) {
    const start = Date.parse(slot.start);
    const key = clock.day(start);
    if (!byDay[key]) {
      byDay[key] = [];
      days.push({ key, first: start });
    }
    byDay[key].push({ start, end: Date.parse(slot.end), iso: slot.start });
  }
  const strip = el('div', 'days');
  strip.setAttribute('role', 'tablist');
  const heading = el('h3', 'day');
  const grid = el('div', 'slots');
  container.appendChild(strip);
  container.appendChild(heading);
  container.appendChild(grid);

  function showDay(day: { key: string }, chip: HTMLButtonElement): void {
    for (const other of Array.from(strip.querySelectorAll('button')))
      other.setAttribute('aria-selected', other === chip ? 'true' : 'false');
    heading.textContent = day.key;
    grid.textContent = '';
    for (const slot of byDay[day.key]) {
      const button = el('button', 'slot', clock.time(slot.start));
      button.type = 'button';
      button.setAttribute('data-start', slot.iso);
      if (!clock.sameClock(slot.start)) {
        let local = clock.time(slot.start, clock.viewerZone);
        if (clock.day(slot.start, clock.viewerZone) !== day.key) local = `${clock.shortDay(slot.start, clock.viewerZone)} ${local}`;
        button.appendChild(el('small', '', fill(clock.texts.yourSlot, { time: local })));
      }
      button.addEventListener('click', () => {
        for (const picked of Array.from(container.querySelectorAll('button.slot.selected'))) picked.classList.remove('selected');
        button.classList.add('selected');
        onPick(slot);
      });
      grid.appendChild(button);
    }
  }

  days.forEach((day, index) => {
    const chip = el('button', 'daychip');
    chip.type = 'button';
    chip.setAttribute('role', 'tab');
    chip.setAttribute('data-day', day.key);
    chip.appendChild(el('span', '', clock.shortDay(day.first)));
    chip.appendChild(el('strong', '', clock.format(day.first, clock.hostZone, { day: 'numeric' })));
    chip.appendChild(el('span', '', clock.format(day.first, clock.hostZone, { month: 'short' })));
    chip.addEventListener('click', () => showDay(day, chip));
    strip.appendChild(chip);
    if (index === 0) showDay(day, chip);
  });
}
