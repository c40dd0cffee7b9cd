// Utilities: signed-byte HMAC/digest, base64, blobs, UUIDs, sleep on the runtime clock, Java-style formatDate.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { type RuntimeCore, notEmulated } from './core';
import { enumOf, expose, isDate, unwrap } from './expose';
import { resolveZone, zoneFormatter, zonedFields, type Zone, type ZonedFields } from './zones';

export const Charset = enumOf('US_ASCII', 'UTF_8');
export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
export const MacAlgorithm = enumOf('HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512');

const NODE_DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const NODE_MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Java's signed bytes (−128..127), as every Utilities byte method returns them. */
export function toSignedBytes(data: Uint8Array): number[] {
  return Array.from(data, (b) => (b > 127 ? b - 256 : b));
}

/** A string in the given charset (UTF-8 unless told), or a byte array (signed or not), as raw bytes. */
export function toBuffer(value: unknown, charset?: unknown): Buffer {
  if (typeof value === 'string') {
    if (charset !== undefined && String(charset) === 'US_ASCII') return Buffer.from(value.replace(/[^\x00-\x7f]/g, '?'), 'latin1');
    return Buffer.from(value, 'utf8');
  }
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return Buffer.from(Array.from(value as ArrayLike<number>, (b) => Number(b) & 0xff));
  }
  const blob = unwrap(value) as unknown;
  if (blob instanceof Blob) return Buffer.from(blob.bytes);
  throw new Error(`Invalid argument: expected a string or a byte array, got ${value === null ? 'null' : typeof value}`);
}

/** Apps Script's Blob: bytes, a content type and a name. */
export class Blob {
  constructor(
    private readonly core: RuntimeCore,
    public bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }

  getDataAsString(charset?: string): string {
    return this.bytes.toString(charset !== undefined && String(charset) === 'US_ASCII' ? 'latin1' : 'utf8');
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): Blob {
    this.name = name;
    return this;
  }

  setBytes(data: number[]): Blob {
    this.bytes = toBuffer(data);
    return this;
  }

  setDataFromString(text: string, charset?: string): Blob {
    this.bytes = toBuffer(text, charset);
    return this;
  }

  copyBlob(): GoogleAppsScript.Base.Blob {
    return makeBlob(this.core, Buffer.from(this.bytes), this.contentType, this.name);
  }

  getBlob(): Blob {
    return this;
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType === this.contentType) return this.copyBlob();
    return notEmulated(`Blob.getAs(${contentType})`);
  }

  isGoogleType(): boolean {
    return false;
  }
}

export function makeBlob(core: RuntimeCore, bytes: Buffer, contentType: string | null, name: string | null): GoogleAppsScript.Base.Blob {
  return expose(core, new Blob(core, bytes, contentType, name), 'Blob') as unknown as GoogleAppsScript.Base.Blob;
}

// ---------------------------------------------------------------- formatDate

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const text = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${text}` : text;
}

function gmtOffset(offsetMinutes: number, colon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function zoneName(ms: number, zone: Zone, offsetMinutes: number, long: boolean): string {
  const javaCustom = offsetMinutes === 0 ? 'GMT' : `GMT${gmtOffset(offsetMinutes, true)}`;
  if (zone.id === null) return javaCustom;
  const name = (locale: string): string =>
    zoneFormatter(zone.id as string, { timeZoneName: long ? 'long' : 'short' }, locale)
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (long) return name('en-US');
  for (const locale of ['en-US', 'en-GB']) {
    const short = name(locale);
    if (short && !/^GMT[+-]/.test(short)) return short;
  }
  return javaCustom;
}

function formatField(letter: string, count: number, f: ZonedFields, ms: number, zone: Zone): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y': {
      const year = f.year > 0 ? f.year : 1 - f.year;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1];
      if (count === 3) return MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D': {
      const dayOfYear = (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1;
      return pad(dayOfYear, count);
    }
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return zoneName(ms, zone, f.offsetMinutes, count >= 4);
    case 'Z':
      return gmtOffset(f.offsetMinutes, false);
    case 'X': {
      if (f.offsetMinutes === 0) return 'Z';
      if (count === 1) return gmtOffset(f.offsetMinutes, false).slice(0, 3);
      return gmtOffset(f.offsetMinutes, count >= 3);
    }
    case 'Y':
    case 'w':
    case 'W':
    case 'F':
      return notEmulated(`Utilities.formatDate pattern letter '${letter}'`);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Utilities.formatDate: java.text.SimpleDateFormat in the given zone (English names). */
export function formatDate(date: Date, timeZone: string, format: string): string {
  if (!isDate(date) || Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
  if (typeof timeZone !== 'string') throw new Error('Invalid argument: timeZone');
  if (typeof format !== 'string') throw new Error('Invalid argument: format');
  const ms = date.getTime();
  const zone = resolveZone(timeZone);
  const fields = zonedFields(ms, zone);
  let out = '';
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === "'") {
      if (format[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i += 1;
      while (i < format.length) {
        if (format[i] === "'") {
          if (format[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          break;
        }
        out += format[i];
        i += 1;
      }
      if (i >= format.length) throw new Error('Unterminated quote');
      i += 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let count = 1;
      while (format[i + count] === c) count += 1;
      out += formatField(c, count, fields, ms, zone);
      i += count;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

// ---------------------------------------------------------------- the service

export const MAX_SLEEP_MS = 300000;

export class UtilitiesEmulation {
  constructor(private readonly core: RuntimeCore) {}

  newBlob(data: unknown, contentType?: string | null, name?: string | null): GoogleAppsScript.Base.Blob {
    const type = contentType ?? (typeof data === 'string' ? 'text/plain' : null);
    return makeBlob(this.core, toBuffer(data), type, name ?? null);
  }

  service(): GoogleAppsScript.Utilities.Utilities {
    const core = this.core;
    const base64 = (data: unknown, charset: unknown, webSafe: boolean): string => {
      const text = toBuffer(data, charset).toString('base64');
      return webSafe ? text.replace(/\+/g, '-').replace(/\//g, '_') : text;
    };
    const decode = (encoded: unknown, webSafe: boolean): number[] => {
      if (typeof encoded !== 'string') throw new Error('Invalid argument: encoded');
      const text = encoded.trim();
      const pattern = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
      if (!pattern.test(text.replace(/\s+/g, ''))) throw new Error('Could not decode string.');
      return toSignedBytes(Buffer.from(text, webSafe ? 'base64url' : 'base64'));
    };
    const digest = (algorithm: unknown, value: unknown, charset?: unknown): number[] => {
      const name = NODE_DIGESTS[String(algorithm)];
      if (!name) return notEmulated(`Utilities.computeDigest(${String(algorithm)})`);
      return toSignedBytes(createHash(name).update(toBuffer(value, charset)).digest());
    };
    const hmac = (algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] => {
      const name = NODE_MACS[String(algorithm)];
      if (!name) return notEmulated(`Utilities.computeHmacSignature(${String(algorithm)})`);
      return toSignedBytes(createHmac(name, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
    };
    const service = {
      Charset,
      DigestAlgorithm,
      MacAlgorithm,
      computeDigest: digest,
      computeHmacSignature: hmac,
      computeHmacSha256Signature: (value: unknown, key: unknown, charset?: unknown) => hmac('HMAC_SHA_256', value, key, charset),
      base64Encode: (data: unknown, charset?: unknown) => base64(data, charset, false),
      base64EncodeWebSafe: (data: unknown, charset?: unknown) => base64(data, charset, true),
      base64Decode: (encoded: unknown) => decode(encoded, false),
      base64DecodeWebSafe: (encoded: unknown) => decode(encoded, true),
      newBlob: (data: unknown, contentType?: string | null, name?: string | null) => this.newBlob(data, contentType, name),
      getUuid: () => randomUUID(),
      sleep: (milliseconds: number) => {
        const ms = Number(milliseconds);
        if (!Number.isFinite(ms) || ms < 0) throw new Error('Invalid argument: milliseconds');
        if (ms > MAX_SLEEP_MS) throw new Error(`Invalid argument: milliseconds (the maximum is ${MAX_SLEEP_MS})`);
        core.now += ms;
      },
      formatDate: (date: Date, timeZone: string, format: string) => formatDate(date, timeZone, format),
    };
    return expose(core, service, 'Utilities') as unknown as GoogleAppsScript.Utilities.Utilities;
  }
}
