/** OpenAPI security for operations anyone may call, said explicitly so none is public by accident. */
export const publicOperation = { security: [] as Record<string, string[]>[] };

/** Operations that need a signed-in member of staff: the session cookie. */
export const signedInOperation = { security: [{ session: [] as string[] }] };

/** Operations for a young person signed in to online support: their own cookie. */
export const youngPersonOperation = { security: [{ onlineSession: [] as string[] }] };

/** Operations both a young person and staff may call (such as reading one chat). */
export const eitherSessionOperation = {
  security: [{ session: [] }, { onlineSession: [] }] as Record<string, string[]>[],
};

export const securitySchemes = {
  session: {
    type: 'apiKey' as const,
    in: 'cookie' as const,
    name: 'lantern_session',
    description:
      'Set by POST /api/session. In production the cookie is __Host-lantern_session. State-changing requests must also send the X-CSRF-Token header from GET /api/session.',
  },
  onlineSession: {
    type: 'apiKey' as const,
    in: 'cookie' as const,
    name: 'lantern_online',
    description:
      "A young person's online support session, set by signing up or signing in (POST /api/online/accounts, POST /api/online/session). In production the cookie is __Host-lantern_online. State-changing requests must also send the X-CSRF-Token header from GET /api/online/me.",
  },
};
