// The shell's own command-line switches (Chromium's and Electron's pass through untouched):
//   --provision <file>       import a store's configuration (provisioning.ts)
//   --machine-config <file>  read this instead of the machine-wide file (testing a file before
//                            dropping it in place)
//   --user-data <dir>        keep all data, logs and secrets under this folder (tests, a second
//                            profile on one machine)
import path from 'node:path';

export interface ShellArgs {
  provision?: string;
  machineConfig?: string;
  userData?: string;
}

const FLAGS = {
  '--provision': 'provision',
  '--machine-config': 'machineConfig',
  '--user-data': 'userData',
} as const;

export function parseShellArgs(argv: readonly string[], cwd = process.cwd()): ShellArgs {
  const out: ShellArgs = {};
  argv.forEach((arg, i) => {
    for (const [flag, key] of Object.entries(FLAGS)) {
      let value: string | undefined;
      if (arg === flag) value = argv[i + 1];
      else if (arg.startsWith(`${flag}=`)) value = arg.slice(flag.length + 1);
      if (value && !value.startsWith('--')) out[key] = path.resolve(cwd, value);
    }
  });
  return out;
}
