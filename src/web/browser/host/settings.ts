// The settings sidebar in the browser: sends the form to saveSettings and shows each refusal next to its field.
import type { FormField } from '../../../domain/settings-form';
import { whileBusy } from '../busy';
import { byId } from './dom';
import { failureText } from '../failure';
import { ask } from './ask';

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function fieldsOf(form: HTMLFormElement): FieldElement[] {
  return Array.from(form.elements).filter(
    (node): node is FieldElement =>
      (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement) && node.name !== '',
  );
}

function errorSlot(name: string): HTMLElement | null {
  return document.getElementById(`error-${name}`);
}

function clearErrors(form: HTMLFormElement): void {
  for (const field of fieldsOf(form)) {
    field.removeAttribute('aria-invalid');
    const slot = errorSlot(field.name);
    if (slot) {
      slot.textContent = '';
      slot.hidden = true;
    }
  }
}

function labelOf(name: string): string {
  return document.querySelector(`label[for="field-${name}"]`)?.textContent?.trim() || name;
}

/** Shows each message next to its field; returns the messages that have no field on this form. */
function showErrors(form: HTMLFormElement, errors: Record<string, string>): string[] {
  const elsewhere: string[] = [];
  let first: FieldElement | undefined;
  for (const field of fieldsOf(form)) {
    const message = errors[field.name];
    const slot = errorSlot(field.name);
    if (message === undefined || !slot) continue;
    field.setAttribute('aria-invalid', 'true');
    slot.textContent = `${labelOf(field.name)} ${message}`;
    slot.hidden = false;
    first ??= field;
  }
  for (const [name, message] of Object.entries(errors)) if (!errorSlot(name)) elsewhere.push(`${name} ${message}`);
  if (first) {
    // Centred, so the sticky Save bar never covers the field that needs a change.
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }
  return elsewhere;
}

/** After a save: the stored values as the server now has them, and which secrets are set. */
function showStored(form: HTMLFormElement, fields: FormField[]): void {
  const byName = new Map(fields.map((field) => [field.name, field]));
  for (const element of fieldsOf(form)) {
    const field = byName.get(element.name);
    if (!field) continue;
    element.value = field.value;
    if (field.secret && element instanceof HTMLInputElement) {
      element.placeholder = field.set ? 'Stored; type a new one to replace it' : 'Not set';
    }
  }
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

async function save(form: HTMLFormElement, status: HTMLElement): Promise<void> {
  clearErrors(form);
  status.textContent = 'Saving…';
  const values: Record<string, string> = {};
  for (const field of fieldsOf(form)) values[field.name] = field.value;
  try {
    const answer = await ask('saveSettings', values);
    if (answer.ok) {
      const fresh = await ask('getSettingsForm');
      showStored(form, fresh.fields);
      status.textContent =
        answer.saved.length === 0
          ? 'Nothing changed.'
          : `Saved ${plural(answer.saved.length, 'setting')}: ${answer.saved.map(labelOf).join(', ')}.`;
      return;
    }
    const elsewhere = showErrors(form, answer.errors);
    const count = Object.keys(answer.errors).length;
    status.textContent = [`Nothing was saved: ${plural(count, 'setting')} ${count === 1 ? 'needs' : 'need'} a change.`, ...elsewhere].join(
      ' ',
    );
  } catch (error) {
    status.textContent = `Nothing was saved: ${failureText(error)}`;
  }
}

export function startSettings(): void {
  const form = byId<HTMLFormElement>('settings-form');
  const status = byId('settings-status');
  const button = byId<HTMLButtonElement>('settings-save');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(button, () => save(form, status));
  });
}
