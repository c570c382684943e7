/**
 * Start a test host's server (ui-tests/lab/server/lab_host.py or
 * ui-tests/notebook/server/notebook_host.py) with Debian's Python, on
 * loopback, with token authentication.
 */
import { spawn } from 'node:child_process';

import { host } from './hosts.mjs';

/**
 * Spawn the server of `app` (`lab` or `notebook`); `stdio` as for
 * child_process.spawn, `config` more `--Class.trait=value` options.
 */
export function serve({
  app = 'lab',
  port,
  rootDir,
  token,
  labextensions,
  stateDir,
  config = [],
  stdio = 'inherit',
  env = {}
}) {
  const args = [
    host(app).server,
    `--port=${port}`,
    '--ip=127.0.0.1',
    '--no-browser',
    `--ServerApp.root_dir=${rootDir}`,
    `--ServerApp.token=${token}`,
    '--ServerApp.port_retries=0',
    // One or more folders of prebuilt extensions.
    ...[labextensions].flat().map(dir => `--labextensions-dir=${dir}`),
    ...config
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
