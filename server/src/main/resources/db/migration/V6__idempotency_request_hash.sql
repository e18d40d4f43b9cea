-- What a keyed API request asked for (SHA-256 of its operation and body), so the same key with
-- another request is refused instead of replaying the first one's result. NULL for keys whose
-- source sends no fingerprint (chat clicks and commands carry ids that are unique on their own).
ALTER TABLE idempotency_key ADD COLUMN request_hash VARCHAR(64);
