// Debian's nats-server as a child process on a config file, for the chain demo and the tests:
// started when it says it is ready, stopped (or killed) and waited for. A chain in production
// runs its own NATS cluster; nothing in the gateway itself starts one.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface NatsServerProcess {
  process: ChildProcess;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** `dir`: where the config file goes (the config names its own JetStream folder). */
export async function startNatsServer(conf: string, dir: string): Promise<NatsServerProcess> {
  const file = path.join(dir, 'nats.conf');
  writeFileSync(file, conf);
  const child = spawn('nats-server', ['-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${log}`)), 15_000);
    child.once('error', (err) =>
      reject(
        new Error(
          `nats-server could not be started (${err.message}): install it (apt-get install nats-server)`,
        ),
      ),
    );
    child.stderr.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('Server is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`nats-server exited ${code}:\n${log}`)));
  });
  child.stderr.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return { process: child, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
