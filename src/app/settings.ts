// The host's settings form on the server: read it with secrets blanked, save it after the runtime's own checks.
import { PROP, safeTimeZone } from '../domain/settings';
import { planSettingsSave, settingsForm, type SettingsForm } from '../domain/settings-form';
import { calendarTimeZone } from '../gas/calendar';
import { knownWebAppUrl, scriptTimeZone } from '../gas/platform';
import { deleteScriptProperty, readScriptProperties, writeScriptProperties } from '../gas/properties';

export type SaveSettingsResult = { ok: true; saved: string[] } | { ok: false; errors: Record<string, string> };

/** The calendar's zone for the form; a calendar id that does not open yet must not keep the host out of the form. */
function formTimeZone(props: Record<string, string>): string {
  try {
    return safeTimeZone(calendarTimeZone((props[PROP.calendarId] ?? '').trim() || 'primary'), scriptTimeZone());
  } catch {
    return scriptTimeZone();
  }
}

export function readSettingsForm(props: Record<string, string> = readScriptProperties()): SettingsForm {
  return settingsForm(props, formTimeZone(props));
}

export function saveSettingsValues(values: unknown): SaveSettingsResult {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    throw new Error('saveSettings takes an object of setting name to text, e.g. {"HOST_NAME": "Alex Morgan"}.');
  }
  const stored = readScriptProperties();
  // As at run time: ScriptApp is asked for the URL only when none is set.
  const webAppUrl = (stored[PROP.webAppUrl] ?? '').trim() === '' ? knownWebAppUrl() : '';
  const plan = planSettingsSave(stored, values as Record<string, unknown>, { webAppUrl, ownerEmail: stored[PROP.ownerEmail] ?? '' });
  if (!plan.ok) return plan;
  const { set, remove, saved } = plan.change;
  if (Object.keys(set).length > 0) writeScriptProperties(set);
  // Properties has no "set these, delete those" call: a cleared field (rare) costs one delete each.
  for (const name of remove) deleteScriptProperty(name);
  return { ok: true, saved };
}
