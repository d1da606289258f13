/** OpenAPI security for operations anyone may call, said explicitly so none is public by accident. */
export const publicOperation = { security: [] as Record<string, string[]>[] };

/** Operations that need a signed-in member of staff: the session cookie. */
export const signedInOperation = { security: [{ session: [] as string[] }] };

export const securitySchemes = {
  session: {
    type: 'apiKey' as const,
    in: 'cookie' as const,
    name: 'lantern_session',
    description:
      'Set by POST /api/session. In production the cookie is __Host-lantern_session. State-changing requests must also send the X-CSRF-Token header from GET /api/session.',
  },
};
