/**
 * A real Redis for the tests that need one (src/cli/sweep/redis-server.ts starts it). Where
 * redis-server is not installed those tests skip with the reason — except in CI (CI=true), which
 * installs it, so a missing server there is a failure, not a quiet skip.
 */
import { hasRedis, REDIS_SERVER } from '../../src/cli/sweep/redis-server';

export { startRedis, type RedisServer } from '../../src/cli/sweep/redis-server';

/** Why the Redis tests cannot run here, or null when they can (or must, in CI). */
export function redisMissing(): string | null {
  if (hasRedis() || process.env.CI === 'true') return null;
  return `${REDIS_SERVER} is not installed (apt-get install redis-server); CI installs it`;
}
