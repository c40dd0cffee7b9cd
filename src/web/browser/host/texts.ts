// The sidebar's Settings/Texts tabs and the Texts tab: lists getTexts() per language, saves changed texts with saveTexts, each refusal under its text.
import type { TextEntry } from '../../../domain/i18n/overrides';
import { failureText } from '../failure';
import { ask } from './ask';
import { whileBusy } from '../busy';
import { byId, element } from './dom';

/** A key as the host reads it: "message.scheduled" → "Message: scheduled". */
function keyLabel(key: string): string {
  const [area, ...rest] = key.split('.');
  const words = rest
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  const name = `${area.charAt(0).toUpperCase()}${area.slice(1)}`;
  return words === '' ? name : `${name}: ${words}`;
}

function placeholdersOf(text: string): string[] {
  return [...new Set(text.match(/\{[a-zA-Z]+\}/g) ?? [])];
}

/** Element ids from a key and language ("message.scheduled", "es" → "message-scheduled-es"). */
function idOf(key: string, language: string): string {
  return `${key.replace(/[^a-zA-Z0-9]/g, '-')}-${language}`;
}

class TextsTab {
  private entries: TextEntry[] = [];
  private loaded = false;
  private readonly list = byId('texts-list');
  private readonly status = byId('texts-status');
  private readonly language = byId<HTMLSelectElement>('texts-language');

  constructor() {
    this.language.addEventListener('change', () => this.render());
    const form = byId<HTMLFormElement>('texts-form');
    const button = byId<HTMLButtonElement>('texts-save');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void whileBusy(button, () => this.save());
    });
  }

  async open(): Promise<void> {
    if (this.loaded) return;
    this.status.textContent = 'Loading…';
    try {
      this.entries = (await ask('getTexts')).texts;
      this.loaded = true;
      this.status.textContent = '';
      this.render();
    } catch (error) {
      this.status.textContent = `The texts could not be loaded: ${failureText(error)}`;
    }
  }

  private render(): void {
    const language = this.language.value;
    this.list.replaceChildren(...this.entries.filter((entry) => entry.language === language).map((entry) => this.block(entry)));
  }

  private block(entry: TextEntry): HTMLElement {
    const id = idOf(entry.key, entry.language);
    const names = placeholdersOf(entry.default);
    const help = `Default: ${entry.default}${names.length > 0 ? ` (placeholders: ${names.join(' ')})` : ''}`;
    const area = element('textarea', {
      id: `text-${id}`,
      rows: String(Math.min(6, Math.max(2, Math.ceil(entry.text.length / 34)))),
      spellcheck: 'true',
      lang: entry.language,
      dir: 'auto',
      'data-key': entry.key,
      'data-language': entry.language,
      'aria-describedby': `text-error-${id} text-help-${id}`,
    });
    area.value = entry.text;
    const error = element('p', { class: 'error', id: `text-error-${id}` });
    if (entry.problem) {
      error.textContent = `Your text in the Texts sheet is not used: ${entry.problem}`;
      area.setAttribute('aria-invalid', 'true');
    } else error.hidden = true;
    const marks = entry.overridden ? [element('p', { class: 'overridden' }, 'Your own wording')] : [];
    return element(
      'div',
      { class: 'field', 'data-text': entry.key },
      element('label', { for: `text-${id}` }, keyLabel(entry.key)),
      area,
      error,
      ...marks,
      element('p', { class: 'help', id: `text-help-${id}` }, help),
    );
  }

  private areas(): HTMLTextAreaElement[] {
    return Array.from(this.list.querySelectorAll<HTMLTextAreaElement>('textarea[data-key]'));
  }

  private async save(): Promise<void> {
    const byKey = new Map(this.entries.map((entry) => [`${entry.key}|${entry.language}`, entry]));
    const changed = this.areas().filter((area) => byKey.get(`${area.dataset.key}|${area.dataset.language}`)?.text !== area.value);
    for (const area of this.areas()) {
      const error = document.getElementById(`text-error-${idOf(area.dataset.key ?? '', area.dataset.language ?? '')}`);
      if (error && !byKey.get(`${area.dataset.key}|${area.dataset.language}`)?.problem) {
        error.hidden = true;
        error.textContent = '';
        area.removeAttribute('aria-invalid');
      }
    }
    if (changed.length === 0) {
      this.status.textContent = 'Nothing changed.';
      return;
    }
    this.status.textContent = 'Saving…';
    const entries = changed.map((area) => ({ key: area.dataset.key ?? '', language: area.dataset.language ?? '', text: area.value }));
    try {
      const answer = await ask('saveTexts', entries);
      if (answer.ok) {
        this.entries = (await ask('getTexts')).texts;
        this.render();
        this.status.textContent = `Saved ${changed.length} ${changed.length === 1 ? 'text' : 'texts'}.`;
        return;
      }
      let first: HTMLTextAreaElement | undefined;
      const elsewhere: string[] = [];
      for (const refusal of answer.errors) {
        const id = idOf(refusal.key, refusal.language);
        const area = document.getElementById(`text-${id}`) as HTMLTextAreaElement | null;
        const slot = document.getElementById(`text-error-${id}`);
        if (!area || !slot) {
          elsewhere.push(refusal.error);
          continue;
        }
        slot.textContent = `Not saved: ${refusal.error}`;
        slot.hidden = false;
        area.setAttribute('aria-invalid', 'true');
        first ??= area;
      }
      const count = answer.errors.length;
      this.status.textContent = [`Nothing was saved: ${count} ${count === 1 ? 'text needs' : 'texts need'} a change.`, ...elsewhere].join(
        ' ',
      );
      first?.focus();
    } catch (error) {
      this.status.textContent = `Nothing was saved: ${failureText(error)}`;
    }
  }
}

/** WAI-ARIA tabs: click or arrow keys switch between Settings and Texts; the Texts tab loads on first view. */
export function startTabs(): void {
  const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
  if (tabs.length === 0) return;
  const texts = new TextsTab();
  const select = (tab: HTMLButtonElement): void => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      byId(other.getAttribute('aria-controls') ?? '').hidden = !selected;
    }
    tab.focus();
    if (tab.id === 'tab-texts') void texts.open();
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      select(tabs[(index + step + tabs.length) % tabs.length]);
    });
  });
}
