// The host's sidebar and dialogs in the browser: starts the panel the page names in <body data-panel>.
import { startSettings } from './settings';

const PANELS: Record<string, () => void> = {
  settings: startSettings,
};

PANELS[document.body.dataset.panel ?? '']?.();
