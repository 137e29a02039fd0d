-- SPDX-License-Identifier: EUPL-1.2
-- Cases and track & trace: case types with their statuses, cases with status history and delays,
-- the requester (kept minimal), progress links (hashes only) and per-tenant contact details.
-- Team and service ids refer to the organisation module; modules keep no foreign keys to each other.

CREATE TABLE case_type (
    id            UUID          NOT NULL PRIMARY KEY,
    tenant_id     UUID          NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    description   VARCHAR(2000) NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    service_id    UUID,
    owner_team_id UUID          NOT NULL,
    norm_days     INT           NOT NULL,
    version       BIGINT        NOT NULL
);
CREATE UNIQUE INDEX case_type_name_uq ON case_type (tenant_id, name);

-- The statuses of a case type, in order.
CREATE TABLE case_type_status (
    case_type       UUID          NOT NULL REFERENCES case_type (id) ON DELETE CASCADE,
    case_type_key   INT           NOT NULL,
    code            VARCHAR(40)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    resident_text_nl VARCHAR(1000) NOT NULL,
    resident_text_en VARCHAR(1000) NOT NULL,
    next_step_nl    VARCHAR(1000),
    next_step_en    VARCHAR(1000),
    actor           VARCHAR(20)   NOT NULL,
    inform_resident BOOLEAN       NOT NULL,
    final_status    BOOLEAN       NOT NULL,
    PRIMARY KEY (case_type, case_type_key)
);

CREATE TABLE case_file (
    id                  UUID                     NOT NULL PRIMARY KEY,
    tenant_id           UUID                     NOT NULL,
    reference           VARCHAR(20)              NOT NULL,
    case_type_id        UUID                     NOT NULL,
    kind                VARCHAR(20)              NOT NULL,
    channel             VARCHAR(20)              NOT NULL,
    owner_team_id       UUID                     NOT NULL,
    subject             VARCHAR(500)             NOT NULL,
    registered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_on       DATE                     NOT NULL,
    norm_days           INT                      NOT NULL,
    norm_date           DATE                     NOT NULL,
    expected_date       DATE                     NOT NULL,
    status_code         VARCHAR(40)              NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE,
    version             BIGINT                   NOT NULL
);
CREATE UNIQUE INDEX case_file_reference_uq ON case_file (tenant_id, reference);
CREATE INDEX case_file_open_idx ON case_file (tenant_id, owner_team_id, closed_at);
CREATE INDEX case_file_type_idx ON case_file (case_type_id);

-- Every status a case went through. The texts are copied from the case type at the moment of the
-- change, so that the timeline keeps showing what the resident was told, even after the type changes.
CREATE TABLE case_file_status (
    case_file        UUID                     NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    case_file_key    INT                      NOT NULL,
    code             VARCHAR(40)              NOT NULL,
    name             VARCHAR(200)             NOT NULL,
    resident_text_nl VARCHAR(1000)            NOT NULL,
    resident_text_en VARCHAR(1000)            NOT NULL,
    next_step_nl     VARCHAR(1000),
    next_step_en     VARCHAR(1000),
    actor            VARCHAR(20)              NOT NULL,
    inform_resident  BOOLEAN                  NOT NULL,
    final_status     BOOLEAN                  NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by       UUID,
    note             VARCHAR(2000),
    PRIMARY KEY (case_file, case_file_key)
);

-- Suspensions (opschorting) and extensions (verlenging): a reason from a fixed list (so residents read
-- it in plain words in their language), an optional explanation for the resident, and the new date.
CREATE TABLE case_file_delay (
    case_file     UUID                     NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    case_file_key INT                      NOT NULL,
    kind          VARCHAR(20)              NOT NULL,
    reason        VARCHAR(40)              NOT NULL,
    explanation   VARCHAR(1000),
    previous_date DATE                     NOT NULL,
    new_date      DATE                     NOT NULL,
    delayed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    delayed_by    UUID,
    PRIMARY KEY (case_file, case_file_key)
);

-- The person who asked, kept to what is needed to inform them. Only the module that sends
-- messages reads it, through the public API.
CREATE TABLE case_requester (
    id        UUID         NOT NULL PRIMARY KEY,
    tenant_id UUID         NOT NULL,
    name      VARCHAR(200) NOT NULL,
    email     VARCHAR(254),
    phone     VARCHAR(40),
    language  VARCHAR(2)   NOT NULL,
    version   BIGINT       NOT NULL
);

-- Next reference number per tenant and year (Z-2026-000123).
CREATE TABLE case_reference_counter (
    tenant_id   UUID NOT NULL,
    counter_year INT NOT NULL,
    last_number INT  NOT NULL,
    PRIMARY KEY (tenant_id, counter_year)
);

-- Progress links: only the SHA-256 hash of the token is kept, so the table gives no working link.
CREATE TABLE case_progress_token (
    token_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    tenant_id   UUID                     NOT NULL,
    case_id     UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX case_progress_token_case_idx ON case_progress_token (case_id);

-- How a resident reaches a person, per tenant, shown on every progress page.
CREATE TABLE case_contact_settings (
    tenant_id       UUID          NOT NULL PRIMARY KEY,
    phone           VARCHAR(40)   NOT NULL,
    phone_hours_nl  VARCHAR(300),
    phone_hours_en  VARCHAR(300),
    chat_url        VARCHAR(500),
    desk_address    VARCHAR(500),
    desk_hours_nl   VARCHAR(300),
    desk_hours_en   VARCHAR(300),
    version         BIGINT        NOT NULL
);
