// Session: the active user (owner, another editor, or an anonymous web-app visitor), the effective user, the script's time zone.
import { EDITOR_EMAIL, type RuntimeCore } from './core';
import { expose } from './expose';

export class SessionEmulation {
  constructor(private readonly core: RuntimeCore) {}

  private user(email: string): GoogleAppsScript.Base.User {
    return expose(this.core, { getEmail: () => email }, 'User') as unknown as GoogleAppsScript.Base.User;
  }

  service(): GoogleAppsScript.Base.Session {
    const core = this.core;
    // https://developers.google.com/apps-script/reference/base/session: getActiveUser is blank where the
    // script runs without the user's authorization (a web app executing as the developer, for another
    // domain's visitor); getEffectiveUser is the developer for such a web app, the trigger's creator
    // under an installable trigger, and "in most other scenarios ... the same account as
    // getActiveUser()": an editor of the bound spreadsheet running a menu item or google.script.run
    // from the sidebar is both the active and the effective user.
    const active = (): string => (core.caller === 'owner' ? core.ownerEmail : core.caller === 'editor' ? EDITOR_EMAIL : '');
    const service = {
      getActiveUser: () => this.user(active()),
      getEffectiveUser: () => this.user(core.caller === 'editor' ? EDITOR_EMAIL : core.ownerEmail),
      getScriptTimeZone: () => core.timeZone,
      getActiveUserLocale: () => 'en',
      getTemporaryActiveUserKey: () => `sandbox-temporary-key-${core.caller}`,
    };
    return expose(core, service, 'Session') as unknown as GoogleAppsScript.Base.Session;
  }
}
