// What an attendee's WhatsApp message asks for: a command (list, help, stop, start, cancel N, confirm) or words for the host.
import { type LanguageCode, languageOfTag } from './i18n/languages';
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
  | { kind: 'empty' }
  /** "language de": write to this number in that language from now on; null when the language is not one we have. */
  | { kind: 'language'; language: LanguageCode | null };

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

// Arabic-Indic, Eastern Arabic-Indic and Devanagari digits read as the digits they are.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966];

function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9) ?? code;
    return String(code - zero);
  });
}

/**
 * Lower case, accents and punctuation removed, single spaces: the form commands are matched in. Letters and
 * vowel signs of every script stay (Devanagari needs its marks); Latin accents, Arabic short vowels and
 * hamza seats go, Turkish dotless ı and Arabic ta marbuta / alif maqsura are folded, so spellings meet.
 */
export function normalizeForMatching(text: string): string {
  return asciiDigits(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064B-\u065F\u0670\u0640]/g, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[^\p{L}\p{M}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Written as people type them; matched after normalizeForMatching (lower case, no accents or punctuation),
// so "Arrêt!", "İPTAL" and "إلغاء" match "arret", "iptal" and their Arabic base letters.
export const LIST_WORDS = [
  // en
  'list',
  'appointments',
  'appointment',
  'my appointments',
  'show',
  'show appointments',
  'bookings',
  'next',
  'upcoming',
  // de
  'termine',
  'termin',
  'meine termine',
  'liste',
  'übersicht',
  // es
  'citas',
  'cita',
  'mis citas',
  'lista',
  'reservas',
  // fr
  'rendez-vous',
  'rdv',
  'mes rendez-vous',
  'mes rdv',
  // pt
  'agendamentos',
  'agendamento',
  'meus agendamentos',
  'consultas',
  'marcações',
  'horários',
  // it
  'appuntamenti',
  'appuntamento',
  'i miei appuntamenti',
  'elenco',
  // nl
  'afspraken',
  'afspraak',
  'mijn afspraken',
  'lijst',
  'overzicht',
  // tr
  'randevular',
  'randevu',
  'randevularım',
  'listele',
  // id
  'daftar',
  'janji',
  'janji temu',
  'jadwal',
  'jadwal saya',
  'janji saya',
  // hi
  'सूची',
  'लिस्ट',
  'अपॉइंटमेंट',
  'मेरे अपॉइंटमेंट',
  // ar
  'قائمة',
  'القائمة',
  'مواعيد',
  'مواعيدي',
  'المواعيد',
];
export const HELP_WORDS = [
  'help',
  'info',
  'menu',
  'commands',
  'hilfe',
  'ayuda',
  'aide',
  'ajuda',
  'socorro',
  'aiuto',
  'hulp',
  'yardım',
  'bantuan',
  'tolong',
  'मदद',
  'सहायता',
  'مساعدة',
  'مساعده',
];
export const STOP_WORDS = [
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
  'arrêt',
  'arrêter',
  'désabonner',
  'se désabonner',
  'désinscrire',
  'parar',
  'sair',
  'cancelar inscrição',
  'descadastrar',
  'basta',
  'disiscrivi',
  'disiscriviti',
  'afmelden',
  'uitschrijven',
  'dur',
  'durdur',
  'abonelikten çık',
  'berhenti',
  'henti',
  'बंद',
  'रोकें',
  'रोको',
  'توقف',
  'إيقاف',
  'الغاء الاشتراك',
];
export const START_WORDS = [
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
  'démarrer',
  'commencer',
  'reprendre',
  "s'abonner",
  'iniciar',
  'começar',
  'voltar',
  'retomar',
  'avvia',
  'riprendi',
  'iscrivi',
  'aanmelden',
  'hervatten',
  'başla',
  'başlat',
  'devam',
  'mulai',
  'lanjut',
  'शुरू',
  'चालू',
  'ابدأ',
  'ابدا',
  'بدء',
  'استئناف',
];
export const CANCEL_WORDS = [
  'cancel',
  'absagen',
  'stornieren',
  'cancelar',
  'anular',
  'annuler',
  'desmarcar',
  'annulla',
  'disdici',
  'disdire',
  'annuleren',
  'annuleer',
  'afzeggen',
  'iptal',
  'iptal et',
  'batal',
  'batalkan',
  'रद्द',
  'रद्द करें',
  'कैंसल',
  'إلغاء',
  'الغاء',
];
export const CONFIRM_WORDS = [
  'confirm',
  'confirmed',
  'yes',
  'bestätigen',
  'bestätigt',
  'ja',
  'confirmar',
  'confirmo',
  'sí',
  'confirmer',
  'je confirme',
  'oui',
  'sim',
  'confirmado',
  'conferma',
  'confermo',
  'confermato',
  'bevestigen',
  'bevestig',
  'bevestigd',
  'onay',
  'onayla',
  'onaylıyorum',
  'evet',
  'konfirmasi',
  'ya',
  'पुष्टि',
  'पुष्टि करें',
  'हाँ',
  'हां',
  'تأكيد',
  'أكد',
  'نعم',
];
/** "language de", "idioma español", "Sprache Deutsch", "langue français", "dil türkçe", "भाषा हिंदी", "لغة عربي". */
export const LANGUAGE_WORDS = [
  'language',
  'lang',
  'sprache',
  'idioma',
  'lengua',
  'langue',
  'língua',
  'lingua',
  'taal',
  'dil',
  'bahasa',
  'भाषा',
  'لغة',
  'اللغة',
];
/** Each language by its code and the names people write for it, in their own and a few other languages. */
export const LANGUAGE_NAMES: Readonly<Record<LanguageCode, readonly string[]>> = {
  en: [
    'english',
    'englisch',
    'inglés',
    'anglais',
    'inglês',
    'inglese',
    'engels',
    'ingilizce',
    'inggris',
    'अंग्रेज़ी',
    'अंग्रेजी',
    'انجليزي',
    'الإنجليزية',
  ],
  es: [
    'español',
    'española',
    'spanish',
    'castellano',
    'spanisch',
    'espagnol',
    'espanhol',
    'spagnolo',
    'spaans',
    'ispanyolca',
    'spanyol',
    'स्पेनिश',
    'الإسبانية',
  ],
  pt: [
    'português',
    'portuguesa',
    'portuguese',
    'portugiesisch',
    'portugués',
    'portugais',
    'portoghese',
    'portugees',
    'portekizce',
    'portugis',
    'pt br',
    'ptbr',
    'brasileiro',
    'البرتغالية',
  ],
  de: ['deutsch', 'german', 'alemán', 'allemand', 'alemão', 'tedesco', 'duits', 'almanca', 'jerman', 'जर्मन', 'الألمانية'],
  fr: [
    'français',
    'française',
    'french',
    'französisch',
    'francés',
    'francês',
    'francese',
    'frans',
    'fransızca',
    'prancis',
    'फ्रेंच',
    'الفرنسية',
  ],
  it: ['italiano', 'italiana', 'italian', 'italienisch', 'italien', 'italiaans', 'italyanca', 'italia', 'इतालवी', 'الإيطالية'],
  nl: [
    'nederlands',
    'nederlandse',
    'dutch',
    'vlaams',
    'niederländisch',
    'holandés',
    'néerlandais',
    'holandês',
    'olandese',
    'hollandaca',
    'belanda',
    'डच',
    'الهولندية',
  ],
  tr: ['türkçe', 'turkish', 'türkisch', 'turco', 'turc', 'turks', 'turki', 'तुर्की', 'التركية'],
  id: [
    'bahasa indonesia',
    'indonesia',
    'indonesian',
    'indonesisch',
    'indonesio',
    'indonésien',
    'indonésio',
    'indonesiano',
    'endonezce',
    'इंडोनेशियाई',
    'الإندونيسية',
  ],
  hi: ['हिन्दी', 'हिंदी', 'hindi', 'hindī', 'हिन्दी भाषा', 'الهندية'],
  ar: ['العربية', 'عربي', 'عربية', 'arabic', 'arabisch', 'árabe', 'arabe', 'arabo', 'arapça', 'arab', 'अरबी'],
};

const setOf = (words: readonly string[]): Set<string> => new Set(words.map((word) => normalizeForMatching(word)));
const LIST = setOf(LIST_WORDS);
const HELP = setOf(HELP_WORDS);
const STOP = setOf(STOP_WORDS);
const START = setOf(START_WORDS);
const CANCEL = setOf(CANCEL_WORDS);
const CONFIRM = setOf(CONFIRM_WORDS);
const LANGUAGE_WORD = setOf(LANGUAGE_WORDS);
// Names only: a bare code is no request, since codes are everyday words ("Hi", "de", "es", "en", "id").
const LANGUAGE_BY_NAME: ReadonlyMap<string, LanguageCode> = new Map(
  (Object.entries(LANGUAGE_NAMES) as Array<[LanguageCode, readonly string[]]>).flatMap(([code, names]) =>
    names.map((name) => [normalizeForMatching(name), code] as [string, LanguageCode]),
  ),
);

/** A language named by code ("de", "pt-BR") or by name ("Deutsch", "español"); null when none is recognised. */
export function languageNamed(normalized: string): LanguageCode | null {
  return LANGUAGE_BY_NAME.get(normalized) ?? languageOfTag(normalized.replace(/ /g, '-'));
}

/**
 * "language de", "idioma español", or just the language's own name ("Deutsch", "हिंदी"); undefined when it
 * is no language request. A code needs the language word: a bare "Hi" is a greeting, not Hindi.
 */
function languageCommand(normalized: string): Command | undefined {
  const named = LANGUAGE_BY_NAME.get(normalized);
  if (named) return { kind: 'language', language: named };
  const space = normalized.indexOf(' ');
  if (space < 0) return LANGUAGE_WORD.has(normalized) ? { kind: 'language', language: null } : undefined;
  // "bahasa indonesia" is both the word and the name; the whole text was tried as a name above.
  const head = normalized.slice(0, space);
  const rest = normalized.slice(space + 1);
  const twoWordHead = normalized.split(' ').slice(0, 2).join(' ');
  if (LANGUAGE_WORD.has(twoWordHead)) return { kind: 'language', language: languageNamed(normalized.split(' ').slice(2).join(' ')) };
  if (!LANGUAGE_WORD.has(head)) return undefined;
  return { kind: 'language', language: languageNamed(rest) };
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
  if (HELP.has(normalized) || text.trim() === '?' || text.trim() === '؟') return { kind: 'help' };
  if (STOP.has(normalized)) return { kind: 'stop' };
  if (START.has(normalized)) return { kind: 'start' };
  if (LIST.has(normalized)) return { kind: 'list' };
  const language = languageCommand(normalized);
  if (language) return language;
  const cancel = withItem(normalized, CANCEL);
  if (cancel.matched) return { kind: 'cancel', item: cancel.item };
  const confirm = withItem(normalized, CONFIRM);
  if (confirm.matched) return { kind: 'confirm', item: confirm.item };

  const words = normalized === '' ? 0 : normalized.split(' ').length;
  const short = Array.from(text).length <= SHORT_MESSAGE_CHARS;
  if (words <= 2 && short && !/[?؟]/.test(text)) return { kind: 'list' };
  return { kind: 'forward', text };
}
