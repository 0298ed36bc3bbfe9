// Every temporary folder of a unit-test run goes under one folder of its own (TMPDIR, which
// os.tmpdir() and the processes the tests start both read), removed when the run ends: a run makes
// a hundred folders and more (sources, caches, drafts), and left them all behind in the system's.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = mkdtempSync(join(tmpdir(), 'policy-lint-tests-'));
// Open to every user, sticky as /tmp is: some tests run the CLI as an unprivileged user.
chmodSync(root, 0o1777);
process.env.TMPDIR = root;

export const mochaHooks = {
  afterAll(): void {
    rmSync(root, { recursive: true, force: true });
  },
};
