import { Identity1764000000001 } from './m0001-identity';
import { Classroom1764000000002 } from './m0002-classroom';
import { Chat1764000000010 } from './m0010-chat';
import { Files1764000000020 } from './m0020-files';

/** Every migration, in order. New migrations are appended. */
export const MIGRATIONS = [Identity1764000000001, Classroom1764000000002, Chat1764000000010, Files1764000000020];
