/**
 * Start the test lab's server (ui-tests/lab/server/lab_host.py) with Debian's
 * Python, on loopback, with token authentication.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Spawn the server; `stdio` as for child_process.spawn.
 */
export function serve({
  port,
  rootDir,
  token,
  labextensions,
  stateDir,
  stdio = 'inherit',
  env = {}
}) {
  const args = [
    path.join(root, 'ui-tests', 'lab', 'server', 'lab_host.py'),
    `--port=${port}`,
    '--ip=127.0.0.1',
    '--no-browser',
    `--ServerApp.root_dir=${rootDir}`,
    `--ServerApp.token=${token}`,
    '--ServerApp.port_retries=0',
    // One or more folders of prebuilt extensions.
    ...[labextensions].flat().map(dir => `--labextensions-dir=${dir}`)
  ];
  if (process.getuid?.() === 0) {
    args.push('--allow-root');
  }
  return spawn('/usr/bin/python3', args, {
    stdio,
    env: {
      ...process.env,
      LAB_HOST_STATE_DIR: stateDir,
      // ipykernel's debugger warns on every kernel start without this.
      PYDEVD_DISABLE_FILE_VALIDATION: '1',
      ...env
    }
  });
}
