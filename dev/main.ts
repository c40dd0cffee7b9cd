// Starts the sandbox server from the command line (PORT, default 8787) and stops cleanly on Ctrl-C.
import { startServer } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  // The demo starts at the current minute, so "today" in the sandbox is today; tests pin their own clock.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const { server, url } = await startServer({ port, now });
  console.log(`Sandbox ready: ${url}  (web app: ${url}exec, booking page: ${url}exec?p=book)`);
  const stop = (): void => {
    console.log('\nStopping the sandbox.');
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
