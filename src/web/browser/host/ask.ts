// The host's panels call the server as promises over the typed google.script.run of ../server.
import { callServer, type ServerFunctionName, type ServerFunctions, type ServerResult } from '../server';

export function ask<Name extends ServerFunctionName>(name: Name, ...args: Parameters<ServerFunctions[Name]>): Promise<ServerResult<Name>> {
  return new Promise((resolve, reject) => callServer(name, args, { success: resolve, failure: reject }));
}

/** A failure's message as the host should read it (Apps Script prefixes "Exception: "). */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^(Uncaught )?(Exception|Error): /, '');
}
