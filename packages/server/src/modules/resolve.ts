import type { ResolutionContext } from 'inversify';
import type { Clock } from '@sooscode/domain';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { Config } from '../config/load-config';
import type { RuntimeSettings } from '../config/runtime-settings';
import { TOKENS } from '../tokens';

/** Resolves `token` from the container as a `T` (the one place the modules cast a binding to its type). */
export const get = <T>(c: ResolutionContext, token: symbol): T => c.get<T>(token);

/** The validated configuration with the derived runtime settings. */
export const settingsOf = (c: ResolutionContext): RuntimeSettings => get<RuntimeSettings>(c, TOKENS.Settings);

/** The validated configuration. */
export const configOf = (c: ResolutionContext): Config => settingsOf(c).config;

/** The injected clock. */
export const clockOf = (c: ResolutionContext): Clock => get<Clock>(c, TOKENS.Clock);

/** The root logger, or a child tagged `{ component }`. */
export const loggerOf = (c: ResolutionContext, component?: string): Logger => {
  const logger = get<Logger>(c, TOKENS.Logger);
  return component === undefined ? logger : logger.child({ component });
};
