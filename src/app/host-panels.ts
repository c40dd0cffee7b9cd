// The host's panels in the spreadsheet: the settings sidebar, opened from the menu.
import { showSidebar } from '../gas/ui';
import { settingsSidebar } from '../web/host-panels';
import { readSettingsForm } from './settings';

export function showSettingsSidebar(): void {
  showSidebar('Settings', settingsSidebar(readSettingsForm()).value);
}
