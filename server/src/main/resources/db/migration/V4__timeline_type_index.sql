-- Route recovery (every 10 s on every replica) looks for action events of the last 7 days by type;
-- without this index that is a scan of the whole timeline.
CREATE INDEX timeline_event_type_at ON timeline_event (type, at);
