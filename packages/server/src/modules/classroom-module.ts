import { availableParallelism } from 'node:os';
import { ContainerModule, type ResolutionContext } from 'inversify';
import {
  ActivateAccount, AssignStudents, BulkCreateAccounts, ChangeRole, ClassAccess, ClassListings, CreateAccount, CreateClass, DeactivateAccount, DeleteClass, DeleteSnapshot,
  DescribeClass, EditAccount, EditClass, EndClass, EnterClassroom, FindSnapshots, KickParticipant, ListMyClasses, LiveClassroom, MediaClassVideoRoom, ParticipantList,
  ReadSharedCode, ReadSnapshot, ResetAccountPassword, SaveSnapshot, UnassignStudents, UpdateSnapshot, ViewParticipants,
} from '@sooscode/domain';
import type {
  ClassroomRepository, CodeDocumentStore, EnrolmentRepository, KickBanStore, LiveModeStore, LiveSessionControl, MediaRoomGateway, PasswordHasher, PresenceRegistry,
  RoomBroadcaster, SecureRandom, SnapshotRepository, UserDirectory, UserRepository, VideoPresenceStore,
} from '@sooscode/domain';
import { BoundedPasswordHasher } from '@sooscode/adapters/auth/bounded-password-hasher';
import type { AuthGuards } from '@sooscode/adapters/http/auth-middleware';
import { AdminExcel } from '@sooscode/adapters/http/excel/admin-excel';
import { AdminClassRoutes, type AdminClassRoutesDeps } from '@sooscode/adapters/http/routes/admin-class-routes';
import { AdminUserRoutes, type AdminUserRoutesDeps } from '@sooscode/adapters/http/routes/admin-user-routes';
import { ClassroomRoutes, type ClassroomRoutesDeps } from '@sooscode/adapters/http/routes/classroom-routes';
import { MyPageClassRoutes, type MyPageClassRoutesDeps } from '@sooscode/adapters/http/routes/mypage-class-routes';
import { SnapshotRoutes, type SnapshotRoutesDeps } from '@sooscode/adapters/http/routes/snapshot-routes';
import type { Database } from '@sooscode/adapters/postgres/database';
import { TypeOrmClassroomRepository } from '@sooscode/adapters/postgres/typeorm-classroom-repository';
import { TypeOrmEnrolmentRepository } from '@sooscode/adapters/postgres/typeorm-enrolment-repository';
import { TypeOrmSnapshotRepository } from '@sooscode/adapters/postgres/typeorm-snapshot-repository';
import { TypeOrmUserDirectory } from '@sooscode/adapters/postgres/typeorm-user-directory';
import type { Logger } from '@sooscode/adapters/system/logger';
import { TOKENS } from '../tokens';
import { clockOf, get, settingsOf } from './resolve';
import type { CacheInvalidator } from './cache-module';
import { CachedClassroomRepository, CachedEnrolmentRepository, type ReadCache } from '@sooscode/adapters/cache';
import type { ImageUrls } from '@sooscode/adapters/http/image-urls';


/**
 * Password hashes a bulk import runs at once: one per core, at most 3, so at least one of libuv's four
 * worker threads stays free for the logins (argon2) and file work of other requests meanwhile.
 */
export const BULK_HASH_CONCURRENCY = Math.max(1, Math.min(3, availableParallelism()));

/** Upload routes of this module, exempt from the 1 MiB body limit: the bulk import enforces its own 5 MB while reading. */
export const ADMIN_UPLOAD_PATHS = ['/api/admin/users/bulk'];

/**
 * Classes, enrolments, snapshots, the admin back office and their HTTP routes. Relational data is always
 * in the database; live state comes from the realtime module's ports. LiveKit's Room API is optional:
 * without a `MediaRoomGateway` binding the end/kick LiveKit steps are skipped.
 */
export const classroomModule = new ContainerModule((o) => {
  const dataSource = (c: ResolutionContext) => get<Database>(c, TOKENS.Database).dataSource;
  const tz = (c: ResolutionContext) => settingsOf(c).config.appTimeZone;

  // The entry gate and "my classes" run on every page load: their reads are cached, and every write
  // invalidates the cache here and (through the cache module) on every node.
  const classroomChanged = (c: ResolutionContext) => () => get<CacheInvalidator>(c, TOKENS.CacheInvalidator).changed({ kind: 'classroom' });
  o.bind<ClassroomRepository>(TOKENS.ClassroomRepository).toDynamicValue((c) =>
    new CachedClassroomRepository(new TypeOrmClassroomRepository(dataSource(c)), get<ReadCache>(c, TOKENS.ClassroomReadCache), classroomChanged(c)),
  ).inSingletonScope();
  o.bind<EnrolmentRepository>(TOKENS.EnrolmentRepository).toDynamicValue((c) =>
    new CachedEnrolmentRepository(new TypeOrmEnrolmentRepository(dataSource(c)), get<ReadCache>(c, TOKENS.ClassroomReadCache), classroomChanged(c)),
  ).inSingletonScope();
  o.bind<UserDirectory>(TOKENS.UserDirectory).toDynamicValue((c) => new TypeOrmUserDirectory(dataSource(c))).inSingletonScope();
  o.bind<SnapshotRepository>(TOKENS.SnapshotRepository).toDynamicValue((c) => new TypeOrmSnapshotRepository(dataSource(c))).inSingletonScope();
  o.bind<ClassAccess>(TOKENS.ClassAccess).toDynamicValue((c) => new ClassAccess(get(c, TOKENS.ClassroomRepository), get(c, TOKENS.EnrolmentRepository))).inSingletonScope();
  o.bind<ParticipantList>(TOKENS.ParticipantList).toDynamicValue((c) => new ParticipantList(get(c, TOKENS.PresenceRegistry), get(c, TOKENS.VideoPresenceStore))).inSingletonScope();
  o.bind<LiveClassroom>(TOKENS.LiveClassroom).toDynamicValue((c) => {
    const media = c.get<MediaRoomGateway>(TOKENS.MediaRoomGateway, { optional: true });
    return new LiveClassroom({
      presence: get<PresenceRegistry>(c, TOKENS.PresenceRegistry),
      liveModes: get<LiveModeStore>(c, TOKENS.LiveModeStore),
      kickBans: get<KickBanStore>(c, TOKENS.KickBanStore),
      video: get<VideoPresenceStore>(c, TOKENS.VideoPresenceStore),
      codes: get<CodeDocumentStore>(c, TOKENS.CodeDocumentStore),
      broadcaster: get<RoomBroadcaster>(c, TOKENS.RoomBroadcaster),
      control: get<LiveSessionControl>(c, TOKENS.LiveSessionControl),
      media: media ? new MediaClassVideoRoom(media) : null,
      participants: get(c, TOKENS.ParticipantList),
    });
  }).inSingletonScope();

  // Shared by the two admin routes classes: class listings and the Excel template, import and exports.
  o.bind<ClassListings>(TOKENS.ClassListings).toDynamicValue((c) => new ClassListings(get(c, TOKENS.UserRepository), get(c, TOKENS.EnrolmentRepository))).inSingletonScope();
  o.bind<AdminExcel>(TOKENS.AdminExcel).toDynamicValue((c) => {
    const users = get<UserRepository>(c, TOKENS.UserRepository);
    // Twice as many rows in flight as hashes, so a row's database round trips overlap another's hash.
    const bulkHasher = new BoundedPasswordHasher(get(c, TOKENS.PasswordHasher), BULK_HASH_CONCURRENCY);
    const bulkCreateAccounts = new BulkCreateAccounts(users, bulkHasher, get(c, TOKENS.SecureRandom), clockOf(c), BULK_HASH_CONCURRENCY * 2);
    return new AdminExcel({
      logger: get<Logger>(c, TOKENS.Logger), timeZone: tz(c), clock: clockOf(c), directory: get(c, TOKENS.UserDirectory),
      classes: get(c, TOKENS.ClassroomRepository), enrolments: get(c, TOKENS.EnrolmentRepository), listings: get(c, TOKENS.ClassListings), bulkCreateAccounts,
    });
  }).inSingletonScope();

  // Each routes class gets its own dependencies: the use cases it calls and the edge helpers it needs.
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => {
    const access = get<ClassAccess>(c, TOKENS.ClassAccess);
    const enrolments = get<EnrolmentRepository>(c, TOKENS.EnrolmentRepository);
    const live = get<LiveClassroom>(c, TOKENS.LiveClassroom);
    const deps: ClassroomRoutesDeps = {
      guards: get<AuthGuards>(c, TOKENS.AuthGuards),
      logger: get<Logger>(c, TOKENS.Logger),
      timeZone: tz(c),
      enterClassroom: new EnterClassroom(access, enrolments, get<LiveModeStore>(c, TOKENS.LiveModeStore), clockOf(c), tz(c)),
      viewParticipants: new ViewParticipants(access, get(c, TOKENS.ParticipantList)),
      readSharedCode: new ReadSharedCode(access, enrolments, get(c, TOKENS.CodeDocumentStore)),
      endClass: new EndClass(access, live),
      kickParticipant: new KickParticipant(access, enrolments, get(c, TOKENS.KickBanStore), get(c, TOKENS.RoomBroadcaster), live, settingsOf(c).config.kickBanTtlS),
    };
    return new ClassroomRoutes(deps);
  });
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => {
    const users = get<UserRepository>(c, TOKENS.UserRepository);
    const classes = get<ClassroomRepository>(c, TOKENS.ClassroomRepository);
    const enrolments = get<EnrolmentRepository>(c, TOKENS.EnrolmentRepository);
    const listings = get<ClassListings>(c, TOKENS.ClassListings);
    const live = get<LiveClassroom>(c, TOKENS.LiveClassroom);
    const deps: AdminClassRoutesDeps = {
      guards: get<AuthGuards>(c, TOKENS.AuthGuards),
      logger: get<Logger>(c, TOKENS.Logger),
      timeZone: tz(c),
      images: get<ImageUrls>(c, TOKENS.ImageUrls),
      classes,
      enrolments,
      directory: get(c, TOKENS.UserDirectory),
      listings,
      createClass: new CreateClass(classes, listings, clockOf(c), tz(c)),
      editClass: new EditClass(classes, listings, clockOf(c)),
      deleteClass: new DeleteClass(classes, live, clockOf(c)),
      assignStudents: new AssignStudents(classes, enrolments, users, clockOf(c)),
      unassignStudents: new UnassignStudents(classes, enrolments, users, live),
      excel: get(c, TOKENS.AdminExcel),
    };
    return new AdminClassRoutes(deps);
  });
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => {
    const users = get<UserRepository>(c, TOKENS.UserRepository);
    const hasher = get<PasswordHasher>(c, TOKENS.PasswordHasher);
    const random = get<SecureRandom>(c, TOKENS.SecureRandom);
    const deps: AdminUserRoutesDeps = {
      guards: get<AuthGuards>(c, TOKENS.AuthGuards),
      logger: get<Logger>(c, TOKENS.Logger),
      timeZone: tz(c),
      users,
      enrolments: get(c, TOKENS.EnrolmentRepository),
      directory: get(c, TOKENS.UserDirectory),
      createAccount: new CreateAccount(users, hasher, random, get(c, TOKENS.Mailer), clockOf(c)),
      editAccount: new EditAccount(users, clockOf(c)),
      changeRole: new ChangeRole(users, clockOf(c)),
      activateAccount: new ActivateAccount(users, clockOf(c)),
      deactivateAccount: new DeactivateAccount(users, get(c, TOKENS.EndUserAccess)),
      resetAccountPassword: new ResetAccountPassword(
        users, hasher, random, get(c, TOKENS.RefreshTokenStore), get(c, TOKENS.SessionTerminator), get(c, TOKENS.LoginThrottle), clockOf(c),
      ),
      excel: get(c, TOKENS.AdminExcel),
    };
    return new AdminUserRoutes(deps);
  });
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => {
    const deps: MyPageClassRoutesDeps = {
      guards: get<AuthGuards>(c, TOKENS.AuthGuards),
      images: get<ImageUrls>(c, TOKENS.ImageUrls),
      listMyClasses: new ListMyClasses(get(c, TOKENS.ClassroomRepository), get(c, TOKENS.EnrolmentRepository)),
      describeClass: new DescribeClass(get(c, TOKENS.ClassAccess), get(c, TOKENS.LiveModeStore)),
    };
    return new MyPageClassRoutes(deps);
  });
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => {
    const snapshots = get<SnapshotRepository>(c, TOKENS.SnapshotRepository);
    const access = get<ClassAccess>(c, TOKENS.ClassAccess);
    const maxChars = settingsOf(c).config.snapshotMaxChars;
    const deps: SnapshotRoutesDeps = {
      guards: get<AuthGuards>(c, TOKENS.AuthGuards),
      timeZone: tz(c),
      saveSnapshot: new SaveSnapshot(snapshots, access, clockOf(c), maxChars),
      updateSnapshot: new UpdateSnapshot(snapshots, access, clockOf(c), maxChars),
      findSnapshots: new FindSnapshots(snapshots, access, tz(c)),
      readSnapshot: new ReadSnapshot(snapshots),
      deleteSnapshot: new DeleteSnapshot(snapshots),
    };
    return new SnapshotRoutes(deps);
  });
});
