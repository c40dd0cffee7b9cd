// `npm run deploy`: build, push, and point the one stable web-app deployment at the new code, so /exec never changes.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const ID_FILE = '.deployment-id';
const clasp = (...args) => execFileSync('npx', ['clasp', ...args], { encoding: 'utf8', stdio: ['inherit', 'pipe', 'inherit'] });

execFileSync('npm', ['run', 'push'], { stdio: 'inherit' });

const known = process.env.DEPLOYMENT_ID || (existsSync(ID_FILE) ? readFileSync(ID_FILE, 'utf8').trim() : '');
const description = `calendar-whatsapp ${new Date().toISOString()}`;
if (known) {
  // Same deployment id, new version: every link already sent keeps working.
  process.stdout.write(clasp('deploy', '--deploymentId', known, '--description', description));
} else {
  const output = clasp('deploy', '--description', description);
  process.stdout.write(output);
  const id = output.match(/AKfyc[\w-]+/)?.[0];
  if (!id) throw new Error('clasp did not print a deployment id; run `npx clasp deployments` and save the web-app one in .deployment-id');
  writeFileSync(ID_FILE, `${id}\n`);
  console.log(`Saved the deployment id in ${ID_FILE}. Set WEB_APP_URL to https://script.google.com/macros/s/${id}/exec`);
}
