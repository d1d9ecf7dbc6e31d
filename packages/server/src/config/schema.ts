import { bool, int, list, oneOf, str, url } from './config-spec';

const timeZone = (v: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return null;
  } catch {
    return 'must be an IANA time zone such as Asia/Seoul';
  }
};
const secret32 = (v: string) => (Buffer.byteLength(v, 'utf8') >= 32 ? null : 'must be at least 32 bytes');
const DAY = 86_400;

/**
 * Every configuration variable: env name, type, default and doc. This table is the single source of
 * docs/configuration.md (a test keeps them in sync) and is validated once at start-up.
 */
export const SCHEMA = {
  // Server and operations
  port: int('PORT', 8080, 'TCP port of the HTTP/WebSocket listener.', 0, 65535),
  host: str('HOST', '127.0.0.1', 'Address to bind. Loopback enables the embedded development defaults (generated JWT secret, local compile runner, LiveKit dev keys).'),
  dataDir: str('DATA_DIR', './data', 'Directory for the embedded PGlite database and the generated JWT secret.'),
  databaseUrl: url('DATABASE_URL', undefined, 'PostgreSQL URL. Unset: embedded PGlite in DATA_DIR.', ['postgres', 'postgresql']),
  databasePoolSize: int('DATABASE_POOL_SIZE', 10, 'Connections in the Postgres pool.', 1, 200),
  redisUrl: url('REDIS_URL', undefined, 'Redis URL. Unset: in-process adapters (single node only).', ['redis', 'rediss']),
  redisKeyPrefix: str('REDIS_KEY_PREFIX', 'sooscode:', 'Prefix of every Redis key and channel.'),
  publicBaseUrl: url('PUBLIC_BASE_URL', undefined, 'Public origin of this API (e.g. https://api.example.com). Default: http://localhost:PORT. Its origin is accepted by the Origin check.', ['http', 'https']),
  logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info', 'pino log level.'),
  trustProxy: bool('TRUST_PROXY', false, 'Trust X-Forwarded-For for the client address (rate limits).'),
  shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 'Grace period for in-flight requests on SIGTERM/SIGINT, in milliseconds.', 0, 600_000),
  metricsToken: str('METRICS_TOKEN', undefined, 'Bearer token required by GET /metrics (never logged). Unset: only loopback clients without proxy forwarding headers may scrape it.'),
  shutdownDrainDelayMs: int('SHUTDOWN_DRAIN_DELAY_MS', 0, 'On SIGTERM/SIGINT, /readyz answers 503 at once; the node keeps accepting and serving for this long (so a load balancer stops routing to it) before it stops accepting, in milliseconds.', 0, 600_000),
  bootstrapAdminEmail: str('BOOTSTRAP_ADMIN_EMAIL', undefined, 'Email of the admin created at start-up when no admin exists. Embedded default: admin@sooscode.local.'),
  bootstrapAdminPassword: str('BOOTSTRAP_ADMIN_PASSWORD', undefined, 'Password of that admin. Embedded default: admin1234! (change it).'),
  seedDemoData: bool('SEED_DEMO_DATA', false, 'Seed demo accounts and a demo class on first start. Default: true for the embedded run (no DATABASE_URL).'),

  // HTTP wire behaviour (http.md §14)
  appTimeZone: str('APP_TIME_ZONE', 'Asia/Seoul', 'Zone of every wall-clock date/time on the wire and of the class schedule.', timeZone),
  corsAllowedOrigins: list('CORS_ALLOWED_ORIGINS', ['http://localhost:5173', 'http://127.0.0.1:5173'], 'Exact-match origins allowed with credentials (REST, SockJS, WebSocket).'),
  cookieSecure: bool('COOKIE_SECURE', false, 'Adds Secure to the auth cookies.'),
  defaultProfileImageUrl: url('DEFAULT_PROFILE_IMAGE_URL', 'https://sooscode-s3file.s3.ap-northeast-2.amazonaws.com/profile.png', 'profileImage of users without an image.', ['http', 'https']),
  frontendUrl: url('FRONTEND_URL', 'http://localhost:5173', 'Where the Google callback redirects after sign-in.', ['http', 'https']),
  chatHistoryMax: int('CHAT_HISTORY_MAX', 1000, 'Messages returned by GET /api/chat/history.', 1, 100_000),
  chatRetentionDays: int('CHAT_RETENTION_DAYS', 0, 'Days chat messages are kept; 0 keeps them forever. When > 0, older messages are deleted every CHAT_RETENTION_INTERVAL_S, by one node at a time.', 0, 36_500),
  chatRetentionIntervalS: int('CHAT_RETENTION_INTERVAL_S', 3600, 'Seconds between chat-retention runs (the first runs one minute after start).', 1, 7 * DAY),
  snapshotMaxChars: int('SNAPSHOT_MAX_CHARS', 100_000, 'Largest snapshot content in characters (SNAPSHOT_013 beyond).', 1, 10_000_000),

  // Tokens and sessions (http.md §1.7)
  jwtSecret: str('JWT_SECRET', undefined, 'HS256 key for access tokens, at least 32 bytes. Required unless bound to loopback (then generated once and kept in DATA_DIR).', secret32),
  jwtIssuer: str('JWT_ISSUER', 'sooscode-api', 'iss of access tokens.'),
  jwtAudience: str('JWT_AUDIENCE', 'sooscode-api', 'aud of access tokens.'),
  jwtAccessTtlS: int('JWT_ACCESS_TTL_S', 1800, 'Access-token lifetime and accessToken cookie Max-Age, in seconds.', 60, DAY),
  accessRenewBeforeS: int('ACCESS_RENEW_BEFORE_S', 600, 'Renew the accessToken cookie when it expires within this many seconds.', 0, DAY),
  refreshTtlS: int('REFRESH_TTL_S', 604_800, 'Idle lifetime of a refresh token, in seconds.', 60, 365 * DAY),
  refreshAbsoluteTtlS: int('REFRESH_ABSOLUTE_TTL_S', 2_592_000, 'Absolute lifetime of a login session family, in seconds.', 60, 365 * DAY),
  refreshReuseGraceS: int('REFRESH_REUSE_GRACE_S', 30, 'Seconds in which the previous refresh token still gets the current one (concurrent tabs).', 0, 600),
  loginMaxFailuresPerAccount: int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 10, 'Failed logins per account within the window before a lock.', 1, 1_000_000),
  loginMaxFailuresPerIp: int('LOGIN_MAX_FAILURES_PER_IP', 100, 'Failed logins per client address within the window before a lock.', 1, 1_000_000),
  loginLockWindowS: int('LOGIN_LOCK_WINDOW_S', 900, 'Failure window and lock duration, in seconds.', 1, DAY),
  authRequireEmailVerification: bool('AUTH_REQUIRE_EMAIL_VERIFICATION', true, 'Registration needs a recently verified email code.'),
  emailVerifiedValidS: int('EMAIL_VERIFIED_VALID_S', 1800, 'How long a verified email stays usable for registration, in seconds.', 1, DAY),
  emailCodeTtlS: int('EMAIL_CODE_TTL_S', 300, 'Lifetime of an email code, in seconds.', 1, DAY),
  emailCodeMaxAttempts: int('EMAIL_CODE_MAX_ATTEMPTS', 5, 'Wrong codes allowed per issued code.', 1, 100),

  // Mail
  smtpHost: str('SMTP_HOST', undefined, 'SMTP server. Unset: the development mailer writes messages (codes included) to the log.'),
  smtpPort: int('SMTP_PORT', 587, 'SMTP port.', 1, 65535),
  smtpSecure: bool('SMTP_SECURE', false, 'Implicit TLS (port 465). Otherwise STARTTLS when offered.'),
  smtpUser: str('SMTP_USER', undefined, 'SMTP user name.'),
  smtpPassword: str('SMTP_PASSWORD', undefined, 'SMTP password (never logged).'),
  smtpFrom: str('SMTP_FROM', 'SoosCode <no-reply@sooscode.local>', 'From address of outgoing mail.'),
  smtpTimeoutMs: int('SMTP_TIMEOUT_MS', 10_000, 'SMTP connection and socket timeout, in milliseconds.', 100, 120_000),

  // Google sign-in
  googleClientId: str('GOOGLE_CLIENT_ID', undefined, 'OAuth client id. Unset: the Google endpoints answer 503 GLOBAL_503.'),
  googleClientSecret: str('GOOGLE_CLIENT_SECRET', undefined, 'OAuth client secret (never logged).'),
  googleRedirectUri: url('GOOGLE_REDIRECT_URI', undefined, 'Redirect URI registered with the provider (…/api/auth/google/callback).', ['http', 'https']),
  googleIssuer: url('GOOGLE_ISSUER', 'https://accounts.google.com', 'OpenID issuer used for discovery and ID-token validation.', ['http', 'https']),

  // STOMP (stomp.md §7)
  stompHeartbeatSendMs: int('STOMP_HEARTBEAT_SEND_MS', 10_000, 'Server heart-beat interval offered in CONNECTED (sx), in milliseconds; 0 disables.', 0, 3_600_000),
  stompHeartbeatReceiveMs: int('STOMP_HEARTBEAT_RECEIVE_MS', 0, 'Client heart-beat interval the server asks for (sy), in milliseconds; 0 disables.', 0, 3_600_000),
  stompMaxFrameBytes: int('STOMP_MAX_FRAME_BYTES', 262_144, 'Largest STOMP frame (command, headers and body), in bytes.', 1024, 64 * 1024 * 1024),
  stompMaxSessionsPerUser: int('STOMP_MAX_SESSIONS_PER_USER', 5, 'Concurrent STOMP sessions per user.', 1, 1000),
  stompMaxSubscriptions: int('STOMP_MAX_SUBSCRIPTIONS', 64, 'Subscriptions per STOMP session.', 1, 10_000),
  codeSyncMaxChars: int('CODE_SYNC_MAX_CHARS', 50_000, 'Largest code-sync payload, in characters (VALID_004 beyond).', 1, 10_000_000),
  kickBanTtlS: int('KICK_BAN_TTL_S', 86_400, 'How long a kicked user stays banned from the live class, in seconds.', 1, 365 * DAY),

  // Compile (compile.md §6)
  compileBackend: oneOf('COMPILE_BACKEND', ['worker', 'local', 'judge0'] as const, undefined, 'worker when COMPILE_WORKER_URL is set, otherwise local (loopback only unless set explicitly).'),
  compileWorkerUrl: url('COMPILE_WORKER_URL', undefined, 'Base URL of the compile worker.', ['http', 'https']),
  compileWorkerToken: str('COMPILE_WORKER_TOKEN', undefined, 'Sent as Authorization: Bearer on dispatch when set (never logged).'),
  compileCallbackBaseUrl: url('COMPILE_CALLBACK_BASE_URL', 'http://localhost:8080', 'Base URL of this API as the worker sees it.', ['http', 'https']),
  compileCallbackSecret: str('COMPILE_CALLBACK_SECRET', undefined, 'HMAC key of callback tokens, at least 32 bytes, shared by all instances. Unset: random per process.', secret32),
  compileLanguages: list('COMPILE_LANGUAGES', ['java'], 'Enabled languages.', ['java', 'python', 'javascript']),
  compileMaxChars: int('COMPILE_MAX_CHARS', 1000, 'Largest source, in UTF-16 code units.', 1, 1_000_000),
  compileMaxLines: int('COMPILE_MAX_LINES', 80, 'Most source lines.', 1, 100_000),
  compileBlacklistJava: str('COMPILE_BLACKLIST_JAVA', undefined, 'Java blacklist: regular expressions separated by newlines. Default: the contract list.'),
  compileBlacklistPython: str('COMPILE_BLACKLIST_PYTHON', undefined, 'Python blacklist (newline-separated regular expressions).'),
  compileBlacklistJavascript: str('COMPILE_BLACKLIST_JAVASCRIPT', undefined, 'JavaScript blacklist (newline-separated regular expressions).'),
  compileCooldownS: int('COMPILE_COOLDOWN_S', 3, 'Per-user cooldown between dispatches, in seconds.', 0, 3600),
  compileDeadlineMs: int('COMPILE_DEADLINE_MS', 4500, 'Time from request arrival to 504 COMPILE_005, in milliseconds (keep below 5000).', 100, 60_000),
  compileDispatchTimeoutMs: int('COMPILE_DISPATCH_TIMEOUT_MS', 1500, 'Connect plus response time allowed for a dispatch, in milliseconds.', 50, 60_000),
  compileMaxOutputChars: int('COMPILE_MAX_OUTPUT_CHARS', 20_000, 'Output cap in characters; longer output is cut and marked.', 1, 10_000_000),
  compileJobRetentionS: int('COMPILE_JOB_RETENTION_S', 600, 'How long job records are kept, in seconds.', 10, DAY),
  compilePollFallback: bool('COMPILE_POLL_FALLBACK', false, 'Poll the worker result endpoint when no callback arrives.'),
  compileMaxPending: int('COMPILE_MAX_PENDING', 1000, 'Jobs that may wait at once per node (503 COMPILE_004 beyond).', 1, 1_000_000),
  compileLocalConcurrency: int('COMPILE_LOCAL_CONCURRENCY', 2, 'Local runner: jobs run at once.', 1, 64),
  compileLocalQueue: int('COMPILE_LOCAL_QUEUE', 16, 'Local runner: jobs that may wait for a slot.', 0, 10_000),
  compileLocalCompileTimeoutMs: int('COMPILE_LOCAL_COMPILE_TIMEOUT_MS', 10_000, 'Local runner: compile time limit, in milliseconds.', 100, 600_000),
  compileLocalRunTimeoutMs: int('COMPILE_LOCAL_RUN_TIMEOUT_MS', 5000, 'Local runner: run time limit, in milliseconds.', 100, 600_000),
  compileLocalIsolation: oneOf('COMPILE_LOCAL_ISOLATION', ['auto', 'bwrap', 'unshare', 'none'] as const, 'auto', 'Local runner sandbox: auto (bubblewrap, else unshare; without either every run answers 503 COMPILE_004), bwrap, unshare, or none (UNSAFE: programs see this machine\'s files).'),
  workerPort: int('WORKER_PORT', 8081, 'Port of the standalone compile worker (pnpm worker).', 0, 65535),
  judge0Url: url('JUDGE0_URL', undefined, 'Judge0 base URL (COMPILE_BACKEND=judge0).', ['http', 'https']),
  judge0AuthToken: str('JUDGE0_AUTH_TOKEN', undefined, 'Sent as X-Auth-Token (never logged).'),
  judge0LanguageIds: str('JUDGE0_LANGUAGE_IDS', 'java:62,python:71,javascript:63', 'language:id pairs for Judge0.', (v) => (/^(\w+:\d+)(,\w+:\d+)*$/.test(v) ? null : 'must look like java:62,python:71')),
  judge0PollAfterMs: int('JUDGE0_POLL_AFTER_MS', 1500, 'Start polling Judge0 this long after submission, in milliseconds.', 0, 60_000),
  judge0PollIntervalMs: int('JUDGE0_POLL_INTERVAL_MS', 500, 'Judge0 polling interval, in milliseconds.', 50, 60_000),

  // File storage (http.md §12): S3 when S3_BUCKET is set, else local disk in DATA_DIR/files
  s3Bucket: str('S3_BUCKET', undefined, 'Bucket for uploaded files. Unset: files are kept on local disk in DATA_DIR/files and served through signed API URLs.'),
  s3Endpoint: url('S3_ENDPOINT', undefined, 'Endpoint of an S3-compatible store (MinIO, R2, …). Unset: AWS S3.', ['http', 'https']),
  s3Region: str('S3_REGION', 'us-east-1', 'Region of the bucket.'),
  s3AccessKeyId: str('S3_ACCESS_KEY_ID', undefined, 'Access key id. Unset (with the secret): the AWS default credential chain.'),
  s3SecretAccessKey: str('S3_SECRET_ACCESS_KEY', undefined, 'Secret access key (never logged).'),
  s3ForcePathStyle: bool('S3_FORCE_PATH_STYLE', false, 'Path-style bucket URLs (endpoint/bucket/key), needed by MinIO and most non-AWS stores.'),
  fileUrlTtlS: int('FILE_URL_TTL_S', 600, 'Lifetime of the file and image URLs handed to clients, in seconds.', 60, DAY),

  // LiveKit (livekit.md §6)
  livekitUrl: url('LIVEKIT_URL', undefined, 'LiveKit server URL. Loopback default ws://127.0.0.1:7880; set empty to disable the room API.', ['ws', 'wss', 'http', 'https'], true),
  livekitApiKey: str('LIVEKIT_API_KEY', undefined, 'API key. Loopback default devkey; set empty to disable tokens and webhooks.', undefined, true),
  livekitApiSecret: str('LIVEKIT_API_SECRET', undefined, 'API secret (never logged). Loopback default secret.', undefined, true),
  livekitTokenTtlS: int('LIVEKIT_TOKEN_TTL_S', 3600, 'Lifetime of client video tokens, in seconds.', 60, DAY),
  livekitStudentCanPublish: bool('LIVEKIT_STUDENT_CAN_PUBLISH', true, 'Whether students may publish.'),
  livekitStudentPublishSources: list('LIVEKIT_STUDENT_PUBLISH_SOURCES', ['camera', 'microphone', 'screen_share'], 'Sources students may publish.', ['camera', 'microphone', 'screen_share', 'screen_share_audio']),
  livekitRoomEmptyTimeoutS: int('LIVEKIT_ROOM_EMPTY_TIMEOUT_S', 300, 'CreateRoom emptyTimeout, in seconds.', 0, DAY),
  livekitRoomMaxParticipants: int('LIVEKIT_ROOM_MAX_PARTICIPANTS', 10, 'CreateRoom maxParticipants; 0 means no limit.', 0, 100_000),
  livekitWebhookDedupeS: int('LIVEKIT_WEBHOOK_DEDUPE_S', 3600, 'How long webhook event ids are remembered, in seconds.', 1, 7 * DAY),
  livekitWebhookMaxAgeS: int('LIVEKIT_WEBHOOK_MAX_AGE_S', 600, 'Webhook events older than this are ignored, in seconds.', 1, 7 * DAY),
  livekitHttpTimeoutMs: int('LIVEKIT_HTTP_TIMEOUT_MS', 5000, 'Room API timeout, in milliseconds.', 100, 120_000),
} as const;
