// Script properties: the settings, secrets and small state of the project.
export function readScriptProperties(): Record<string, string> {
  return PropertiesService.getScriptProperties().getProperties() as Record<string, string>;
}

export function readScriptProperty(name: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(name);
}

export function writeScriptProperties(values: Record<string, string>): void {
  PropertiesService.getScriptProperties().setProperties(values, false);
}

export function deleteScriptProperty(name: string): void {
  PropertiesService.getScriptProperties().deleteProperty(name);
}
