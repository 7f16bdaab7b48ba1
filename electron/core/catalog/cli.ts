// `[MANAGER_PIN=<PIN>] npm run catalog:import -- <catalog.json> [--config <config.json>] [--offline]`
// Imports a catalog in Stream's shape (stream-api.md A5). The file is checked first (a wrong
// field is named, nothing is stored). With the connector running, the import goes through its
// Local API, so Stream and every screen see it at once; replacing the catalog is a manager call
// there, so the PIN comes from MANAGER_PIN (an environment variable, not an argument
// other users could read in the process list). With the connector stopped (or `--offline`) it
// is written into the database, and served from the next start.
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  ACTOR_HEADER,
  ApiErrorBody,
  MANAGER_PIN_HEADER,
  localApi,
  type CallOutput,
  type CallRequest,
} from '../../../shared/contract.js';
import { CatalogStore } from './catalog.js';
import { ConfigError, loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { openDatabase } from '../db/connection.js';
import { ApiError } from '../util/errors.js';
import { checkCatalog, type CheckedCatalog } from './import.js';

const USAGE =
  'usage: [MANAGER_PIN=<PIN>] npm run catalog:import -- <catalog.json> [--config <config.json>] [--offline]';

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const configFile = argValue(args, '--config') ?? process.env.CONNECTOR_CONFIG;
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--config');
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig({ file: configFile });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      return 2;
    }
    throw err;
  }
  let checked: CheckedCatalog;
  try {
    checked = checkCatalog(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (err) {
    const why = err instanceof ApiError ? err.message : (err as Error).message;
    console.error(`${file}: ${why}`);
    return 2;
  }
  const fileName = path.basename(file);
  if (config.catalog.file)
    console.warn(
      `note: catalog.file is set (${config.catalog.file}); the connector loads that file at every start, replacing this import`,
    );

  if (!args.includes('--offline')) {
    const viaApi = await importThroughLocalApi(config, fileName, checked);
    if (viaApi !== 'not-running') return viaApi;
  }
  const db = openDatabase(path.join(config.dataDir, 'connector.db'));
  try {
    const index = new CatalogStore(db, config.location.id).replace(
      checked.catalog,
      `file:${fileName}`,
      Date.now(),
    );
    console.log(
      `${index.objectCount} catalog objects stored in ${config.dataDir}; the connector serves them from its next start`,
    );
  } finally {
    db.close();
  }
  printWarnings(checked.warnings);
  return 0;
}

async function importThroughLocalApi(
  config: Config,
  fileName: string,
  checked: CheckedCatalog,
): Promise<number | 'not-running'> {
  const tokenFile = path.join(config.dataDir, 'local.token');
  const token =
    config.local.token ??
    (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : undefined);
  if (!token) return 'not-running'; // never started: no token yet, and no one to talk to
  const host = ['0.0.0.0', '::'].includes(config.local.host) ? '127.0.0.1' : config.local.host;
  const { method, path: route, response } = localApi.importCatalog;
  const request: CallRequest<'importCatalog'> = {
    source: 'file',
    fileName,
    catalog: checked.catalog,
  };
  const body = JSON.stringify(request);
  const pin = process.env.MANAGER_PIN;
  // node:http rather than fetch: fetch refuses some ports outright (6000, 6665 …).
  const answer = await new Promise<{ status: number; text: string } | { error: string }>(
    (resolve) => {
      const req = http.request(
        {
          host,
          port: config.local.port,
          path: route,
          method,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            [ACTOR_HEADER]: 'catalog-cli',
            ...(pin ? { [MANAGER_PIN_HEADER]: pin } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
      req.end(body);
    },
  );
  if ('error' in answer) {
    if (answer.error === 'ECONNREFUSED') return 'not-running';
    console.error(`could not reach the connector on ${host}:${config.local.port}: ${answer.error}`);
    return 1;
  }
  let json: unknown = null;
  try {
    json = JSON.parse(answer.text);
  } catch {
    // not JSON: reported below by status
  }
  if (answer.status !== 200) {
    const refusal = ApiErrorBody.safeParse(json);
    const why = refusal.success ? refusal.data.error.message : answer.text.slice(0, 200);
    console.error(`the connector refused the catalog (HTTP ${answer.status}): ${why}`);
    if (refusal.success && refusal.data.error.code.startsWith('manager_pin'))
      console.error(
        "replacing the running connector's catalog needs the manager PIN: run it as MANAGER_PIN=<PIN> npm run catalog:import -- …",
      );
    return 1;
  }
  const parsed = response.safeParse(json);
  if (!parsed.success) {
    console.error(`the connector answered the import with an unexpected body: ${answer.text}`);
    return 1;
  }
  const result: CallOutput<'importCatalog'> = parsed.data;
  console.log(`${result.objects} catalog objects imported into the running connector`);
  printWarnings(result.warnings);
  return 0;
}

function printWarnings(warnings: readonly string[]): void {
  for (const w of warnings) console.warn(`warning: ${w}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
