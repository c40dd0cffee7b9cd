// Types of scripts/setup-core.cjs for the tests.
export interface CommandAnswer {
  code: number;
  stdout: string;
  stderr: string;
}
export interface SetupFiles {
  read(name: string): string | null;
  write(name: string, text: string): void;
  remove(name: string): void;
}
export interface SetupDeps {
  clasp(args: string[]): Promise<CommandAnswer>;
  build(webAppUrl: string): Promise<CommandAnswer>;
  files: SetupFiles;
  log(line: string): void;
  now(): number;
}
export interface SetupResult {
  scriptId: string;
  deploymentId: string;
  webAppUrl: string;
  spreadsheetUrl: string;
  steps: string[];
}
export declare function runSetup(deps: SetupDeps, options?: { title?: string }): Promise<SetupResult>;
export declare function chooseDeployment(
  deployments: Array<{ deploymentId?: string; versionNumber?: number | null; description?: string }>,
  savedId: string,
): string | null;
export declare function webAppUrlOf(deploymentId: string): string;
export declare function spreadsheetUrlOf(parentId: string | undefined): string;
export declare class SetupError extends Error {}
export declare const DESCRIPTION_PREFIX: string;
