import type { AttemptCounter } from './ports/attempt-counter';
import type { IdentityPolicy } from './identity-policy';

/**
 * Counts failed logins per account (case-insensitive email) and per client address (http.md §1.9).
 * Reaching the limit within the window locks that key for the window length. The answer is the
 * same whether or not the account exists.
 */
export class LoginThrottle {
  constructor(
    private readonly counter: AttemptCounter,
    private readonly policy: IdentityPolicy,
  ) {}

  /** Seconds until the lock ends, or 0 when neither the account nor the address is locked. */
  async lockedFor(email: string, ip: string): Promise<number> {
    const [account, address] = await Promise.all([
      this.counter.peek(`login-lock:acct:${email}`),
      this.counter.peek(`login-lock:ip:${ip}`),
    ]);
    const locked = [account, address].filter((c) => c.count > 0).map((c) => c.resetInS);
    return locked.length ? Math.max(...locked) : 0;
  }

  /** Records one failure; locks the key that reached its limit. */
  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.policy.loginLockWindowS;
    const account = await this.counter.hit(`login-fail:acct:${email}`, window);
    if (account.count >= this.policy.loginMaxFailuresPerAccount) {
      await this.counter.hit(`login-lock:acct:${email}`, window);
      await this.counter.reset(`login-fail:acct:${email}`);
    }
    const address = await this.counter.hit(`login-fail:ip:${ip}`, window);
    if (address.count >= this.policy.loginMaxFailuresPerIp) {
      await this.counter.hit(`login-lock:ip:${ip}`, window);
      await this.counter.reset(`login-fail:ip:${ip}`);
    }
  }

  /** Lifts the account's lock and forgets its failures (password reset, http.md §15); the address keeps its own. */
  async clearAccount(email: string): Promise<void> {
    await Promise.all([this.counter.reset(`login-lock:acct:${email}`), this.counter.reset(`login-fail:acct:${email}`)]);
  }

  /** A successful login clears the account's counter. */
  async recordSuccess(email: string): Promise<void> {
    await this.counter.reset(`login-fail:acct:${email}`);
  }
}
