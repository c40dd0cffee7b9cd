// npm run setup against a fake clasp that answers as clasp 3's --json commands do: first run, second run, and what stops it.
import { SetupError, runSetup, type CommandAnswer, type SetupDeps } from '../../scripts/setup-core.cjs';

const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijkl';
const SHEET_ID = '1SheetIdOfTheNewSpreadsheet0123456789';
const DEPLOYMENT_ID = 'AKfycbxDeploymentIdOfTheWebApp0123456789';
const NOW = Date.UTC(2026, 0, 5, 8, 0);

/** A stateful stand-in for clasp: one Google account with its projects and deployments. */
class FakeClasp {
  loggedIn = true;
  apiEnabled = true;
  calls: string[][] = [];
  deployments: Array<{ deploymentId: string; versionNumber?: number; description: string }> = [
    { deploymentId: 'AKfycbHeadDeployment000000000000000', description: '' },
  ];
  pushes = 0;
  versions = 0;

  constructor(private readonly files: Map<string, string>) {}

  run = async (args: string[]): Promise<CommandAnswer> => {
    this.calls.push(args);
    const ok = (value: unknown): CommandAnswer => ({ code: 0, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: '' });
    const command = args.filter((arg) => arg !== '--json')[0];
    if (command === 'show-authorized-user') return ok({ loggedIn: this.loggedIn, email: this.loggedIn ? 'host@example.com' : undefined });
    if (!this.apiEnabled)
      return {
        code: 1,
        stdout: '',
        stderr: 'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings',
      };
    switch (command) {
      case 'create-script':
        if (this.files.has('.clasp.json')) return { code: 1, stdout: '', stderr: 'Project file already exists.' };
        this.files.set('.clasp.json', JSON.stringify({ scriptId: SCRIPT_ID, rootDir: 'dist', parentId: SHEET_ID }));
        return ok({ scriptId: SCRIPT_ID, parentId: SHEET_ID, files: ['dist/appsscript.json', 'dist/Code.js'] });
      case 'list-deployments':
        return ok(this.deployments.map(({ deploymentId, versionNumber, description }) => ({ deploymentId, versionNumber, description })));
      case 'push':
        this.pushes++;
        return { code: 0, stdout: 'Pushed 2 files at 08:00:00.\n', stderr: '' };
      case 'create-deployment': {
        this.versions++;
        const description = args[args.indexOf('--description') + 1];
        this.deployments.push({ deploymentId: DEPLOYMENT_ID, versionNumber: this.versions, description });
        return ok({ deploymentId: DEPLOYMENT_ID, versionNumber: this.versions, description });
      }
      case 'update-deployment': {
        const id = args[args.indexOf('update-deployment') + 1];
        const deployment = this.deployments.find((d) => d.deploymentId === id);
        if (!deployment) return { code: 1, stdout: '', stderr: `Deployment ${id} not found` };
        this.versions++;
        deployment.versionNumber = this.versions;
        return ok({ deploymentId: id, versionNumber: this.versions });
      }
      default:
        return { code: 1, stdout: '', stderr: `unknown command ${command}` };
    }
  };
}

function world(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial));
  const clasp = new FakeClasp(files);
  const builds: string[] = [];
  const lines: string[] = [];
  const deps: SetupDeps = {
    clasp: clasp.run,
    build: async (url) => {
      builds.push(url);
      return { code: 0, stdout: '', stderr: '' };
    },
    files: {
      read: (name) => files.get(name) ?? null,
      write: (name, text) => {
        files.set(name, text);
      },
      remove: (name) => {
        files.delete(name);
      },
    },
    log: (line) => lines.push(line),
    now: () => NOW,
  };
  return { files, clasp, builds, lines, deps };
}

const commands = (clasp: FakeClasp) => clasp.calls.map((args) => args.filter((arg) => arg !== '--json')[0]);

describe('npm run setup', () => {
  test('first run: creates the spreadsheet and project, deploys once, and pushes code that knows its URL', async () => {
    const { files, clasp, builds, lines, deps } = world();
    const result = await runSetup(deps);
    expect(commands(clasp)).toEqual([
      'show-authorized-user',
      'create-script',
      'list-deployments',
      'push',
      'create-deployment',
      'push',
      'update-deployment',
    ]);
    expect(clasp.calls[1]).toEqual([
      '--json',
      'create-script',
      '--type',
      'sheets',
      '--title',
      'WhatsApp appointments',
      '--rootDir',
      'dist',
    ]);
    expect(builds).toEqual(['', `https://script.google.com/macros/s/${DEPLOYMENT_ID}/exec`]);
    expect(JSON.parse(files.get('.clasp.json') as string)).toEqual({ scriptId: SCRIPT_ID, rootDir: 'dist', parentId: SHEET_ID });
    expect(files.get('.deployment-id')).toBe(`${DEPLOYMENT_ID}\n`);
    expect(result).toEqual({
      scriptId: SCRIPT_ID,
      deploymentId: DEPLOYMENT_ID,
      webAppUrl: `https://script.google.com/macros/s/${DEPLOYMENT_ID}/exec`,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit`,
      steps: expect.any(Array),
    });
    expect(result.steps).toHaveLength(3);
    expect(lines).toContain(`Spreadsheet: https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit`);
    expect(lines.join('\n')).toContain('"Set up or repair"');
    expect(lines.join('\n')).toContain('Advanced → "Go to … (unsafe)"');
    expect(clasp.deployments.filter((d) => d.versionNumber !== undefined)).toHaveLength(1);
  });

  test('second run: reuses the project and the one deployment, pushes once, creates nothing', async () => {
    const { clasp, builds, deps } = world();
    await runSetup(deps);
    clasp.calls = [];
    builds.length = 0;
    const again = await runSetup(deps);
    expect(commands(clasp)).toEqual(['show-authorized-user', 'list-deployments', 'push', 'update-deployment']);
    expect(builds).toEqual([`https://script.google.com/macros/s/${DEPLOYMENT_ID}/exec`]);
    expect(again.deploymentId).toBe(DEPLOYMENT_ID);
    expect(clasp.deployments.filter((d) => d.versionNumber !== undefined)).toHaveLength(1);
  });

  test('a lost .deployment-id: the deployment is found again by its description', async () => {
    const { files, clasp, deps } = world();
    await runSetup(deps);
    files.delete('.deployment-id');
    clasp.calls = [];
    await runSetup(deps);
    expect(commands(clasp)).not.toContain('create-deployment');
    expect(files.get('.deployment-id')).toBe(`${DEPLOYMENT_ID}\n`);
  });

  test('an old placeholder .clasp.json is replaced, not refused', async () => {
    const { files, clasp, deps } = world({ '.clasp.json': '{ "scriptId": "REPLACE_WITH_YOUR_SCRIPT_ID", "rootDir": "dist" }' });
    await runSetup(deps);
    expect(commands(clasp)).toContain('create-script');
    expect(JSON.parse(files.get('.clasp.json') as string).scriptId).toBe(SCRIPT_ID);
  });

  test('not logged in: stops before touching anything, and says what to run', async () => {
    const { files, clasp, deps } = world();
    clasp.loggedIn = false;
    await expect(runSetup(deps)).rejects.toThrow(
      new SetupError('You are not logged in to clasp: run npx clasp login (it opens a browser), then npm run setup again.'),
    );
    expect(commands(clasp)).toEqual(['show-authorized-user']);
    expect(files.size).toBe(0);
  });

  test('the Apps Script API switched off: the page to switch it on', async () => {
    const { clasp, deps } = world();
    clasp.apiEnabled = false;
    await expect(runSetup(deps)).rejects.toThrow(/Turn it on at https:\/\/script\.google\.com\/home\/usersettings/);
  });

  test('a failing build stops before the push', async () => {
    const { clasp, deps } = world();
    deps.build = async () => ({ code: 1, stdout: '', stderr: 'src/index.ts: error' });
    await expect(runSetup(deps)).rejects.toThrow('The build failed:\nsrc/index.ts: error');
    expect(commands(clasp)).not.toContain('push');
  });

  test('create-script fails: says which step failed and quotes clasp; nothing is written', async () => {
    const { files, clasp, deps } = world();
    const run = clasp.run;
    deps.clasp = async (args) =>
      args.includes('create-script') ? { code: 1, stdout: '', stderr: 'Quota exceeded for quota metric' } : run(args);
    await expect(runSetup(deps)).rejects.toThrow(
      new SetupError('Creating the spreadsheet and its Apps Script project failed:\nQuota exceeded for quota metric'),
    );
    expect(files.size).toBe(0);
  });

  test('create-deployment fails: says so; the project is kept, and the next run deploys without creating another', async () => {
    const { files, clasp, deps } = world();
    const run = clasp.run;
    let refuse = true;
    deps.clasp = async (args) =>
      refuse && args.includes('create-deployment') ? { code: 1, stdout: '', stderr: 'Deployment limit reached' } : run(args);
    await expect(runSetup(deps)).rejects.toThrow(new SetupError('Deploying the web app failed:\nDeployment limit reached'));
    expect(JSON.parse(files.get('.clasp.json') as string).scriptId).toBe(SCRIPT_ID);
    expect(files.has('.deployment-id')).toBe(false);
    refuse = false;
    clasp.calls = [];
    const again = await runSetup(deps);
    expect(commands(clasp)).not.toContain('create-script');
    expect(again.deploymentId).toBe(DEPLOYMENT_ID);
  });
});
