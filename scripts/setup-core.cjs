// The steps of `npm run setup`, with clasp, the build and the files injected: login, project, push, the one web-app deployment.
'use strict';

const DESCRIPTION_PREFIX = 'calendar-whatsapp';
const DEPLOYMENT_ID_FILE = '.deployment-id';
const CLASP_FILE = '.clasp.json';
const SCRIPT_ID = /^[\w-]{40,}$/;

class SetupError extends Error {}

function webAppUrlOf(deploymentId) {
  return `https://script.google.com/macros/s/${deploymentId}/exec`;
}

function spreadsheetUrlOf(parentId) {
  return parentId ? `https://docs.google.com/spreadsheets/d/${parentId}/edit` : '';
}

/** clasp's --json answer, or a SetupError that quotes what clasp said. */
function parseJson(what, answer) {
  try {
    return JSON.parse(answer.stdout);
  } catch {
    throw new SetupError(`${what}: clasp did not answer in JSON:\n${(answer.stdout + answer.stderr).trim()}`);
  }
}

/** What clasp's failures mean for a host, in the order a first run meets them. */
function explainClaspFailure(what, answer) {
  const said = `${answer.stdout}\n${answer.stderr}`.trim();
  if (/Apps Script API/i.test(said)) {
    return new SetupError(
      `${what} failed: the Apps Script API is off for your Google account. Turn it on at https://script.google.com/home/usersettings, wait a minute, and run npm run setup again.`,
    );
  }
  if (/not logged in|invalid_grant|No credentials/i.test(said))
    return new SetupError(`${what} failed: run npx clasp login, then npm run setup again.`);
  return new SetupError(`${what} failed:\n${said}`);
}

function readJsonFile(files, name) {
  const text = files.read(name);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The one web-app deployment: the id saved in .deployment-id when clasp still lists it, else the
 * newest deployment this setup made (its description), else none. The HEAD deployment (no version)
 * is never it: its URL ends in /dev and only the owner may open it.
 */
function chooseDeployment(deployments, savedId) {
  const versioned = deployments.filter(
    (d) => d && typeof d.deploymentId === 'string' && d.versionNumber !== undefined && d.versionNumber !== null,
  );
  if (savedId && versioned.some((d) => d.deploymentId === savedId)) return savedId;
  const ours = versioned.filter((d) => String(d.description ?? '').startsWith(DESCRIPTION_PREFIX));
  if (ours.length === 0) return null;
  ours.sort((a, b) => Number(b.versionNumber) - Number(a.versionNumber));
  return ours[0].deploymentId;
}

/**
 * Runs the setup. `deps.clasp(args)` and `deps.build(webAppUrl)` return {code, stdout, stderr};
 * `deps.files` reads (null when missing) and writes files; `deps.log` prints; `deps.now()` is the clock.
 * Idempotent: a second run reuses the project and the deployment and only pushes the new code.
 */
async function runSetup(deps, options = {}) {
  const { files, log } = deps;
  const title = options.title || 'WhatsApp appointments';
  const steps = [];
  const step = (text) => {
    steps.push(text);
    log(`${steps.length}. ${text}`);
  };
  const clasp = async (what, args) => {
    const answer = await deps.clasp(args);
    if (answer.code !== 0) throw explainClaspFailure(what, answer);
    return answer;
  };

  // 1. Signed in to Google through clasp.
  const user = parseJson('clasp show-authorized-user', await clasp('Checking clasp login', ['--json', 'show-authorized-user']));
  if (!user.loggedIn)
    throw new SetupError('You are not logged in to clasp: run npx clasp login (it opens a browser), then npm run setup again.');
  step(`Signed in to Google as ${user.email || 'an unknown user'}`);

  // 2. The Apps Script project, bound to its spreadsheet: reused from .clasp.json, else created.
  let project = readJsonFile(files, CLASP_FILE);
  if (project && !SCRIPT_ID.test(String(project.scriptId ?? ''))) {
    // An old placeholder ("REPLACE_WITH_YOUR_SCRIPT_ID") would make create-script refuse.
    files.remove(CLASP_FILE);
    project = null;
  }
  if (project) {
    step(`Using the Apps Script project ${project.scriptId} from ${CLASP_FILE}`);
  } else {
    const created = parseJson(
      'clasp create-script',
      await clasp('Creating the spreadsheet and its Apps Script project', [
        '--json',
        'create-script',
        '--type',
        'sheets',
        '--title',
        title,
        '--rootDir',
        'dist',
      ]),
    );
    if (!SCRIPT_ID.test(String(created.scriptId ?? ''))) throw new SetupError('clasp create-script did not return a script id');
    project = { ...(readJsonFile(files, CLASP_FILE) ?? {}), scriptId: created.scriptId, rootDir: 'dist', parentId: created.parentId };
    files.write(CLASP_FILE, `${JSON.stringify(project, null, 2)}\n`);
    step(`Created the spreadsheet "${title}" with its Apps Script project ${created.scriptId}`);
  }
  const parentId = Array.isArray(project.parentId) ? project.parentId[0] : project.parentId;

  // 3. The one web-app deployment, found before the build so the code carries its URL.
  const description = `${DESCRIPTION_PREFIX} ${new Date(deps.now()).toISOString()}`;
  const listed = parseJson('clasp list-deployments', await clasp('Listing deployments', ['--json', 'list-deployments']));
  const savedId = (files.read(DEPLOYMENT_ID_FILE) ?? '').trim();
  let deploymentId = chooseDeployment(Array.isArray(listed) ? listed : [], savedId);

  const buildAndPush = async (url) => {
    const built = await deps.build(url);
    if (built.code !== 0) throw new SetupError(`The build failed:\n${(built.stdout + built.stderr).trim()}`);
    await clasp('Pushing the code', ['push', '--force']);
  };

  if (deploymentId) {
    await buildAndPush(webAppUrlOf(deploymentId));
    step('Built and pushed the code');
    await clasp('Updating the web app', ['--json', 'update-deployment', deploymentId, '--description', description]);
    step(`Updated the web-app deployment ${deploymentId} (its URL stays the same)`);
  } else {
    // First run: the deployment id (and so the URL) exists only once something is deployed.
    await buildAndPush('');
    const made = parseJson(
      'clasp create-deployment',
      await clasp('Deploying the web app', ['--json', 'create-deployment', '--description', description]),
    );
    deploymentId = made.deploymentId;
    if (typeof deploymentId !== 'string' || deploymentId === '')
      throw new SetupError('clasp create-deployment did not return a deployment id');
    files.write(DEPLOYMENT_ID_FILE, `${deploymentId}\n`);
    await buildAndPush(webAppUrlOf(deploymentId));
    await clasp('Updating the web app', ['--json', 'update-deployment', deploymentId, '--description', description]);
    step(`Deployed the web app (deployment ${deploymentId}) and pushed the code that knows its URL`);
  }
  if (savedId !== deploymentId) files.write(DEPLOYMENT_ID_FILE, `${deploymentId}\n`);

  const webAppUrl = webAppUrlOf(deploymentId);
  const spreadsheetUrl = spreadsheetUrlOf(parentId);
  log('');
  log(`Web app:     ${webAppUrl}`);
  log(`Spreadsheet: ${spreadsheetUrl || '(open the script, then its bound spreadsheet)'}`);
  log('');
  log('Next: open the spreadsheet (reload it once), then the menu "WhatsApp appointments" → "Set up or repair".');
  log('Google asks you to authorise the script; on "Google hasn\'t verified this app" choose Advanced → "Go to … (unsafe)".');
  log('Then "Settings": your Twilio Account SID, auth token and WhatsApp sender.');
  return { scriptId: project.scriptId, deploymentId, webAppUrl, spreadsheetUrl, steps };
}

module.exports = { runSetup, chooseDeployment, webAppUrlOf, spreadsheetUrlOf, SetupError, DESCRIPTION_PREFIX };
