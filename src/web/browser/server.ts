// google.script.run typed from the exports of src/index.ts: a renamed or removed entry point fails the type-check.
import type * as entryPoints from '../../index';

type Exports = typeof entryPoints;

/** Every top-level function the server offers to pages, by name (exports that are not functions are no entry points). */
export type ServerFunctions = {
  [Name in keyof Exports as Exports[Name] extends (...args: never) => unknown ? Name : never]: Extract<
    Exports[Name],
    (...args: never) => unknown
  >;
};
export type ServerFunctionName = keyof ServerFunctions;

/**
 * The runner HtmlService gives a page (https://developers.google.com/apps-script/guides/html/reference/run):
 * each server function by name, returning nothing (its result reaches the success handler), plus the
 * handler setters, which return a runner again.
 */
export type ScriptRunner = {
  [Name in ServerFunctionName]: (...args: Parameters<ServerFunctions[Name]>) => void;
} & {
  withSuccessHandler(handler: (result: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
};

/** What the success handler of `name` receives (results cross as JSON, and ours are plain objects). */
export type ServerResult<Name extends ServerFunctionName> = ReturnType<ServerFunctions[Name]>;

export interface ServerHandlers<Name extends ServerFunctionName> {
  success: (result: ServerResult<Name>) => void;
  failure: (error: Error) => void;
}

declare global {
  /** Provided by HtmlService in the page's iframe; the sandbox server injects the same shape. */
  const google: { script: { run: ScriptRunner } };
}

/** Calls a server function with typed arguments and a typed result. */
export function callServer<Name extends ServerFunctionName>(
  name: Name,
  args: Parameters<ServerFunctions[Name]>,
  handlers: ServerHandlers<Name>,
): void {
  const runner = google.script.run
    .withSuccessHandler((result) => handlers.success(result as ServerResult<Name>))
    .withFailureHandler(handlers.failure);
  // One signature per name; TypeScript cannot pair a union of names with a union of argument lists.
  (runner[name] as (...callArgs: Parameters<ServerFunctions[Name]>) => void)(...args);
}
