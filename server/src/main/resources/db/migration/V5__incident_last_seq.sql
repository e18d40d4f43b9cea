-- The sequence number of an incident's last timeline event, kept on the incident row: a change
-- already holds that row's lock and bumps its version, so it takes the next numbers from here
-- instead of running MAX(seq) over the timeline. UNIQUE (incident_id, seq) still guards the order.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE incident ADD COLUMN last_seq INT NOT NULL DEFAULT 0;

UPDATE incident SET last_seq = COALESCE((SELECT MAX(t.seq) FROM timeline_event t WHERE t.incident_id = incident.id), 0);
