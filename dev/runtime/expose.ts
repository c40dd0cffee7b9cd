// Script-facing wrapper for the runtime's objects: counts every method call and throws "not emulated" for the rest.
import { type RuntimeCore, notEmulated } from './core';

/** The wrapped object behind a script-facing proxy, for the runtime's own uncounted access. */
export const RAW = Symbol('apps-script-runtime-raw');

/** Names jest, Node and promise machinery probe on any object; they must stay undefined. */
const PROBED = new Set([
  'then',
  'catch',
  'finally',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'inspect',
  'constructor',
  'toString',
  'valueOf',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'length',
  'size',
  'prototype',
  'call',
  'apply',
  'bind',
  'entries',
  'keys',
  'values',
  'next',
  'default',
]);

/**
 * Wraps `target` so that each method call is counted as `className.method` and any unknown
 * method name throws `not emulated: className.method`. Methods run on the raw target (internal
 * calls are not counted); a method that returns the raw target returns the proxy instead.
 */
export function expose<T extends object>(core: RuntimeCore, target: T, className: string): T {
  const cache = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === RAW) return obj;
      if (cache.has(prop)) return cache.get(prop);
      const value = Reflect.get(obj, prop, receiver);
      if (typeof prop !== 'string' || PROBED.has(prop)) return value;
      if (!(prop in obj)) {
        if (!/^[a-z][A-Za-z0-9]*$/.test(prop)) return undefined;
        const missing = (): never => notEmulated(`${className}.${prop}`);
        cache.set(prop, missing);
        return missing;
      }
      if (typeof value !== 'function' || prop === 'constructor' || prop.startsWith('_')) return value;
      const name = `${className}.${prop}`;
      const wrapped = (...args: unknown[]): unknown => {
        core.count(name);
        core.beforeCall?.(className, prop, obj);
        const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        core.afterCall(name);
        return result === obj ? proxy : result;
      };
      cache.set(prop, wrapped);
      return wrapped;
    },
  });
  return proxy;
}

/** The raw object behind a proxy made by `expose`, or the value itself. */
export function unwrap<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    const raw = (value as unknown as Record<symbol, unknown>)[RAW];
    if (raw) return raw as T;
  }
  return value;
}

/** True for a Date from any realm (the bundle runs in a node:vm context with its own Date). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** An Apps Script enum: members whose string value is their own name (`String(EventType.CLOCK) === 'CLOCK'`). */
export function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  const result = {} as Record<K, K>;
  for (const name of names) result[name] = name;
  return Object.freeze(result);
}

const scriptDates = new WeakMap<RuntimeCore, DateConstructor>();

/** Which Date constructor values handed to the script are made with (the vm context's own, in the sandbox). */
export function setScriptDate(core: RuntimeCore, ctor: DateConstructor): void {
  scriptDates.set(core, ctor);
}

/** A Date of the script's realm, so that `value instanceof Date` holds inside the bundle. */
export function scriptDate(core: RuntimeCore, ms: number): Date {
  const Ctor = scriptDates.get(core) ?? Date;
  return new Ctor(ms);
}
