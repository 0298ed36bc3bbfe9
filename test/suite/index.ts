// Entry point of the extension test suite inside a VS Code extension host (extensionTestsPath):
// VS Code (or code-server) loads this module and calls run(); the promise decides the exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // The reporter's output goes line by line through console.log: code-server forwards each call to the
  // test runner as one log line (and keeps only the first line of a multi-line call). A prefix, when
  // set, lets the runner tell the suite's lines from the workbench's.
  const prefix = process.env.POLICY_LINT_SUITE_PREFIX ?? '';
  const print = (...args: unknown[]) => {
    for (const line of format(...args).split('\n')) console.log(prefix + line);
  };
  Mocha.reporters.Base.consoleLog = print;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.POLICY_LINT_SUITE_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // One plain closing line, the same in VS Code, code-server and CI logs.
      print(`vscode-suite: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension tests failed`));
      else resolve();
    });
  });
}
