import { UserRowSchema } from './user-row';

/** Every row schema known to the data source. */
export const ROW_SCHEMAS = [UserRowSchema];
