import type { AuthenticateAccessToken, AuthenticateRefreshToken, Principal } from '@sooscode/domain';
import type { HandshakeInfo } from '../stomp/stomp-socket';
import type { AuthenticationResult } from '../stomp/stomp-application';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function bearer(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^bearer\s+(\S+)\s*$/i.exec(value);
  return m ? m[1] : '';
}

/**
 * Authenticates a STOMP CONNECT from the first credential present, in the order of stomp.md §2.1:
 * (1) CONNECT `Authorization: Bearer` (or a JWT-shaped `passcode`), (2) the handshake's Bearer header —
 * both without fallback when invalid; (3) the handshake `accessToken` cookie, then (4) the handshake
 * `refreshToken` cookie when (3) is absent or refused (read-only: never rotated). An expired decisive
 * access token with no successful fallback gives AUTH_401, anything else GLOBAL_401.
 */
export class StompCredentials {
  constructor(
    private readonly accessTokens: AuthenticateAccessToken,
    private readonly refreshTokens: AuthenticateRefreshToken,
  ) {}

  async authenticate(headers: ReadonlyMap<string, string>, handshake: HandshakeInfo): Promise<{ ok: true; principal: Principal } | Extract<AuthenticationResult, { ok: false }>> {
    const explicit = bearer(headers.get('Authorization') ?? headers.get('authorization'));
    const passcode = headers.get('passcode');
    const connectToken = explicit ?? (passcode !== undefined && JWT_SHAPE.test(passcode) ? passcode : undefined);
    if (connectToken !== undefined) return this.byAccessToken(connectToken);
    const handshakeToken = bearer(handshake.authorization);
    if (handshakeToken !== undefined) return this.byAccessToken(handshakeToken);
    const cookie = handshake.cookies.accessToken;
    let expired = false;
    if (cookie && cookie !== 'null') {
      const result = await this.accessTokens.execute(cookie);
      if (result.ok) return { ok: true, principal: result.value };
      expired = result.error === 'AUTH_401';
    }
    const refresh = handshake.cookies.refreshToken;
    if (refresh && refresh !== 'null') {
      const result = await this.refreshTokens.execute(refresh);
      if (result.ok) return { ok: true, principal: result.value };
    }
    return { ok: false, code: expired ? 'AUTH_401' : 'GLOBAL_401' };
  }

  private async byAccessToken(token: string): Promise<{ ok: true; principal: Principal } | Extract<AuthenticationResult, { ok: false }>> {
    if (!token) return { ok: false, code: 'GLOBAL_401' };
    const result = await this.accessTokens.execute(token);
    return result.ok ? { ok: true, principal: result.value } : { ok: false, code: result.error };
  }
}
