import type { Config } from '../config.js';
import { type Hub, localHub } from './hub.js';
import { redisHub } from './redis-hub.js';

/** The hub a Lantern process uses: in-process, or shared through Redis when REDIS_URL is set. */
export function createHub(
  config: Pick<Config, 'REDIS_URL'>,
  options: { logger?: { warn(details: object, message: string): void } } = {},
): Hub {
  return config.REDIS_URL ? redisHub(config.REDIS_URL, options) : localHub();
}
