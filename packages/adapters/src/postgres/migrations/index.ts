import { Identity1764000000001 } from './m0001-identity';

/** Every migration, in order. New migrations are appended. */
export const MIGRATIONS = [Identity1764000000001];
