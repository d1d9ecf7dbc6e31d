import type { ClassMode, ClassRoom } from './class-room';
import { restModeOf } from './live/participant';
import type { LiveModeStore } from './live/ports/live-mode-store';

/** The mode REST shows (http.md §4): the live mode mapped to `READ`/`FREE` while one is set, else the stored default. */
export async function effectiveModeOf(room: ClassRoom, liveModes: LiveModeStore): Promise<ClassMode> {
  const live = await liveModes.get(room.id);
  return live ? restModeOf(live) : room.mode;
}
