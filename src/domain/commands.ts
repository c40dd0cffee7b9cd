// What an attendee's WhatsApp message asks for: a command (list, help, stop, start, cancel N, confirm) or words for the host.
import { looksLikeToken } from './tokens';

/** Longer messages are cut here (WhatsApp allows 65,536 characters; nobody writes that to book a dentist). */
export const MAX_INBOUND_CHARS = 5000;

/** A message longer than this is never taken for a greeting that deserves the list: it is words for the host. */
export const SHORT_MESSAGE_CHARS = 40;

export type ButtonAction = 'confirm' | 'cancel';

export type Command =
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'stop' }
  | { kind: 'start' }
  /** `item` is a number from the list; null means the appointment of the latest reminder. */
  | { kind: 'cancel'; item: number | null }
  | { kind: 'confirm'; item: number | null }
  /** A quick-reply button of a reminder template: the payload names the appointment by its signed token. */
  | { kind: 'button'; action: ButtonAction; token: string }
  /** Words for the host: a question, "I'll be 10 minutes late". */
  | { kind: 'forward'; text: string }
  /** No text at all: a photo, a voice note, a location. */
  | { kind: 'media'; count: number }
  | { kind: 'empty' };

// Matched after lower-casing and removing accents and punctuation, so "Arrêt!" is "arret".
const LIST_WORDS = [
  'list',
  'appointments',
  'appointment',
  'my appointments',
  'show',
  'show appointments',
  'bookings',
  'next',
  'upcoming',
  'termine',
  'termin',
  'meine termine',
  'liste',
  'ubersicht',
  'citas',
  'cita',
  'mis citas',
  'lista',
  'reservas',
  'rendez vous',
  'rdv',
  'mes rendez vous',
  'mes rdv',
  'agendamentos',
  'agendamento',
  'meus agendamentos',
  'consultas',
  'marcacoes',
  'horarios',
];
const HELP_WORDS = ['help', 'info', 'menu', 'commands', 'hilfe', 'ayuda', 'aide', 'ajuda', 'socorro'];
const STOP_WORDS = [
  'stop',
  'stop all',
  'stopall',
  'unsubscribe',
  'opt out',
  'optout',
  'end',
  'quit',
  'stopp',
  'abmelden',
  'abbestellen',
  'keine nachrichten',
  'baja',
  'darme de baja',
  'dar de baja',
  'alto',
  'arret',
  'arreter',
  'desabonner',
  'se desabonner',
  'desinscrire',
  'parar',
  'sair',
  'cancelar inscricao',
  'descadastrar',
];
const START_WORDS = [
  'start',
  'unstop',
  'subscribe',
  'opt in',
  'optin',
  'resume',
  'starten',
  'anmelden',
  'fortsetzen',
  'alta',
  'empezar',
  'comenzar',
  'reanudar',
  'demarrer',
  'commencer',
  'reprendre',
  'sabonner',
  'iniciar',
  'comecar',
  'voltar',
  'retomar',
];
const CANCEL_WORDS = ['cancel', 'absagen', 'stornieren', 'cancelar', 'anular', 'annuler', 'desmarcar'];
const CONFIRM_WORDS = [
  'confirm',
  'confirmed',
  'yes',
  'bestatigen',
  'bestatigt',
  'ja',
  'confirmar',
  'confirmo',
  'si',
  'confirmer',
  'je confirme',
  'oui',
  'sim',
  'confirmado',
];

const LIST = new Set(LIST_WORDS);
const HELP = new Set(HELP_WORDS);
const STOP = new Set(STOP_WORDS);
const START = new Set(START_WORDS);
const CANCEL = new Set(CANCEL_WORDS);
const CONFIRM = new Set(CONFIRM_WORDS);

/**
 * The message as safe text: control and bidi-override characters removed (they can hide or
 * reorder what the host reads in a forward), line breaks kept, cut at MAX_INBOUND_CHARS without
 * splitting an emoji in half.
 */
export function cleanInboundText(raw: string): string {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/\t/g, ' ')
    .trim();
  const characters = Array.from(text);
  return characters.length <= MAX_INBOUND_CHARS ? text : `${characters.slice(0, MAX_INBOUND_CHARS).join('')}…`;
}

/** Lower case, accents and punctuation removed, single spaces: the form commands are matched in. */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "cancel 2", "2 cancel", "cancel #2", "cancelar 2", "cancel": a word of `words` with at most one number. */
function withItem(normalized: string, words: ReadonlySet<string>): { matched: boolean; item: number | null } {
  if (words.has(normalized)) return { matched: true, item: null };
  const match = /^(?:(.+?) (?:no |nr |n |number )?(\d{1,2})|(\d{1,2}) (.+))$/.exec(normalized);
  if (!match) return { matched: false, item: null };
  const word = match[1] ?? match[4];
  const digits = match[2] ?? match[3];
  return words.has(word) ? { matched: true, item: Number(digits) } : { matched: false, item: null };
}

function buttonCommand(payload: string): Command | null {
  const match = /^(confirm|cancel):(.+)$/.exec(payload.trim());
  if (match && looksLikeToken(match[2])) return { kind: 'button', action: match[1] as ButtonAction, token: match[2] };
  const bare = normalizeForMatching(payload);
  // A template whose buttons carry a fixed payload: treat the tap like the typed reply.
  if (bare === 'confirm' || bare === '1') return { kind: 'confirm', item: null };
  if (bare === 'cancel' || bare === '2') return { kind: 'cancel', item: null };
  return null;
}

/**
 * The rule (docs/ARCHITECTURE.md, "Conversations"): a button payload wins; then a known command
 * word, in any of the supported languages, with an optional item number; a bare "1" or "2"
 * answers the latest reminder; other short messages (one or two words of at most 40 characters in
 * all, no question mark) get the list, as the seed did; anything longer, or any question, is forwarded to the host.
 */
export function parseCommand(input: { body: string; buttonPayload?: string; mediaCount?: number }): Command {
  if (input.buttonPayload) {
    const fromButton = buttonCommand(input.buttonPayload);
    if (fromButton) return fromButton;
  }
  const text = cleanInboundText(input.body);
  const normalized = normalizeForMatching(text);
  if (text === '') return (input.mediaCount ?? 0) > 0 ? { kind: 'media', count: input.mediaCount ?? 0 } : { kind: 'empty' };

  if (normalized === '1') return { kind: 'confirm', item: null };
  if (normalized === '2') return { kind: 'cancel', item: null };
  if (HELP.has(normalized) || text.trim() === '?') return { kind: 'help' };
  if (STOP.has(normalized)) return { kind: 'stop' };
  if (START.has(normalized)) return { kind: 'start' };
  if (LIST.has(normalized)) return { kind: 'list' };
  const cancel = withItem(normalized, CANCEL);
  if (cancel.matched) return { kind: 'cancel', item: cancel.item };
  const confirm = withItem(normalized, CONFIRM);
  if (confirm.matched) return { kind: 'confirm', item: confirm.item };

  const words = normalized === '' ? 0 : normalized.split(' ').length;
  const short = Array.from(text).length <= SHORT_MESSAGE_CHARS;
  if (words <= 2 && short && !text.includes('?')) return { kind: 'list' };
  return { kind: 'forward', text };
}
