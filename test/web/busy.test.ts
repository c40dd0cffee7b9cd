// Browser busy buttons: markBusy, whileBusy (host panels) and busyButtons (attendee pages) disable and restore a button.
import { type BusyButton, busyButtons, markBusy, whileBusy } from '../../src/web/browser/busy';

function fakeButton(text: string): BusyButton & { attributes: Map<string, string> } {
  const attributes = new Map<string, string>();
  return {
    disabled: false,
    textContent: text,
    attributes,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
  };
}

describe('markBusy', () => {
  test('disables the button with the busy text, and the release restores it', () => {
    const button = fakeButton('Book');
    const release = markBusy(button, 'Booking…');
    expect([button.disabled, button.textContent, button.attributes.get('aria-busy')]).toEqual([true, 'Booking…', 'true']);
    release();
    expect([button.disabled, button.textContent, button.attributes.has('aria-busy')]).toEqual([false, 'Book', false]);
  });

  test('without a busy text the button keeps its own', () => {
    const button = fakeButton('Save');
    const release = markBusy(button);
    expect([button.disabled, button.textContent]).toEqual([true, 'Save']);
    release();
    expect([button.disabled, button.textContent]).toEqual([false, 'Save']);
  });
});

describe('whileBusy', () => {
  test('keeps the button busy while the work runs and hands back its result', async () => {
    const button = fakeButton('Save');
    let seen: boolean | undefined;
    const result = await whileBusy(button, async () => {
      seen = button.disabled;
      return 42;
    });
    expect([seen, result, button.disabled, button.attributes.has('aria-busy')]).toEqual([true, 42, false, false]);
  });

  test('restores the button when the work fails, and passes the failure on', async () => {
    const button = fakeButton('Save');
    await expect(whileBusy(button, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(button.disabled).toBe(false);
  });
});

describe('busyButtons', () => {
  test('runs one call at a time per page until it is released', () => {
    const whileBusyOnPage = busyButtons();
    const cancel = fakeButton('Cancel');
    const move = fakeButton('Move');
    let release: () => void = () => {};
    expect(whileBusyOnPage(cancel, 'Cancelling…', (done) => (release = done))).toBe(true);
    expect(cancel.textContent).toBe('Cancelling…');
    const refused = jest.fn();
    expect(whileBusyOnPage(move, 'Moving…', refused)).toBe(false);
    expect([refused.mock.calls.length, move.disabled, move.textContent]).toEqual([0, false, 'Move']);
    release();
    expect([cancel.disabled, cancel.textContent]).toEqual([false, 'Cancel']);
    expect(whileBusyOnPage(move, 'Moving…', () => {})).toBe(true);
    expect([move.disabled, move.textContent]).toEqual([true, 'Moving…']);
  });
});
