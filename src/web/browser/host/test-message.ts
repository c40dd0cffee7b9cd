// The test-message dialog in the browser: sends one real WhatsApp through sendTestMessage and says what Twilio answered.
import { whileBusy } from '../busy';
import { byId } from './dom';
import { failureText } from '../failure';
import { ask } from './ask';

async function send(phone: HTMLInputElement, status: HTMLElement): Promise<void> {
  status.textContent = 'Sending…';
  phone.removeAttribute('aria-invalid');
  try {
    const answer = await ask('sendTestMessage', phone.value);
    if (answer.ok) {
      status.textContent = `Sent to ${answer.to}${answer.sid ? ` (Twilio message ${answer.sid})` : ''}. Check that phone's WhatsApp.`;
    } else {
      phone.setAttribute('aria-invalid', 'true');
      status.textContent = `Not sent${answer.to ? ` to ${answer.to}` : ''}: ${answer.error ?? 'Twilio refused it.'}`;
    }
  } catch (error) {
    status.textContent = `Not sent: ${failureText(error)}`;
  }
}

export function startTestMessage(): void {
  const form = byId<HTMLFormElement>('test-form');
  const phone = byId<HTMLInputElement>('test-phone');
  const status = byId('test-status');
  const button = byId<HTMLButtonElement>('test-send');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(button, () => send(phone, status));
  });
}
