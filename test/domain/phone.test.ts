// Phone parsing and phone discovery in event locations: formats, separators, look-alikes, reasons.
import { parsePhone, phonesInLocation } from '../../src/domain/phone';

describe('parsePhone', () => {
  it.each([
    ['+49 151 23456789', undefined, '+4915123456789'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['(415) 555-2671', 'us', '+14155552671'],
    ['0049 151 23456789', undefined, '+4915123456789'],
    ['00 1 415 555 2671', undefined, '+14155552671'],
    ['(0049) 151 23456789', undefined, '+4915123456789'],
    ['tel:+14155552671', undefined, '+14155552671'],
    ['https://wa.me/4915123456789', undefined, '+4915123456789'],
    ['wa.me/4915123456789', undefined, '+4915123456789'],
    ['whatsapp:+4915123456789', undefined, '+4915123456789'],
    ['+49\u00A0151\u00A023456789', undefined, '+4915123456789'],
    ['+49\u2011151\u201323456789', undefined, '+4915123456789'],
    ['\u202A+49 151 23456789\u202C', undefined, '+4915123456789'],
    ['+44 (0)20 7946 0958', undefined, '+442079460958'],
    ['0151 23456789', 'DE', '+4915123456789'],
    ['+4915123456789', 'US', '+4915123456789'],
  ])('%j (default %s) -> %s', (input, country, e164) => {
    expect(parsePhone(input, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['+49 123', undefined, '"+49 123" is not a valid phone number for Germany (too short)'],
    ['+1 555 0000 000 000', undefined, '"+1 555 0000 000 000" is not a valid phone number for country code +1 (too long)'],
    ['0151 2345', 'DE', '"0151 2345" is not a valid phone number for Germany'],
    ['(415) 555-2671', undefined, '"(415) 555-2671" has no country code and no default country is set'],
    ['(415) 555-2671', 'XX', '"(415) 555-2671" has no country code and the default country "XX" is not a known country code'],
    ['+999 1234567', undefined, '"+999 1234567" has an unknown country code'],
    ['+49 1', undefined, '"+49 1" is too short to be a phone number'],
    ['call me', 'DE', '"call me" is not a phone number'],
    ['', 'DE', '"" is not a phone number'],
  ])('%j (default %s) is refused: %s', (input, country, reason) => {
    expect(parsePhone(input, country)).toEqual({ ok: false, reason });
  });
});

describe('phonesInLocation', () => {
  it.each<[string | undefined, string | undefined, string[]]>([
    ['+49 151 23456789', undefined, ['+4915123456789']],
    ['(415) 555-2671', 'US', ['+14155552671']],
    ['0049 151 23456789', undefined, ['+4915123456789']],
    ['00 1 415 555 2671', undefined, ['+14155552671']],
    ['tel:+14155552671', undefined, ['+14155552671']],
    ['https://wa.me/4915123456789', undefined, ['+4915123456789']],
    ['https://wa.me/4915123456789?text=Hello', undefined, ['+4915123456789']],
    ['wa.me/4915123456789', undefined, ['+4915123456789']],
    ['(wa.me/4915123456789).', undefined, ['+4915123456789']],
    ['https://api.whatsapp.com/send?phone=4915123456789&text=hi', undefined, ['+4915123456789']],
    ['whatsapp:+4915123456789', undefined, ['+4915123456789']],
    ['Call +49 151 23456789 (mobile)', undefined, ['+4915123456789']],
    ['Tel.: 0151 23456789', 'DE', ['+4915123456789']],
    ['+49\u00A0151\u00A023456789', undefined, ['+4915123456789']],
    ['+49.151.234.567.89', undefined, ['+4915123456789']],
    ['+49-151-23456789', undefined, ['+4915123456789']],
    ['415.555.2671', 'US', ['+14155552671']],
    ['030/1234567', 'DE', ['+49301234567']],
    ['+49 30/1234567', undefined, ['+49301234567']],
    ['415/555-2671', 'US', ['+14155552671']],
    ['Suite 200 0151 23456789', 'DE', ['+4915123456789']],
    ['06.12.34.56.78', 'FR', ['+33612345678']],
    ['+49 151 23456789, +49 151 23456789', undefined, ['+4915123456789']],
    ['+49 151 23456789\n\n', undefined, ['+4915123456789']],
    ['tel:+49-151-23456789;ext=1', undefined, ['+4915123456789']],
    ['Tel. +49 30 1234567, Fax: +49 30 1234568', undefined, ['+49301234567']],
    ['Meet at the café, Hauptstraße 5, 80331 München — Anna +49 151 23456789', 'DE', ['+4915123456789']],
  ])('%j (default %s) -> %j', (location, country, phones) => {
    expect(phonesInLocation(location, country)).toEqual({ phones, invalid: [] });
  });

  it.each(['', ',', '/', ';', '|', '\n', '\r\n', ' or ', ' and ', ' OR ', ' / ', ' | ', ', ', ' ; '])(
    'separates several numbers with %j',
    (separator) => {
      const numbers = ['+49 151 23456789', '+1 415 555 2671', '0049 30 1234567'];
      const location = numbers.join(separator === '' ? ' then ' : separator);
      expect(phonesInLocation(location).phones).toEqual(['+4915123456789', '+14155552671', '+49301234567']);
    },
  );

  it('keeps the order of appearance across links, schemes and plain numbers', () => {
    const location = '+44 20 7946 0958 or https://wa.me/4915123456789; tel:+14155552671 | 0033 6 12 34 56 78';
    expect(phonesInLocation(location).phones).toEqual(['+442079460958', '+4915123456789', '+14155552671', '+33612345678']);
  });

  it('splits numbers separated by a slash without spaces when each is a full number', () => {
    expect(phonesInLocation('0151 23456789/0160 1234567', 'DE').phones).toEqual(['+4915123456789', '+491601234567']);
  });

  it.each<[string | undefined, string | undefined]>([
    [undefined, 'DE'],
    ['', 'DE'],
    ['Room 4', 'DE'],
    ['Main Street 12, 10115 Berlin', 'DE'],
    ['Hauptstraße 123 10115 Berlin', 'DE'],
    ['1600 Amphitheatre Pkwy, Mountain View, CA 94043', 'US'],
    ['San Francisco, CA 94103-1234', 'US'],
    ['https://meet.google.com/abc-defg-hij', 'DE'],
    ['meet.google.com/abc-defg-hij', 'DE'],
    ['https://zoom.us/j/1234567890', 'US'],
    ['https://us02web.zoom.us/j/84512345678?pwd=abc123', 'US'],
    ['zoom.us/j/1234567890', 'US'],
    ['https://www.google.com/maps/place/52.5200,13.4050', 'DE'],
    ['Meeting ID: 845 1234 5678, Passcode: 123456', 'US'],
    ['Floor 3, Suite 200', 'US'],
    ['2026-03-01', 'DE'],
    ['2026-03-01T14:30', 'DE'],
    ['01.03.2026 14:30', 'DE'],
    ['3/1/2026', 'US'],
    ['14:30', 'DE'],
    ['09:00-17:00', 'DE'],
    ['anna.schmidt1234567@example.com', 'DE'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'DE'],
    ['Order B1234567', 'DE'],
    ['Order #61234567', 'SG'],
    ['Booking ref 91234567', 'SG'],
    ['Ticket no 98765432', 'HK'],
    ['Reference: 5512 3456', 'QA'],
    ['Invoice 6111234', 'IS'],
    ['Season 2025-2026', 'DE'],
    ['Party of 4 +1', 'DE'],
    ['https://wa.me/message/ABCDEFG', 'DE'],
  ])('%j (default %s) holds no phone number', (location, country) => {
    expect(phonesInLocation(location, country)).toEqual({ phones: [], invalid: [] });
  });

  it.each<[string, string | undefined, string, RegExp]>([
    ['+49 123', undefined, '+49 123', /not a valid phone number for Germany/],
    ['+1 555 0000 000 000', undefined, '+1 555 0000 000 000', /too long/],
    ['tel:123', 'DE', 'tel:123', /"tel:123"/],
    ['wa.me/49123', undefined, 'wa.me/49123', /Germany/],
  ])('%j (default %s) is flagged as invalid', (location, country, text, reason) => {
    const result = phonesInLocation(location, country);
    expect(result.phones).toEqual([]);
    expect(result.invalid).toHaveLength(1);
    expect(result.invalid[0].text).toBe(text);
    expect(result.invalid[0].reason).toMatch(reason);
  });

  it.each<[string, string | undefined]>([
    // Without a country code, digits that do not validate may be a room, a postcode or a reference: never red.
    ['0151 2345', 'DE'],
    ['(415) 555-2671', undefined],
    ['Call 0151 23456789', undefined],
  ])('%j (default %s) is neither a number nor flagged: only a number with its country code is', (location, country) => {
    expect(phonesInLocation(location, country)).toEqual({ phones: [], invalid: [] });
  });

  // Real-world locations: [location, DEFAULT_COUNTRY, numbers messaged]. Nothing here is reported invalid.
  it.each<[string, string | undefined, string[]]>([
    // Countries without a trunk prefix: national numbers with the host's default country.
    ['Orchard Road clinic, call 6123 4567', 'SG', ['+6561234567']],
    ['Mobile 9123 4567', 'SG', ['+6591234567']],
    ['2123 4567', 'HK', ['+85221234567']],
    ['WhatsApp 5512 3456', 'QA', ['+97455123456']],
    ['Sími 581 2345', 'IS', ['+3545812345']],
    // Arabic-Indic and Persian digits.
    ['٠١٥١ ٢٣٤٥٦٧٨٩', 'DE', ['+4915123456789']],
    ['+٩٧٤ ٥٥١٢ ٣٤٥٦', undefined, ['+97455123456']],
    ['۰۹۱۲ ۳۴۵ ۶۷۸۹', 'IR', ['+989123456789']],
    // Coordinates, map links, rooms, postcodes, dates: never numbers.
    ['52.5200, 13.4050', 'DE', []],
    ['52.520008 13.404954', 'DE', []],
    ['https://www.google.com/maps/@52.5200066,13.404954,15z', 'DE', []],
    ['https://maps.google.com/?q=52.5200,13.4050', 'DE', []],
    ['https://www.google.com/maps/place/Alexanderplatz/@52.5219184,13.4132147,17z/data=!3m1', 'DE', []],
    ['Room 1234567, Building B', 'DE', []],
    ['Raum 2.0451234, Hauptgebäude', 'DE', []],
    ['Suite 200, 1 Infinite Loop, Cupertino, CA 95014-2083', 'US', []],
    ['Hauptstraße 123 10115 Berlin', 'DE', []],
    ['10115 Berlin, 12.03.2026 14:00', 'DE', []],
    ['2026-03-12T14:00', 'DE', []],
    ['Suite 200 0151 23456789', 'DE', ['+4915123456789']],
    // A venue's line after its address is the venue's, not the attendee's; the attendee's number still counts.
    ['Café Luise, Hauptstr. 5, 10115 Berlin, Tel. 030 1234567', 'DE', []],
    ['Café Luise, Hauptstr. 5, 10115 Berlin, Tel. 030 1234567, Ada +49 151 23456789', 'DE', ['+4915123456789']],
    ['10 Downing St, London SW1A 2AA, Phone: 020 7946 0958', 'GB', []],
    ['12 rue de Rivoli, 75001 Paris, Tél. 01 42 60 00 00', 'FR', []],
    ['Tel: 0151 23456789', 'DE', ['+4915123456789']],
    ['Ada, Tel. 0151 23456789', 'DE', ['+4915123456789']],
  ])('%j (default %s) -> %j', (location, country, phones) => {
    expect(phonesInLocation(location, country)).toEqual({ phones, invalid: [] });
  });

  it('never re-reads an invalid international number as a local one of the default country', () => {
    for (const text of ['+44 7700 900123', '+1 555 0100 000', '0044 7700 900123']) {
      const result = phonesInLocation(text, 'DE');
      expect(result.phones).toEqual([]);
      expect(result.invalid).toHaveLength(1);
    }
  });

  it('reports valid and invalid numbers side by side', () => {
    expect(phonesInLocation('+49 151 23456789, +49 123, Room 4', 'DE')).toEqual({
      phones: ['+4915123456789'],
      invalid: [{ text: '+49 123', reason: '"+49 123" is not a valid phone number for Germany (too short)' }],
    });
  });
});

describe('every way of writing a number gives the same E.164 (property-style)', () => {
  // Real-format numbers: [country, E.164, national format as written locally].
  const numbers: Array<[string, string, string]> = [
    ['DE', '+4915123456789', '0151 23456789'],
    ['DE', '+49301234567', '030 1234567'],
    ['US', '+14155552671', '(415) 555-2671'],
    ['GB', '+447911123456', '07911 123456'],
    ['GB', '+442079460958', '020 7946 0958'],
    ['IN', '+919876543210', '098765 43210'],
    ['BR', '+5511961234567', '(11) 96123-4567'],
    ['FR', '+33612345678', '06 12 34 56 78'],
    ['NL', '+31612345678', '06 12345678'],
    ['ES', '+34612345678', '612 34 56 78'],
    ['MX', '+525512345678', '55 1234 5678'],
    ['AU', '+61412345678', '0412 345 678'],
  ];

  function internationalVariants(e164: string): string[] {
    const digits = e164.slice(1);
    const groups = digits.match(/.{1,3}/g) ?? [];
    const spaced = `+${groups.join(' ')}`;
    return [
      e164,
      spaced,
      `+${groups.join('-')}`,
      `+${groups.join('.')}`,
      `+${groups.join('\u00A0')}`,
      `+${groups.join('\u202F')}`,
      `00${digits}`,
      `00 ${groups.join(' ')}`,
      `tel:${e164}`,
      `tel:${spaced.replace(/ /g, '-')}`,
      `whatsapp:${e164}`,
      `https://wa.me/${digits}`,
      `wa.me/${digits}`,
      ` ${e164} `,
    ];
  }

  function nationalVariants(national: string): string[] {
    return [national, national.replace(/ /g, '-'), national.replace(/ /g, '.'), national.replace(/ /g, '\u00A0')];
  }

  it.each(numbers)('%s %s', (country, e164, national) => {
    const international = internationalVariants(e164);
    for (const variant of [...international, ...nationalVariants(national)]) {
      expect([variant, parsePhone(variant, country)]).toEqual([variant, { ok: true, e164 }]);
      // International variants need no default country, and another country's default does not disturb them.
      if (international.includes(variant)) {
        expect([variant, parsePhone(variant)]).toEqual([variant, { ok: true, e164 }]);
        expect([variant, parsePhone(variant, country === 'US' ? 'DE' : 'US')]).toEqual([variant, { ok: true, e164 }]);
      }
      for (const wrap of ['Call %s (mobile)', 'Anna: %s', '%s, Room 4', 'Hauptstraße 5, 10115 Berlin / %s']) {
        const location = wrap.replace('%s', variant);
        expect([location, phonesInLocation(location, country)]).toEqual([location, { phones: [e164], invalid: [] }]);
      }
    }
  });

  it('finds all of them together in one location, in order', () => {
    const separators = [', ', '; ', ' / ', ' | ', '\n', ' or ', ' and '];
    const pieces = numbers.map(([, e164], index) => {
      const variants = internationalVariants(e164);
      return variants[index % variants.length];
    });
    const location = pieces
      .map((piece, index) => piece + (index < pieces.length - 1 ? separators[index % separators.length] : ''))
      .join('');
    expect(phonesInLocation(location).phones).toEqual(numbers.map(([, e164]) => e164));
  });
});
