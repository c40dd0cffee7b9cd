// LockService: script, user and document locks per execution, with contention injectable by tests.
import type { RuntimeCore } from './core';
import { expose } from './expose';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

type LockKind = 'script' | 'user' | 'document';

/** Lock state shared by all Lock objects of one kind. */
class LockState {
  /** Execution id of the holder, or null when free. */
  holder: number | null = null;
  /** Another (simulated) execution holds the lock. */
  busyElsewhere = false;
}

export class LockServiceEmulation {
  private readonly states: Record<LockKind, LockState> = {
    script: new LockState(),
    user: new LockState(),
    document: new LockState(),
  };

  /** Lock waits that timed out, and waits that found the lock taken (for the bench). */
  readonly stats = { acquired: 0, timedOut: 0, waitedMs: 0 };

  constructor(private readonly core: RuntimeCore) {
    core.executionListeners.push({ end: (execution) => this.releaseAll(execution) });
  }

  /** A lock belongs to the execution that took it. */
  get execution(): number {
    return this.core.execution;
  }

  /** Makes the script lock busy (or free again) as if another execution held it. */
  holdElsewhere(busy: boolean, kind: LockKind = 'script'): void {
    this.states[kind].busyElsewhere = busy;
  }

  /** True while the current execution holds the lock of that kind. */
  isHeld(kind: LockKind = 'script'): boolean {
    return this.states[kind].holder === this.execution;
  }

  /** Apps Script releases an execution's locks when it ends. */
  private releaseAll(execution: number): void {
    for (const state of Object.values(this.states)) {
      if (state.holder === execution) state.holder = null;
    }
  }

  /** Tries to take the lock for the current execution; a failed wait spends the timeout on the clock. */
  acquire(kind: LockKind, timeoutMs: number): boolean {
    const state = this.states[kind];
    const free = !state.busyElsewhere && (state.holder === null || state.holder === this.execution);
    if (free) {
      state.holder = this.execution;
      this.stats.acquired += 1;
      return true;
    }
    // The holder is suspended (an interleaved execution) or elsewhere: the whole wait passes.
    const wait = Math.max(0, Number(timeoutMs) || 0);
    this.core.now += wait;
    this.stats.timedOut += 1;
    this.stats.waitedMs += wait;
    return false;
  }

  release(kind: LockKind): void {
    const state = this.states[kind];
    if (state.holder === this.execution) state.holder = null;
  }

  service(): GoogleAppsScript.Lock.LockService {
    const core = this.core;
    const service = {
      getScriptLock: () => expose(core, new Lock(this, 'script'), 'Lock'),
      getUserLock: () => expose(core, new Lock(this, 'user'), 'Lock'),
      getDocumentLock: () => expose(core, new Lock(this, 'document'), 'Lock'),
    };
    return expose(core, service, 'LockService');
  }
}

function checkTimeout(timeoutInMillis: unknown): number {
  const n = Number(timeoutInMillis);
  if (timeoutInMillis === undefined || !Number.isFinite(n) || n < 0) throw new Error('Invalid argument: timeoutInMillis');
  return n;
}

export class Lock implements GoogleAppsScript.Lock.Lock {
  private acquired = false;

  constructor(
    private readonly owner: LockServiceEmulation,
    private readonly kind: LockKind,
  ) {}

  hasLock(): boolean {
    return this.acquired && this.owner.isHeld(this.kind);
  }

  releaseLock(): void {
    if (this.hasLock()) this.owner.release(this.kind);
    this.acquired = false;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.acquired = this.owner.acquire(this.kind, checkTimeout(timeoutInMillis));
    return this.acquired;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
}
