import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Per-client request limits from rate-limiter-flexible: `pointsPerMinute`
 * requests in a fixed minute per key. Counters live in this server's memory,
 * or in Redis when RATE_LIMIT_REDIS_URL is set, so every instance behind a
 * load balancer counts against one limit. When Redis cannot be reached the
 * limiter keeps answering from memory (rate-limiter-flexible's insurance
 * limiter) and says so once in the log, and once more when Redis is back.
 */
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  consume(key: string): Promise<LimitDecision>;
}

const WINDOW_SECONDS = 60;

interface LimiterOptions {
  /** Names the counters: `planner:<name>:<client>` in Redis. */
  name: string;
  pointsPerMinute: number;
  redisUrl?: string;
  log?: (message: string) => void;
}

interface SharedRedis {
  client: Redis;
  /** Settles when the first connection attempt has: until then a count would wrongly go to memory. */
  firstAttempt: Promise<void>;
}

const redisClients = new Map<string, SharedRedis>();

/** Where the counters are, for the log: host and port, never the URL's password. */
function describeRedis(url: string): string {
  const parsed = new URL(url);
  return `Redis at ${parsed.hostname}:${parsed.port || "6379"}`;
}

function sharedRedis(url: string, log: (message: string) => void): SharedRedis {
  const existing = redisClients.get(url);
  if (existing) return existing;
  // No offline queue: while Redis is away a command fails at once and the in-memory limiter answers.
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  let down = false;
  const where = describeRedis(url);
  client.on("error", () => {
    if (down) return;
    down = true;
    log(`Rate limits: ${where} cannot be reached; counting in this server's memory until it is back.`);
  });
  client.on("ready", () => {
    if (!down) return;
    down = false;
    log(`Rate limits: ${where} is back; counting there again.`);
  });
  const firstAttempt = new Promise<void>((resolve) => {
    client.once("ready", () => resolve());
    client.once("error", () => resolve());
    setTimeout(resolve, 2_000).unref();
  });
  const shared = { client, firstAttempt };
  redisClients.set(url, shared);
  return shared;
}

export function createRateLimiter({ name, pointsPerMinute, redisUrl, log = (message) => console.warn(message) }: LimiterOptions): RateLimiter {
  const keyPrefix = `planner:${name}`;
  const memory = new RateLimiterMemory({ keyPrefix, points: pointsPerMinute, duration: WINDOW_SECONDS });
  const redis = redisUrl ? sharedRedis(redisUrl, log) : undefined;
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix,
        points: pointsPerMinute,
        duration: WINDOW_SECONDS,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async consume(key) {
      if (redis) await redis.firstAttempt;
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        // Neither store answered: let the request through rather than refuse every client.
        return { allowed: true };
      }
    },
  };
}
