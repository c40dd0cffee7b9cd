// Sandbox attacks on languages: greetings that look like codes, the Languages sheet as hosts type it, event lines.
import { addEvent, HOUR, ledger, newSandbox, outbound, START } from '../support/sandbox';
import type { Sandbox } from '../../dev/sandbox';

const ADA = '+4915123456789';
const TOMORROW_11 = START + 26 * HOUR; // Tuesday 6 January 2026, 11:00 Berlin

function bodiesTo(sandbox: Sandbox, phone: string): string[] {
  return outbound(sandbox)
    .filter((m) => m.to === `whatsapp:${phone}`)
    .map((m) => m.body);
}

function write(sandbox: Sandbox, phone: string, body: string): string {
  sandbox.inbound({ from: phone, body });
  return bodiesTo(sandbox, phone).at(-1) ?? '';
}

function sheetRows(sandbox: Sandbox, name: string): string[][] {
  return ((sandbox.sheet(name) ?? []) as unknown[][]).slice(1).map((row) => row.map((cell) => String(cell)));
}

describe('greetings', () => {
  it('"Hi" gets the list and stores no choice of Hindi', () => {
    const sandbox = newSandbox();
    addEvent(sandbox, { summary: 'Checkup', location: ADA, start: TOMORROW_11 });
    expect(write(sandbox, ADA, 'Hi')).toMatch(/^Your appointment with Alex Morgan in the next 30 days:/);
    expect(sheetRows(sandbox, 'Languages')).toEqual([]);
    expect(ledger(sandbox)[0].state).toBe('active');
  });
});
