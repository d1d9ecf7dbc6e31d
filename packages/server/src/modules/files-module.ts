import { join } from 'node:path';
import { ContainerModule, type ResolutionContext } from 'inversify';
import { DeleteLectureFiles, ListLectureFiles, RecordLectureFiles, SetClassThumbnail, SetProfileImage, type ClassAccess, type ClassroomFileRepository, type ClassroomRepository, type FileStorage, type UserRepository } from '@sooscode/domain';
import type { AuthGuards } from '@sooscode/adapters/http/auth-middleware';
import { ImageUrls } from '@sooscode/adapters/http/image-urls';
import { DownloadRoutes } from '@sooscode/adapters/http/routes/download-routes';
import type { FileRouteDeps } from '@sooscode/adapters/http/routes/file-route-deps';
import { ImageUploadRoutes } from '@sooscode/adapters/http/routes/image-upload-routes';
import { LectureFileRoutes } from '@sooscode/adapters/http/routes/lecture-file-routes';
import type { Database } from '@sooscode/adapters/postgres/database';
import { TypeOrmClassroomFileRepository } from '@sooscode/adapters/postgres/typeorm-classroom-file-repository';
import { LocalDiskFileStorage } from '@sooscode/adapters/storage/local-disk-file-storage';
import { S3FileStorage } from '@sooscode/adapters/storage/s3-file-storage';
import { SignedFileUrls } from '@sooscode/adapters/storage/signed-file-urls';
import type { Logger } from '@sooscode/adapters/system/logger';
import { TOKENS } from '../tokens';
import { clockOf, get, settingsOf } from './resolve';


/** The upload routes, exempt from the global 1 MiB body limit: they enforce their own limits while reading. */
export const UPLOAD_PATHS = ['/api/mypage/files/upload', '/api/mypage/profile/image/update', '/api/mypage/classroom/*'];

/**
 * Files (http.md §12): the storage is chosen once from the configuration, S3 when `S3_BUCKET` is set,
 * else local disk in `DATA_DIR/files`; signed URLs of the download route are keyed from the JWT secret
 * (so every node signs alike); lecture materials, profile images and class thumbnails.
 */
export const filesModule = new ContainerModule((o) => {
  const logger = (c: ResolutionContext) => get<Logger>(c, TOKENS.Logger).child({ component: 'files' });
  const orphan = (c: ResolutionContext) => (key: string, error: unknown) => logger(c).error({ key, err: error }, 'a stored file could not be deleted; it is left in storage');

  o.bind<SignedFileUrls>(TOKENS.SignedFileUrls).toDynamicValue((c) => new SignedFileUrls(settingsOf(c).jwtSecret, settingsOf(c).publicBaseUrl)).inSingletonScope();
  o.bind<ImageUrls>(TOKENS.ImageUrls).toDynamicValue((c) => {
    const cfg = settingsOf(c).config;
    return new ImageUrls(get(c, TOKENS.SignedFileUrls), clockOf(c), cfg.defaultProfileImageUrl, cfg.fileUrlTtlS);
  }).inSingletonScope();
  o.bind<FileStorage>(TOKENS.FileStorage).toDynamicValue((c) => {
    const s = settingsOf(c);
    const cfg = s.config;
    if (cfg.s3Bucket === undefined) return new LocalDiskFileStorage(join(s.dataDir, 'files'), get(c, TOKENS.SignedFileUrls), clockOf(c));
    const credentials = cfg.s3AccessKeyId && cfg.s3SecretAccessKey ? { accessKeyId: cfg.s3AccessKeyId, secretAccessKey: cfg.s3SecretAccessKey } : undefined;
    return new S3FileStorage({ bucket: cfg.s3Bucket, endpoint: cfg.s3Endpoint, region: cfg.s3Region, forcePathStyle: cfg.s3ForcePathStyle, credentials });
  }).inSingletonScope();
  o.bind<ClassroomFileRepository>(TOKENS.ClassroomFileRepository).toDynamicValue((c) => new TypeOrmClassroomFileRepository(get<Database>(c, TOKENS.Database).dataSource)).inSingletonScope();

  o.bind<FileRouteDeps>(TOKENS.FileRouteDeps).toDynamicValue((c) => {
    const cfg = settingsOf(c).config;
    const storage = get<FileStorage>(c, TOKENS.FileStorage);
    const access = get<ClassAccess>(c, TOKENS.ClassAccess);
    const files = get<ClassroomFileRepository>(c, TOKENS.ClassroomFileRepository);
    return {
      guards: get<AuthGuards>(c, TOKENS.AuthGuards),
      logger: logger(c),
      clock: clockOf(c),
      timeZone: cfg.appTimeZone,
      storage,
      download: cfg.s3Bucket === undefined ? 'stream' : 'redirect',
      urls: get(c, TOKENS.SignedFileUrls),
      urlTtlS: cfg.fileUrlTtlS,
      recordLectureFiles: new RecordLectureFiles(access, files, clockOf(c)),
      listLectureFiles: new ListLectureFiles(access, files),
      deleteLectureFiles: new DeleteLectureFiles(access, files, storage, orphan(c)),
      setProfileImage: new SetProfileImage(get<UserRepository>(c, TOKENS.UserRepository), storage, clockOf(c), orphan(c)),
      setClassThumbnail: new SetClassThumbnail(access, get<ClassroomRepository>(c, TOKENS.ClassroomRepository), storage, clockOf(c), orphan(c)),
    };
  }).inSingletonScope();
  const deps = (c: ResolutionContext) => get<FileRouteDeps>(c, TOKENS.FileRouteDeps);
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new LectureFileRoutes(deps(c)));
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new ImageUploadRoutes(deps(c)));
  o.bind(TOKENS.HttpModules).toDynamicValue((c) => new DownloadRoutes(deps(c)));
});
