/**
 * Presence in Redis, under `spotter:presence:` (KEY_PREFIX):
 *   u:<userId>        hash: `<replicaId>/<connectionId>` → active|idle, and `mode` → auto|dnd|invisible
 *   shown:<userId>    the status last announced (absent: offline)
 *   r:<replicaId>     set of users with connections on that replica
 *   replicas          zset: replicaId → deadline (ms, Redis clock); each replica pushes its own
 *                     deadline out every few seconds, so one command per replica keeps all its
 *                     connections alive, however many it holds
 *   pending           zset: userId → when a held-back offline change is due
 * Every script runs atomically, so when several replicas sweep at once, each dead replica and each
 * due change is claimed (ZREM) by exactly one of them. Times come from Redis' clock, so replicas
 * with skewed clocks agree on deadlines. The keys are built inside the scripts: this runs on one
 * Redis, not a cluster.
 */
export const KEY_PREFIX = 'spotter:presence:';

// combine() mirrors combinePresence in status.ts.
const COMMON = `
local prefix = '${KEY_PREFIX}'
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function combine(userKey)
  local all = redis.call('HGETALL', userKey)
  local mode, hasAny, hasActive = 'auto', false, false
  for i = 1, #all, 2 do
    if all[i] == 'mode' then mode = all[i + 1]
    else
      hasAny = true
      if all[i + 1] == 'active' then hasActive = true end
    end
  end
  if not hasAny then
    redis.call('DEL', userKey)
    return 'offline'
  end
  if mode == 'invisible' then return 'offline' end
  if mode == 'dnd' then return 'dnd' end
  if hasActive then return 'online' end
  return 'idle'
end
-- The status to announce for userId, or false; an offline change waits graceMs (when > 0).
local function settle(userId, graceMs)
  local shownKey = prefix .. 'shown:' .. userId
  local status = combine(prefix .. 'u:' .. userId)
  local shown = redis.call('GET', shownKey) or 'offline'
  if status == 'offline' and shown ~= 'offline' and graceMs > 0 then
    redis.call('ZADD', prefix .. 'pending', 'NX', nowMs() + graceMs, userId)
    return false
  end
  redis.call('ZREM', prefix .. 'pending', userId)
  if status == shown then return false end
  if status == 'offline' then redis.call('DEL', shownKey) else redis.call('SET', shownKey, status) end
  return status
end
-- Removes every connection of replicaId; returns the users it had.
local function forget(replicaId)
  local setKey = prefix .. 'r:' .. replicaId
  local users = redis.call('SMEMBERS', setKey)
  local head = replicaId .. '/'
  for _, userId in ipairs(users) do
    local userKey = prefix .. 'u:' .. userId
    for _, field in ipairs(redis.call('HKEYS', userKey)) do
      if string.sub(field, 1, #head) == head then redis.call('HDEL', userKey, field) end
    end
  end
  redis.call('DEL', setKey)
  return users
end
`;

/** ARGV: userId, replicaId, connectionId, activity, mode ('' keeps it), graceMs. */
const CONNECT = `${COMMON}
local userId, replicaId = ARGV[1], ARGV[2]
local userKey = prefix .. 'u:' .. userId
redis.call('HSET', userKey, replicaId .. '/' .. ARGV[3], ARGV[4])
if ARGV[5] ~= '' then redis.call('HSET', userKey, 'mode', ARGV[5]) end
redis.call('SADD', prefix .. 'r:' .. replicaId, userId)
return settle(userId, tonumber(ARGV[6]))`;

/** ARGV: userId, replicaId, connectionId, isLastHere ('1'|'0'), graceMs. */
const DISCONNECT = `${COMMON}
local userId, replicaId = ARGV[1], ARGV[2]
redis.call('HDEL', prefix .. 'u:' .. userId, replicaId .. '/' .. ARGV[3])
if ARGV[4] == '1' then redis.call('SREM', prefix .. 'r:' .. replicaId, userId) end
return settle(userId, tonumber(ARGV[5]))`;

/** ARGV: userId, mode. A manual change shows at once (no grace). */
const SET_MODE = `${COMMON}
local userKey = prefix .. 'u:' .. ARGV[1]
if redis.call('EXISTS', userKey) == 0 then return false end
redis.call('HSET', userKey, 'mode', ARGV[2])
return settle(ARGV[1], 0)`;

/** ARGV: userId, graceMs. */
const SETTLE = `${COMMON}
return settle(ARGV[1], tonumber(ARGV[2]))`;

/**
 * ARGV: replicaId, ttlMs. Returns 1 when the replica was not listed: Redis lost its state
 * (restarted) or a sweeper took this replica for dead (a long pause), so it must re-register.
 */
const HEARTBEAT = `${COMMON}
return redis.call('ZADD', prefix .. 'replicas', nowMs() + tonumber(ARGV[2]), ARGV[1])`;

/** ARGV: replicaId. Before re-registering after a reconnect: drop this replica's old entries. */
const FORGET = `${COMMON}
return forget(ARGV[1])`;

/**
 * Claims dead replicas and due offline changes. ARGV: maxReplicas, maxUsers.
 * Returns a flat list: userId, status, userId, status, …
 */
const SWEEP = `${COMMON}
local now = nowMs()
local changes = {}
local function add(userId)
  local status = settle(userId, 0)
  if status then
    table.insert(changes, userId)
    table.insert(changes, status)
  end
end
for _, replicaId in ipairs(redis.call('ZRANGEBYSCORE', prefix .. 'replicas', '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))) do
  redis.call('ZREM', prefix .. 'replicas', replicaId)
  for _, userId in ipairs(forget(replicaId)) do add(userId) end
end
for _, userId in ipairs(redis.call('ZRANGEBYSCORE', prefix .. 'pending', '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))) do
  add(userId)
end
return changes`;

/** Every script by name; the store defines each as an ioredis command `presence<NAME>` (EVALSHA). */
export const SCRIPTS = { CONNECT, DISCONNECT, SET_MODE, SETTLE, HEARTBEAT, FORGET, SWEEP } as const;
