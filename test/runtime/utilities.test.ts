// Utilities emulation: signed-byte HMAC and digests, base64, blobs, UUIDs, sleep and Java-style formatDate across DST.
import { setup } from './helpers';

function hex(bytes: number[]): string {
  return bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
}

describe('Utilities', () => {
  const { runtime, g } = setup();
  const U = g.Utilities;

  it('computes HMAC-SHA256 as signed bytes (RFC 4231 test cases 1 and 2)', () => {
    const case2 = U.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe');
    expect(hex(case2)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(case2.slice(0, 4)).toEqual([91, -36, -63, 70]);
    expect(Math.min(...case2)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...case2)).toBeLessThanOrEqual(127);
    const key = new Array(20).fill(0x0b) as number[];
    const data = Array.from(Buffer.from('Hi There'), (b) => (b > 127 ? b - 256 : b));
    expect(hex(U.computeHmacSha256Signature(data, key))).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(runtime.core.calls['Utilities.computeHmacSha256Signature']).toBe(2);
  });

  it('computes digests as signed bytes', () => {
    expect(hex(U.computeDigest(U.DigestAlgorithm.SHA_256, 'abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(U.computeDigest(U.DigestAlgorithm.MD5, ''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('round-trips base64, standard and web-safe, as signed bytes', () => {
    const bytes = [-5, -1, 0, 62, 63, 127, -128];
    const safe = U.base64EncodeWebSafe(bytes);
    expect(safe).toBe('-_8APj9_gA==');
    expect(U.base64DecodeWebSafe(safe)).toEqual(bytes);
    expect(U.base64Encode(bytes)).toBe('+/8APj9/gA==');
    expect(U.base64Decode('+/8APj9/gA==')).toEqual(bytes);
    expect(U.base64Encode('héllo')).toBe(Buffer.from('héllo').toString('base64'));
    expect(Buffer.from(U.base64Decode(U.base64Encode('héllo'))).toString()).toBe('héllo');
  });

  it('makes blobs', () => {
    const blob = U.newBlob('BEGIN:VCALENDAR', 'text/calendar', 'a.ics');
    expect(blob.getDataAsString()).toBe('BEGIN:VCALENDAR');
    expect(blob.getBytes().slice(0, 5)).toEqual([66, 69, 71, 73, 78]);
    expect(blob.getContentType()).toBe('text/calendar');
    expect(blob.getName()).toBe('a.ics');
    const copy = blob.copyBlob().setName('b.ics');
    expect(blob.getName()).toBe('a.ics');
    expect(copy.getName()).toBe('b.ics');
  });

  it('makes v4 UUIDs and sleeps on the runtime clock', () => {
    expect(U.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const before = runtime.core.now;
    U.sleep(1500);
    expect(runtime.core.now).toBe(before + 1500);
    expect(() => U.sleep(300001)).toThrow();
  });

  describe('formatDate', () => {
    const fmt = (iso: string, zone: string, pattern: string) => U.formatDate(new Date(iso), zone, pattern);

    it('follows Europe/Berlin across the spring-forward change', () => {
      expect(fmt('2026-03-29T00:30:00Z', 'Europe/Berlin', 'yyyy-MM-dd HH:mm z Z XXX')).toBe('2026-03-29 01:30 CET +0100 +01:00');
      expect(fmt('2026-03-29T01:30:00Z', 'Europe/Berlin', 'yyyy-MM-dd HH:mm z Z XXX')).toBe('2026-03-29 03:30 CEST +0200 +02:00');
      expect(fmt('2026-10-25T00:30:00Z', 'Europe/Berlin', 'HH:mm z')).toBe('02:30 CEST');
      expect(fmt('2026-10-25T01:30:00Z', 'Europe/Berlin', 'HH:mm z')).toBe('02:30 CET');
    });

    it('follows America/New_York across both changes', () => {
      expect(fmt('2026-03-08T06:30:00Z', 'America/New_York', 'h:mm a z')).toBe('1:30 AM EST');
      expect(fmt('2026-03-08T07:30:00Z', 'America/New_York', 'h:mm a z')).toBe('3:30 AM EDT');
      expect(fmt('2026-11-01T05:30:00Z', 'America/New_York', 'HH:mm Z')).toBe('01:30 -0400');
      expect(fmt('2026-11-01T06:30:00Z', 'America/New_York', 'HH:mm Z')).toBe('01:30 -0500');
    });

    it('supports names, padding, quoting and milliseconds', () => {
      const iso = '2026-01-05T08:04:09.045Z';
      expect(fmt(iso, 'Europe/Berlin', "EEEE, d MMMM yyyy 'at' H:mm")).toBe('Monday, 5 January 2026 at 9:04');
      expect(fmt(iso, 'Europe/Berlin', "EEE dd MMM yy, hh:mm:ss.SSS a '''x''' ''")).toBe("Mon 05 Jan 26, 09:04:09.045 AM 'x' '");
      expect(fmt(iso, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-01-05T08:04:09Z');
      expect(fmt(iso, 'UTC', 'X')).toBe('Z');
      expect(fmt(iso, 'Asia/Kolkata', 'HH:mm XXX')).toBe('13:34 +05:30');
      expect(fmt(iso, 'GMT+2', 'HH:mm z')).toBe('10:04 GMT+02:00');
      expect(fmt(iso, 'Not/AZone', 'HH:mm')).toBe('08:04');
      expect(fmt(iso, 'America/New_York', 'zzzz')).toBe('Eastern Standard Time');
      expect(fmt(iso, 'Europe/Berlin', 'M/d/y')).toBe('1/5/2026');
      expect(() => fmt(iso, 'UTC', 'q')).toThrow("Illegal pattern character 'q'");
    });
  });
});
