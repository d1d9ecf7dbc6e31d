/** The STOMP destinations of one class (stomp.md §5.1). */
export const classTopics = {
  chat: (c: number) => `/topic/class/${c}/chat`,
  participants: (c: number) => `/topic/class/${c}/participants`,
  system: (c: number) => `/topic/class/${c}/system`,
  mode: (c: number) => `/topic/class/${c}/mode`,
  typing: (c: number) => `/topic/class/${c}/typing`,
  instructorCode: (c: number) => `/topic/code/instructor/${c}`,
  studentCode: (c: number, s: number) => `/topic/code/student/${c}/${s}`,
} as const;

/** The user queue of system events such as `KICKED` (stomp.md §5.8). */
export const USER_SYSTEM_QUEUE = '/user/queue/system';
