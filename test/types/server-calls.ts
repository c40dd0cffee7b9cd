// Type-check fixture (tsconfig.browser.json): page scripts can only call what src/index.ts exports, as it declares it.
import { callServer, type ScriptRunner } from '../../src/web/browser/server';

const ignore = { success: () => undefined, failure: () => undefined };

export function wellFormedCalls(runner: ScriptRunner): void {
  callServer('cancelAppointment', ['token'], {
    success: (result) => {
      const status: 'cancelled' | 'already-cancelled' = result.status;
      void status;
    },
    failure: () => undefined,
  });
  callServer('listSlots', ['token', '2026-01-05T08:00:00.000Z'], ignore);
  runner
    .withSuccessHandler(() => undefined)
    .withFailureHandler(() => undefined)
    .listBookingSlots();
}

export function wrongCalls(runner: ScriptRunner): void {
  // @ts-expect-error a misspelled (or renamed) entry point is not a server function
  callServer('cancelAppointmnt', ['token'], ignore);
  // @ts-expect-error nor on the raw runner
  runner.withSuccessHandler(() => undefined).rescheduleAppointmnt('token', '2026-01-05T08:00:00.000Z');
  // @ts-expect-error rescheduleAppointment takes a token and a start
  callServer('rescheduleAppointment', ['token', '2026-01-05T08:00:00.000Z', 'extra'], ignore);
  callServer('bookAppointment', [{}], {
    // @ts-expect-error a booking answers {ok, link}, not a message
    success: (result) => result.message,
    failure: () => undefined,
  });
}
