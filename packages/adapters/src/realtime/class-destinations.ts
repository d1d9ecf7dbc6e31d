/** A class-scoped SUBSCRIBE destination (stomp.md §5.1). */
export type ClassTopic =
  | { readonly kind: 'chat' | 'participants' | 'system' | 'mode' | 'typing' | 'instructor-code'; readonly classId: number }
  | { readonly kind: 'student-code'; readonly classId: number; readonly studentId: number };

/** A SEND destination under `/app` (stomp.md §5.2). */
export type AppDestination =
  | { readonly kind: 'chat-send' | 'chat-delete' | 'chat-reaction' | 'chat-typing' | 'mode' | 'instructor-code' | 'student-code'; readonly classId: number }
  | { readonly kind: 'edit-student-code'; readonly classId: number; readonly studentId: number };

const ID = '([1-9][0-9]{0,15})';
const TOPICS: [RegExp, ClassTopic['kind']][] = [
  [new RegExp(`^/topic/class/${ID}/(chat|participants|system|mode|typing)$`), 'chat'],
  [new RegExp(`^/topic/code/instructor/${ID}$`), 'instructor-code'],
];
const STUDENT_TOPIC = new RegExp(`^/topic/code/student/${ID}/${ID}$`);
const SENDS: [RegExp, AppDestination['kind']][] = [
  [new RegExp(`^/app/chat/${ID}/send$`), 'chat-send'],
  [new RegExp(`^/app/chat/${ID}/delete$`), 'chat-delete'],
  [new RegExp(`^/app/chat/${ID}/reaction$`), 'chat-reaction'],
  [new RegExp(`^/app/chat/${ID}/typing$`), 'chat-typing'],
  [new RegExp(`^/app/class/${ID}/mode$`), 'mode'],
  [new RegExp(`^/app/code/instructor/${ID}$`), 'instructor-code'],
  [new RegExp(`^/app/code/student/${ID}$`), 'student-code'],
];
const EDIT = new RegExp(`^/app/code/instructor/${ID}/edit/${ID}$`);

/** Every `/app` SEND destination as a template, `{id}` standing for each positive id (derived from the patterns). */
export const APP_DESTINATION_TEMPLATES: readonly string[] = [...SENDS.map(([pattern]) => pattern), EDIT].map((p) => p.source.slice(1, -1).replaceAll(ID, '{id}').replaceAll('\\/', '/'));

function id(text: string | undefined): number | null {
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Parses a class topic, or null for anything else (which is GLOBAL_404 unless it is a user queue). */
export function parseClassTopic(destination: string): ClassTopic | null {
  const student = STUDENT_TOPIC.exec(destination);
  if (student) {
    const classId = id(student[1]);
    const studentId = id(student[2]);
    return classId && studentId ? { kind: 'student-code', classId, studentId } : null;
  }
  for (const [pattern, kind] of TOPICS) {
    const m = pattern.exec(destination);
    if (!m) continue;
    const classId = id(m[1]);
    if (!classId) return null;
    return { kind: kind === 'chat' ? (m[2] as ClassTopic['kind']) : kind, classId } as ClassTopic;
  }
  return null;
}

/** Parses an `/app` destination, or null when the pattern is unknown. */
export function parseAppDestination(destination: string): AppDestination | null {
  const edit = EDIT.exec(destination);
  if (edit) {
    const classId = id(edit[1]);
    const studentId = id(edit[2]);
    return classId && studentId ? { kind: 'edit-student-code', classId, studentId } : null;
  }
  for (const [pattern, kind] of SENDS) {
    const m = pattern.exec(destination);
    if (!m) continue;
    const classId = id(m[1]);
    return classId ? ({ kind, classId } as AppDestination) : null;
  }
  return null;
}

/** True for every destination that belongs to class `classId` (what a detach drops). */
export function belongsToClass(destination: string, classId: number): boolean {
  const topic = parseClassTopic(destination);
  return topic !== null && topic.classId === classId;
}
