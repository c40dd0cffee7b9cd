// The host's sidebar and dialogs in the browser: starts the panel the page names in <body data-panel>.
import { startHealth } from './health';
import { startSettings } from './settings';
import { startTemplates } from './templates';
import { startTestMessage } from './test-message';
import { startTabs } from './texts';

const PANELS: Record<string, () => void> = {
  settings: () => {
    startSettings();
    startTabs();
  },
  health: startHealth,
  'test-message': startTestMessage,
  templates: startTemplates,
};

PANELS[document.body.dataset.panel ?? '']?.();
