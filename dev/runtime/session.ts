// Session: the active user (owner or anonymous web-app visitor), the effective user, the script's time zone.
import type { RuntimeCore } from './core';
import { expose } from './expose';

export class SessionEmulation {
  constructor(private readonly core: RuntimeCore) {}

  private user(email: string): GoogleAppsScript.Base.User {
    return expose(this.core, { getEmail: () => email }, 'User') as unknown as GoogleAppsScript.Base.User;
  }

  service(): GoogleAppsScript.Base.Session {
    const core = this.core;
    const service = {
      /** Anonymous web-app visitors (and other domains' users) get an empty email, as in Apps Script. */
      getActiveUser: () => this.user(core.caller === 'owner' ? core.ownerEmail : ''),
      getEffectiveUser: () => this.user(core.ownerEmail),
      getScriptTimeZone: () => core.timeZone,
      getActiveUserLocale: () => 'en',
      getTemporaryActiveUserKey: () => (core.caller === 'owner' ? 'sandbox-temporary-key-owner' : 'sandbox-temporary-key-anonymous'),
    };
    return expose(core, service, 'Session') as unknown as GoogleAppsScript.Base.Session;
  }
}
