import { Identity1764000000001 } from './m0001-identity';
import { Classroom1764000000002 } from './m0002-classroom';

/** Every migration, in order. New migrations are appended. */
export const MIGRATIONS = [Identity1764000000001, Classroom1764000000002];
