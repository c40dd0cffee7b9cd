// Unit tests of the inbound command parser: synonyms in five languages, numbered items, buttons, the question rule, odd input.
import { MAX_INBOUND_CHARS, cleanInboundText, normalizeForMatching, parseCommand } from '../../src/domain/commands';

const parse = (body: string, extra: { buttonPayload?: string; mediaCount?: number } = {}) => parseCommand({ body, ...extra });
const TOKEN = 'pCcVPqwUUNrJxwcl';

describe('parseCommand', () => {
  it.each([
    ['list', 'list'],
    ['LIST', 'list'],
    ['Appointments', 'list'],
    ['my appointments', 'list'],
    ['Termine', 'list'],
    ['meine Termine!', 'list'],
    ['citas', 'list'],
    ['Mis citas', 'list'],
    ['rendez-vous', 'list'],
    ['RDV', 'list'],
    ['agendamentos', 'list'],
    ['marcações', 'list'],
    ['help', 'help'],
    ['Hilfe', 'help'],
    ['ayuda', 'help'],
    ['aide', 'help'],
    ['ajuda', 'help'],
    ['?', 'help'],
    ['stop', 'stop'],
    ['STOP', 'stop'],
    ['Unsubscribe', 'stop'],
    ['stopp', 'stop'],
    ['Arrêt', 'stop'],
    ['parar', 'stop'],
    ['baja', 'stop'],
    ['opt-out', 'stop'],
    ['abmelden', 'stop'],
    ['start', 'start'],
    ['START', 'start'],
    ['unstop', 'start'],
    ['subscribe', 'start'],
    ['alta', 'start'],
    ['démarrer', 'start'],
    ['iniciar', 'start'],
  ])('%s → %s', (body, kind) => {
    expect(parse(body).kind).toBe(kind);
  });

  it('reads numbered cancels and confirms in every language and word order', () => {
    expect(parse('cancel 2')).toEqual({ kind: 'cancel', item: 2 });
    expect(parse('Cancel #2')).toEqual({ kind: 'cancel', item: 2 });
    expect(parse('2 cancel')).toEqual({ kind: 'cancel', item: 2 });
    expect(parse('absagen 1')).toEqual({ kind: 'cancel', item: 1 });
    expect(parse('cancelar 3')).toEqual({ kind: 'cancel', item: 3 });
    expect(parse('annuler nr 12')).toEqual({ kind: 'cancel', item: 12 });
    expect(parse('cancel 0')).toEqual({ kind: 'cancel', item: 0 });
    expect(parse('confirm 1')).toEqual({ kind: 'confirm', item: 1 });
    expect(parse('bestätigen 2')).toEqual({ kind: 'confirm', item: 2 });
    expect(parse('confirmer')).toEqual({ kind: 'confirm', item: null });
  });

  it('takes a bare 1 or 2 (and yes, cancel) as the answer to the latest reminder', () => {
    expect(parse('1')).toEqual({ kind: 'confirm', item: null });
    expect(parse(' 2 ')).toEqual({ kind: 'cancel', item: null });
    expect(parse('Yes')).toEqual({ kind: 'confirm', item: null });
    expect(parse('oui')).toEqual({ kind: 'confirm', item: null });
    expect(parse('cancel')).toEqual({ kind: 'cancel', item: null });
    expect(parse('3').kind).toBe('list');
  });

  it('reads quick-reply buttons: a signed payload names the appointment, a fixed one answers the reminder', () => {
    expect(parse('Confirm', { buttonPayload: `confirm:${TOKEN}` })).toEqual({ kind: 'button', action: 'confirm', token: TOKEN });
    expect(parse('Cancel', { buttonPayload: `cancel:${TOKEN}` })).toEqual({ kind: 'button', action: 'cancel', token: TOKEN });
    expect(parse('Cancel', { buttonPayload: 'cancel' })).toEqual({ kind: 'cancel', item: null });
    // A malformed payload is ignored: the visible text decides.
    expect(parse('list', { buttonPayload: 'cancel:short' })).toEqual({ kind: 'list' });
  });

  it('gives short unknown messages the list and forwards questions and sentences to the host', () => {
    expect(parse('hello').kind).toBe('list');
    expect(parse('hi there').kind).toBe('list');
    expect(parse('👍').kind).toBe('list');
    expect(parse('Where are you?')).toEqual({ kind: 'forward', text: 'Where are you?' });
    expect(parse("I'll be 10 minutes late")).toEqual({ kind: 'forward', text: "I'll be 10 minutes late" });
    expect(parse('Can I cancel 2 appointments at once').kind).toBe('forward');
    expect(parse('time?').kind).toBe('forward');
  });

  it('forwards one very long word (6,000 characters): only a short message gets the list', () => {
    const word = 'a'.repeat(6000);
    expect(parse(word)).toEqual({ kind: 'forward', text: `${'a'.repeat(MAX_INBOUND_CHARS)}…` });
    expect(parse('x'.repeat(41)).kind).toBe('forward');
    expect(parse('x'.repeat(40)).kind).toBe('list');
    expect(parse('🙂'.repeat(20)).kind).toBe('list');
  });

  it('tells an empty message from a media message', () => {
    expect(parse('')).toEqual({ kind: 'empty' });
    expect(parse(' \u0000 \u200B ')).toEqual({ kind: 'empty' });
    expect(parse('', { mediaCount: 2 })).toEqual({ kind: 'media', count: 2 });
  });
});

describe('cleanInboundText', () => {
  it('removes control and bidi characters and keeps line breaks and emoji', () => {
    expect(cleanInboundText('a\u0007b\r\nc\u202Ed\t😀')).toBe('ab\ncd 😀');
  });

  it('cuts 5,000 characters without splitting an emoji', () => {
    const long = '😀'.repeat(MAX_INBOUND_CHARS + 10);
    const cut = cleanInboundText(long);
    expect(Array.from(cut)).toHaveLength(MAX_INBOUND_CHARS + 1);
    expect(cut.endsWith('😀…')).toBe(true);
    expect(parse('x '.repeat(4000)).kind).toBe('forward');
  });

  it('normalizes accents, case and punctuation for matching', () => {
    expect(normalizeForMatching('  Arrêt!!  ')).toBe('arret');
    expect(normalizeForMatching('Rendez-Vous')).toBe('rendez vous');
  });
});
