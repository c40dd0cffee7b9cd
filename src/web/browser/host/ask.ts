// The host's panels call the server as promises over the typed google.script.run of ../server.
import { callServer, type ServerFunctionName, type ServerFunctions, type ServerResult } from '../server';

export function ask<Name extends ServerFunctionName>(name: Name, ...args: Parameters<ServerFunctions[Name]>): Promise<ServerResult<Name>> {
  return new Promise((resolve, reject) => callServer(name, args, { success: resolve, failure: reject }));
}
