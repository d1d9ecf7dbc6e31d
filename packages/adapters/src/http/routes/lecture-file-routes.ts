import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { DetailReason, formatLocalDateTime, invalidField, isSupportedLocalDate, LECTURE_FILE_RULES, MAX_BATCH_DELETE, type ClassroomFile } from '@sooscode/domain';
import { principalOf } from '../app-state';
import { fail, failWith, unwrap } from '../http-failure';
import type { HttpModule } from '../http-module';
import { readJsonObject } from '../json-body';
import { readMultipart } from '../multipart/read-multipart';
import { springPage } from '../page-shapes';
import { paging, pathId, queryString } from '../params';
import { sendEnvelope } from '../responses';
import type { FileRouteDeps } from './file-route-deps';

/** `classId` of a multipart form: a positive integer, else 400 `FILE_020`. */
function formClassId(value: string | undefined): number {
  if (value === undefined || !/^\d{1,16}$/.test(value.trim()) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) failWith('FILE_020');
  return Number(value);
}

/** `lectureDate` (`yyyy-MM-dd`): missing → 400 `FILE_018`; malformed or outside the supported range → 400 `FILE_019`. */
function lectureDateOf(value: string | undefined): string {
  if (value === undefined || value.trim() === '') failWith('FILE_018');
  if (!isSupportedLocalDate(value.trim())) failWith('FILE_019');
  return value.trim();
}

/**
 * Lecture materials (http.md §12): upload (multipart, `staff(c)`), list and list by date
 * (`member(c)` or admin), batch delete (the uploader, `inst(c)` or admin). Every `fileUrl` is a
 * short-lived presigned URL, never a key.
 */
export class LectureFileRoutes implements HttpModule {
  constructor(private readonly deps: FileRouteDeps) {}

  register(router: Router): void {
    const d = this.deps;
    const { requireUser } = d.guards;

    router.post('/api/mypage/files/upload', requireUser, async (ctx) => {
      const caller = principalOf(ctx.state);
      // When the form's fields come before its files, the caller is checked before any byte is stored.
      const early = async (fields: ReadonlyMap<string, string>) => {
        if (!fields.has('classId') || !fields.has('lectureDate')) return;
        const classId = formClassId(fields.get('classId'));
        lectureDateOf(fields.get('lectureDate'));
        unwrap(await d.recordLectureFiles.authorize(classId, caller));
      };
      const form = await readMultipart(ctx, d.storage, { fileField: 'files', rules: LECTURE_FILE_RULES, keyPrefix: 'lecture', beforeFirstFile: early });
      try {
        const classId = formClassId(form.fields.get('classId'));
        const lectureDate = lectureDateOf(form.fields.get('lectureDate'));
        const recorded = unwrap(await d.recordLectureFiles.execute(classId, lectureDate, form.files, caller));
        sendEnvelope(ctx, 'GLOBAL_000', await Promise.all(recorded.map((f) => this.present(f))));
      } catch (e) {
        await Promise.all(form.files.map((f) => d.storage.delete(f.storageKey).catch(() => undefined)));
        throw e;
      }
    });

    router.delete('/api/mypage/files/batch', requireUser, async (ctx) => {
      const body = await readJsonObject(ctx);
      const ids = body.fileIds;
      const valid = Array.isArray(ids) && ids.length >= 1 && ids.length <= MAX_BATCH_DELETE && ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0);
      if (!valid) fail(invalidField('fileIds', DetailReason.format));
      unwrap(await d.deleteLectureFiles.execute(ids as number[], principalOf(ctx.state)));
      sendEnvelope(ctx, 'GLOBAL_000');
    });

    router.get('/api/mypage/:classId/files', requireUser, (ctx) => this.list(ctx, undefined));
    router.get('/api/mypage/:classId/files/by-date', requireUser, (ctx) => this.list(ctx, lectureDateOf(queryString(ctx, 'lectureDate'))));
  }

  private async list(ctx: Context, lectureDate: string | undefined): Promise<void> {
    const classId = pathId(ctx, 'classId');
    const { page, size } = paging(ctx, 10);
    const found = unwrap(await this.deps.listLectureFiles.execute(classId, principalOf(ctx.state), { page, size }, lectureDate));
    sendEnvelope(ctx, 'GLOBAL_000', springPage(await Promise.all(found.items.map((f) => this.present(f))), page, size, found.total));
  }

  /** `{classroomFileId, fileId, fileName, fileUrl, uploadedBy, createdAt}`; `uploadedBy` is the uploader's name. */
  private async present(f: ClassroomFile) {
    const d = this.deps;
    let fileUrl: string;
    try {
      fileUrl = await d.storage.presignedGetUrl(f.storageKey, { fileName: f.fileName, disposition: 'attachment', expiresInS: d.urlTtlS });
    } catch (e) {
      d.logger.error({ err: e, fileId: f.fileId }, 'presigning a file URL failed');
      failWith('S3_008');
    }
    return { classroomFileId: f.id, fileId: f.fileId, fileName: f.fileName, fileUrl, uploadedBy: f.uploaderName, createdAt: formatLocalDateTime(f.createdAt, d.timeZone) };
  }
}
