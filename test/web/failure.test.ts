// Browser helper failureText: how a google.script.run failure reads on host panels and attendee pages alike.
import { failureText } from '../../src/web/browser/failure';

describe('failureText', () => {
  test.each([
    ['Exception: The slot is taken', 'The slot is taken'],
    ['Error: The slot is taken', 'The slot is taken'],
    ['ScriptError: The slot is taken', 'The slot is taken'],
    ['Uncaught Exception: The slot is taken', 'The slot is taken'],
    ['Uncaught Error: The slot is taken', 'The slot is taken'],
    ['Uncaught ScriptError: The slot is taken', 'The slot is taken'],
    ['Exception:The slot is taken', 'The slot is taken'],
    ['The slot is taken', 'The slot is taken'],
  ])('strips the prefix of %j', (message, expected) => {
    expect(failureText(new Error(message), 'fallback')).toBe(expected);
  });

  test('strips one prefix only, and only at the start', () => {
    expect(failureText(new Error('Exception: Error: nested'), 'fallback')).toBe('Error: nested');
    expect(failureText(new Error('Bad Exception: x'), 'fallback')).toBe('Bad Exception: x');
  });

  test('reads an error from another realm by its message, and a string as itself', () => {
    expect(failureText({ message: 'Exception: from the iframe' }, 'fallback')).toBe('from the iframe');
    expect(failureText('ScriptError: plain text', 'fallback')).toBe('plain text');
  });

  test('falls back when the failure says nothing', () => {
    expect(failureText(undefined, 'Something went wrong')).toBe('Something went wrong');
    expect(failureText(null, 'Something went wrong')).toBe('Something went wrong');
    expect(failureText(new Error(''), 'Something went wrong')).toBe('Something went wrong');
    expect(failureText('Exception: ', 'Something went wrong')).toBe('Something went wrong');
  });
  it("says no reason was given, in the host panels' English, when no fallback is named", () => {
    expect(failureText(undefined)).toBe('no reason was given');
    expect(failureText(new Error('Exception: '))).toBe('no reason was given');
  });
});
