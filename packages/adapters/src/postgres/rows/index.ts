import { UserRowSchema } from './user-row';

/**
 * Every row schema known to the data source. Only `users` goes through a TypeORM repository; the other
 * tables are read and written with SQL, their rows typed by the interfaces beside this file.
 */
export const ROW_SCHEMAS = [UserRowSchema];
