import type { Logger as PinoLogger } from 'probot';
import type { Logger } from '../github/logger.js';

/** The GitHub layer's logger on top of the event's pino logger (which carries the delivery id). */
export function appLogger(log: PinoLogger): Logger {
  return {
    debug: (m) => log.debug(m),
    info: (m) => log.info(m),
    warning: (m) => log.warn(m),
    error: (m) => log.error(m),
  };
}
