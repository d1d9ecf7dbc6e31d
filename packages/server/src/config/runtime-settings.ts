import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { secureDataDir, type DataDirReport } from './data-dir';
import { ConfigError, isLoopbackHost, type Config } from './load-config';

/** Values derived from the configuration once, at start-up. */
export interface RuntimeSettings {
  readonly config: Config;
  /** The server binds only to loopback: development defaults apply. */
  readonly loopback: boolean;
  /** No DATABASE_URL: embedded PGlite. */
  readonly embedded: boolean;
  readonly dataDir: string;
  /** What securing DATA_DIR found (only when DATA_DIR is used: embedded database, generated secret or local file storage). */
  readonly dataDirReport?: DataDirReport;
  readonly jwtSecret: Uint8Array;
  /** True when the JWT secret was generated (and kept in DATA_DIR). */
  readonly jwtSecretGenerated: boolean;
  readonly publicBaseUrl: string;
  /** Origin of PUBLIC_BASE_URL, accepted by the Origin check. */
  readonly ownOrigin: string;
  /** LiveKit settings after the loopback development defaults; empty strings mean disabled. */
  readonly livekit: { readonly url: string; readonly apiKey: string; readonly apiSecret: string; readonly devDefaults: boolean };
  readonly bootstrapAdmin: { readonly email: string; readonly password: string; readonly defaulted: boolean } | null;
  readonly seedDemoData: boolean;
}

async function loadOrCreateSecret(dataDir: string): Promise<Uint8Array> {
  const file = join(dataDir, 'jwt-secret');
  try {
    const existing = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
    if (existing.length >= 32) return existing;
  } catch {
    /* not there yet */
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48);
  await writeFile(file, secret.toString('base64url'), { mode: 0o600 });
  return secret;
}

/** Derives the runtime settings; throws `ConfigError` naming the key when a required value is missing. */
export async function resolveRuntimeSettings(config: Config, env: Readonly<Record<string, string | undefined>>): Promise<RuntimeSettings> {
  const loopback = isLoopbackHost(config.host);
  const embedded = config.databaseUrl === undefined;
  const dataDir = resolve(config.dataDir);
  const usesDataDir = embedded || (config.jwtSecret === undefined && loopback) || config.s3Bucket === undefined;
  const dataDirReport = usesDataDir ? await secureDataDir(dataDir) : undefined;
  let jwtSecret: Uint8Array;
  let jwtSecretGenerated = false;
  if (config.jwtSecret !== undefined) jwtSecret = Buffer.from(config.jwtSecret, 'utf8');
  else if (loopback) {
    jwtSecret = await loadOrCreateSecret(dataDir);
    jwtSecretGenerated = true;
  } else throw new ConfigError(['JWT_SECRET: required when HOST is not a loopback address']);
  const publicBaseUrl = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  const lk = (key: 'LIVEKIT_URL' | 'LIVEKIT_API_KEY' | 'LIVEKIT_API_SECRET', value: string | undefined, dev: string) =>
    value !== undefined ? value : env[key] === undefined && loopback ? dev : '';
  const livekit = {
    url: lk('LIVEKIT_URL', config.livekitUrl, 'ws://127.0.0.1:7880'),
    apiKey: lk('LIVEKIT_API_KEY', config.livekitApiKey, 'devkey'),
    apiSecret: lk('LIVEKIT_API_SECRET', config.livekitApiSecret, 'secret'),
    devDefaults: loopback && config.livekitApiSecret === undefined,
  };
  let bootstrapAdmin: RuntimeSettings['bootstrapAdmin'] = null;
  if (config.bootstrapAdminEmail && config.bootstrapAdminPassword) {
    bootstrapAdmin = { email: config.bootstrapAdminEmail, password: config.bootstrapAdminPassword, defaulted: false };
  } else if (embedded && loopback) {
    bootstrapAdmin = { email: 'admin@sooscode.local', password: 'admin1234!', defaulted: true };
  }
  return {
    config,
    loopback,
    embedded,
    dataDir,
    dataDirReport,
    jwtSecret,
    jwtSecretGenerated,
    publicBaseUrl,
    ownOrigin: new URL(publicBaseUrl).origin,
    livekit,
    bootstrapAdmin,
    seedDemoData: env.SEED_DEMO_DATA === undefined ? embedded && loopback : config.seedDemoData,
  };
}
