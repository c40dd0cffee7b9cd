// Small platform facts: the clock, secrets, signatures, who is calling, the web app URL.
import { base64UrlFromBytes } from '../domain/base64';

export function now(): number {
  return Date.now();
}

export function sleep(ms: number): void {
  Utilities.sleep(ms);
}

export function hmacSha256(message: string, key: string): number[] {
  return Utilities.computeHmacSha256Signature(message, key) as number[];
}

/** 256 random bits from two UUIDs' digests, base64url: for signing and webhook keys. */
export function randomSecret(): string {
  const seed = `${Utilities.getUuid()}${Utilities.getUuid()}${Date.now()}`;
  return base64UrlFromBytes(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, seed) as number[]);
}

/** The signed-in visitor's email; '' for anonymous web-app visitors. */
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail() || '';
}

export function scriptTimeZone(): string {
  return Session.getScriptTimeZone();
}

/** Set by the build from the deployment `npm run setup` made; absent when built without one. */
declare const __DEPLOYED_WEB_APP_URL__: string | undefined;

/** The web app's /exec URL as the build knew it, or ''. */
export function deployedWebAppUrl(): string {
  return typeof __DEPLOYED_WEB_APP_URL__ === 'string' ? __DEPLOYED_WEB_APP_URL__ : '';
}

/** The web app URL when WEB_APP_URL is not set: the build's, else what Apps Script reports. */
export function knownWebAppUrl(): string {
  return deployedWebAppUrl() || serviceUrl();
}

export function serviceUrl(): string {
  try {
    return ScriptApp.getService().getUrl() || '';
  } catch {
    return '';
  }
}
