-- Drills: a rehearsal's timer and progress, so a restart resumes it where it was. Runs unchanged on
-- H2 (MODE=PostgreSQL) and PostgreSQL. The drill's events are in timeline_event like any incident's.

CREATE TABLE drill (
    incident_id     BIGINT       PRIMARY KEY REFERENCES incident (id),
    scenario_id     VARCHAR(100) NOT NULL,
    scenario_file   VARCHAR(300) NOT NULL,
    -- the exact scenario text the drill runs, so an edit on disk never changes a drill under way
    scenario_source TEXT         NOT NULL,
    runbook_id      VARCHAR(100) NOT NULL,
    facilitator     VARCHAR(100) NOT NULL,
    -- running, paused, ended
    status          VARCHAR(16)  NOT NULL,
    -- how many of the scenario's events have been injected (the next one is events[fired])
    fired           INT          NOT NULL DEFAULT 0,
    -- drill time run before running_since (paused time does not count)
    elapsed_ms      BIGINT       NOT NULL DEFAULT 0,
    running_since   TIMESTAMP WITH TIME ZONE,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE,
    score           INT,
    report          TEXT
);

CREATE INDEX drill_status ON drill (status);
CREATE INDEX drill_runbook ON drill (runbook_id, ended_at);
