// Benchmark: the size of dist/Code.js and its cold load time in a fresh V8 context (Apps Script loads it on every run).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { median, round, timeMs } from './measure';

export function benchBundle(): Record<string, unknown> {
  const code = readFileSync(path.resolve(process.cwd(), 'dist', 'Code.js'), 'utf8');
  const script = new vm.Script(code, { filename: 'Code.js' });
  const loads: number[] = [];
  for (let i = 0; i < 30; i++) loads.push(timeMs(() => script.runInContext(vm.createContext({}))));
  const parseAndLoad: number[] = [];
  for (let i = 0; i < 10; i++) parseAndLoad.push(timeMs(() => vm.runInContext(code, vm.createContext({}))));
  return {
    'bundle KiB': round(Buffer.byteLength(code) / 1024, 1),
    'cold load ms (compiled, median of 30)': round(median(loads)),
    'cold parse + load ms (median of 10)': round(median(parseAndLoad)),
  };
}
