// Table tests of the phone parser's guards and masks: each row trips one of them, with the exact result.
import { type LocationPhones, parsePhone, phonesInLocation } from '../../src/domain/phone';

const ANNA = '+4915123456789';
const none: LocationPhones = { phones: [], invalid: [] };
const only = (...phones: string[]): LocationPhones => ({ phones, invalid: [] });
const flagged = (text: string, reason: string): LocationPhones => ({ phones: [], invalid: [{ text, reason }] });

describe('parsePhone, one guard at a time', () => {
  it.each<[string, string | undefined, string]>([
    // Characters people paste: fullwidth plus and digits, Arabic-Indic and Persian digits.
    ['\uFF0B49 151 23456789', undefined, ANNA],
    ['+49 \uFF11\uFF15\uFF11 \uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19', undefined, ANNA],
    ['٠١٥١ ٢٣٤٥٦٧٨٩', 'DE', ANNA],
    ['۰۰۴۹ ۱۵۱ ۲۳۴۵۶۷۸۹', undefined, ANNA],
    // Links and schemes in every shape the link pattern accepts.
    ['http://wa.me/4915123456789', undefined, ANNA],
    [' wa.me/4915123456789 ', undefined, ANNA],
    ['https://api.whatsapp.com/send?text=hello&phone=4915123456789', undefined, ANNA],
    ['whatsapp://send?phone=4915123456789', undefined, ANNA],
    ['whatsapp://send/?phone=4915123456789', undefined, ANNA],
    ['whatsapp://send?text=hi&phone=4915123456789', undefined, ANNA],
    ['sms:0049 151 23456789', undefined, ANNA],
    ['( 0049 ) 151 23456789', undefined, ANNA],
  ])('%j (default %s) -> %s', (input, country, e164) => {
    expect(parsePhone(input, country)).toEqual({ ok: true, e164 });
  });

  it.each<[string | undefined, string | undefined, string]>([
    // What is shown is the text as normalized: invisible marks gone, exotic spaces and dashes plain, trimmed.
    ['\u200B+49 123', undefined, '"+49 123" is not a valid phone number for Germany (too short)'],
    ['+49\u00A0123', undefined, '"+49 123" is not a valid phone number for Germany (too short)'],
    ['+49\u2011123', undefined, '"+49-123" is not a valid phone number for Germany (too short)'],
    [' +49 123 ', undefined, '"+49 123" is not a valid phone number for Germany (too short)'],
    [undefined, 'DE', '"" is not a phone number'],
    // The length is measured on the parsed number, also when a bracket comes first.
    ['(+49) 123', undefined, '"(+49) 123" is not a valid phone number for Germany (too short)'],
    ['+44 12345678', undefined, '"+44 12345678" is not a valid phone number for country code +44 (wrong number of digits)'],
    ['+49 12345678901234567890', undefined, '"+49 12345678901234567890" is too long to be a phone number'],
    ['1', 'DE', '"1" is too short to be a phone number'],
    ['12 +999 1234567', undefined, '"12 +999 1234567" is not a phone number'],
    ['call me', 'DE', '"call me" is not a phone number'],
    ['+', undefined, '"+" is not a phone number'],
    // A link is one only from its start.
    ['call wa.me/4915123456789', undefined, '"call wa.me/4915123456789" has no country code and no default country is set'],
    // Country code or not: the scheme is dropped first, a bracket may come first.
    ['sms:+999 1234567', undefined, '"sms:+999 1234567" has an unknown country code'],
    ['(+999) 1234567', undefined, '"(+999) 1234567" has an unknown country code'],
    ['( +999) 1234567', undefined, '"( +999) 1234567" has an unknown country code'],
    ['(sms:+999 1234567)', undefined, '"(sms:+999 1234567)" has no country code and no default country is set'],
    ['4915123456789', undefined, '"4915123456789" has no country code and no default country is set'],
    ['x0049 151 23456789', undefined, '"x0049 151 23456789" has no country code and no default country is set'],
    // A blank default country is no default country.
    ['(415) 555-2671', ' ', '"(415) 555-2671" has no country code and no default country is set'],
  ])('%j (default %j) is refused: %s', (input, country, reason) => {
    expect(parsePhone(input as string, country)).toEqual({ ok: false, reason });
  });
});

describe('phonesInLocation, one mask at a time', () => {
  // A date, time, room or coordinate left unmasked right before a number makes the number the tail of a
  // longer run of digits, which is not messaged: each row fails if its mask misses.
  it.each<[string, string | undefined, LocationPhones]>([
    ['2026-03-01 0151 23456789', 'DE', only(ANNA)],
    ['Termin 2026-03-01 0151 23456789', 'DE', only(ANNA)],
    ['2026-03-01. 0151 23456789', 'DE', only(ANNA)],
    ['2026-03-01T14:30 0151 23456789', 'DE', only(ANNA)],
    ['2026-03-01T14:30:15 0151 23456789', 'DE', only(ANNA)],
    ['01.03.2026 0151 23456789', 'DE', only(ANNA)],
    ['Termin 01.03.26 0151 23456789', 'DE', only(ANNA)],
    ['01.03.26. 0151 23456789', 'DE', only(ANNA)],
    ['2026/03/01 0151 23456789', 'DE', only(ANNA)],
    ['Termin 2026/03/01 0151 23456789', 'DE', only(ANNA)],
    ['2026/03/01. 0151 23456789', 'DE', only(ANNA)],
    ['14:30 0151 23456789', 'DE', only(ANNA)],
    ['14:30:15 0151 23456789', 'DE', only(ANNA)],
    ['52.5200, 13.4050 0151 23456789', 'DE', only(ANNA)],
    ['Mitte 52.5200, 13.4050 0151 23456789', 'DE', only(ANNA)],
    ['52.5200 , 13.4050 0151 23456789', 'DE', only(ANNA)],
    ['52.5200,13.4050 0151 23456789', 'DE', only(ANNA)],
    ['52.5200 13.4050 0151 23456789', 'DE', only(ANNA)],
    ['52.5200, -13.4050 0151 23456789', 'DE', only(ANNA)],
    ['Room#12 0151 23456789', 'DE', only(ANNA)],
    ['Nr.5 0151 23456789', 'DE', only(ANNA)],
    ['Room # 12 0151 23456789', 'DE', only(ANNA)],
    ['Room #12 0151 23456789', 'DE', only(ANNA)],
    ['Raum 1.23 0151 23456789', 'DE', only(ANNA)],
    // Without a mask, what follows a number's digits run on.
    ['12 0151 23456789', 'DE', none],
    ['12. 0151 23456789', 'DE', none],
    ['12 +49 151 23456789', 'DE', only(ANNA)],
    ['12  0049 151 23456789', undefined, none],
    // Signed coordinates: the sign goes with them, or "+ … 10115" would be read as a number.
    ['+52.5200, 13.4050 10115 Berlin', undefined, none],
    ['52.5200, +13.4050 10115', 'DE', none],
    // Digits inside links and e-mail addresses are never numbers.
    ['https://example.com?to=+4915123456789', undefined, none],
    ['+4915123456789.example.com/path', undefined, none],
    ['bookings+4915123456789@example.com', undefined, none],
    ['a@b+4915123456789.de', undefined, none],
    // Shapes the matcher accepts in that country: a US ZIP+4 is a Spanish landline, a span of years a Danish mobile.
    ['CA 94103-1234', 'ES', none],
    ['Season 2025-2026', 'DK', none],
    // Only the whole number is measured against those shapes.
    ['030 12345-6789', 'DE', only('+4930123456789')],
    ['03301-123456', 'DE', only('+493301123456')],
    // A national number without its trunk prefix ("30 1234567" for 030 1234567) is an address.
    ['Postfach 30 1234567', 'DE', none],
    // Labels: a reference number, a fax, the venue's line.
    ['Ticket number 98765432', 'HK', none],
    ['Acct.Num 61234567', 'SG', none],
    ['Booking  number 61234567', 'SG', none],
    ['Order 12, Anna 0151 23456789', 'DE', only(ANNA)],
    ['Fax +49 30 1234568, Anna +49 151 23456789', undefined, only(ANNA)],
    ['Fax : +49 30 1234568', undefined, none],
    ['Fax +49 30 1234568', undefined, none],
    ['Fax:+49 30 1234568', undefined, none],
    ['Fax: +49 123', undefined, none],
    ['Hauptstr. 5, Tel : 030 1234567', 'DE', none],
    ['Hauptstr. 5, Tel.:030 1234567', 'DE', none],
    ['Hauptstr. 5\nTel. 030 1234567', 'DE', only('+49301234567')],
    // The international 00 prefix, with spaces and brackets.
    ['00 (49) 151 23456789', undefined, only(ANNA)],
    ['Tel 0049 151 23456789', undefined, only(ANNA)],
    // A run with a country code the matcher did not take (a letter right after it) still counts.
    ['+49151 23456789x', undefined, only(ANNA)],
    ['x+4915123456789', undefined, only(ANNA)],
    // A link's digits end where its query begins.
    ['wa.me/4915123456789?text=1', undefined, only(ANNA)],
    // Fewer than four digits after a plus are no number ("+12 3"), four are.
    ['+12 3', undefined, none],
    ['+49 12', undefined, flagged('+49 12', '"+49 12" is not a valid phone number for Germany (too short)')],
  ])('%j (default %s) -> %j', (location, country, expected) => {
    expect(phonesInLocation(location, country)).toEqual(expected);
  });

  // Explicit numbers (tel:, sms:, wa.me) are reported with the text as written, whatever their spacing.
  it.each<[string, string | undefined, string]>([
    ['tel: +49 123', undefined, '"tel: +49 123" is not a valid phone number for Germany (too short)'],
    ['tel:+ 49 123', undefined, '"tel:+ 49 123" is not a valid phone number for Germany (too short)'],
    ['tel:(+49 123', undefined, '"tel:(+49 123" is not a valid phone number for Germany (too short)'],
    ['tel:( +49 123', undefined, '"tel:( +49 123" is not a valid phone number for Germany (too short)'],
    ['tel:(+ 49 123', undefined, '"tel:(+ 49 123" is not a valid phone number for Germany (too short)'],
    ['tel:(030) 12', 'DE', '"tel:(030) 12" is not a valid phone number for Germany'],
    ['tel:1', undefined, '"tel:1" is too short to be a phone number'],
  ])('%j (default %s) is flagged: %s', (location, country, reason) => {
    expect(phonesInLocation(location, country)).toEqual(flagged(location, reason));
  });

  it.each<[string, string | undefined, LocationPhones]>([
    ['tel:123, tel:123', 'DE', flagged('tel:123', '"tel:123" is not a valid phone number for Germany (too short)')],
    ['+49 123, +49 123', undefined, flagged('+49 123', '"+49 123" is not a valid phone number for Germany (too short)')],
    // A link's closing brackets and full stop are not part of it.
    ['(wa.me/49123).', undefined, flagged('wa.me/49123', '"wa.me/49123" is not a valid phone number for Germany (too short)')],
  ])('%j (default %s) is reported once: %j', (location, country, expected) => {
    expect(phonesInLocation(location, country)).toEqual(expected);
  });

  it.each<[string, string | undefined, string[]]>([
    ['tel:123, tel:456', 'DE', ['tel:123', 'tel:456']],
    ['+49 123, +49 456', undefined, ['+49 123', '+49 456']],
  ])('%j (default %s): each invalid number is reported', (location, country, texts) => {
    expect(phonesInLocation(location, country)).toEqual({
      phones: [],
      invalid: texts.map((text) => ({ text, reason: `"${text}" is not a valid phone number for Germany (too short)` })),
    });
  });

  it.each(['+49 123, +49 151 23456789', '+49 123+49 151 23456789', '+49 151 23456789+49 123'])(
    'an invalid number next to a valid one is reported, the valid one messaged: %j',
    (location) => {
      expect(phonesInLocation(location)).toEqual({
        phones: [ANNA],
        invalid: [{ text: '+49 123', reason: '"+49 123" is not a valid phone number for Germany (too short)' }],
      });
    },
  );

  it('keeps reading order when a mask before the numbers is long', () => {
    const location = 'anna.schmidt@example.com, tel:+14155552671, +44 20 7946 0958';
    expect(phonesInLocation(location)).toEqual(only('+14155552671', '+442079460958'));
  });
});
