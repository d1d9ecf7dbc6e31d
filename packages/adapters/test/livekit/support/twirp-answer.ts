/** An answer of the fake Twirp server: HTTP status and JSON body. */
export interface TwirpAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** HTTP status of each Twirp error code, as Twirp servers map them. */
export const TWIRP_STATUS: Readonly<Record<string, number>> = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
};

/** A successful answer. */
export function success(body: Record<string, unknown> = {}): TwirpAnswer {
  return { status: 200, body };
}

/** A Twirp error answer `{"code":…,"msg":…}` with the status of `code`. */
export function twirpError(code: string, msg: string): TwirpAnswer {
  return { status: TWIRP_STATUS[code] ?? 500, body: { code, msg } };
}
