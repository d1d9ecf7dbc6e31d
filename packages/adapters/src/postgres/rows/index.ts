import { UserRowSchema } from './user-row';
import { ClassRoomRowSchema } from './class-room-row';
import { ClassParticipantRowSchema } from './class-participant-row';
import { CodeSnapshotRowSchema } from './code-snapshot-row';

/** Every row schema known to the data source. */
export const ROW_SCHEMAS = [UserRowSchema, ClassRoomRowSchema, ClassParticipantRowSchema, CodeSnapshotRowSchema];
