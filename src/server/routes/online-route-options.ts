import type { LanternDb } from '../../db/client.js';
import type { SessionCookie } from '../plugins/session.js';
import type { Hub } from '../realtime/hub.js';

/** What every online support route plugin is given. */
export interface OnlineRouteOptions {
  db: LanternDb;
  hub: Hub;
  now: () => Date;
  /** The young person's online support cookie. */
  onlineCookie: SessionCookie;
  /**
   * The configured public address (PUBLIC_URL) that links sent to young people point to; never the
   * request's Host header, which anyone can forge.
   */
  publicUrl: () => string;
}
