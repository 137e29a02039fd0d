-- SPDX-License-Identifier: EUPL-1.2
-- Responses, anonymous by design: the version they were given on, the context of the link and the
-- day of submission. No address, browser, account or time of day is stored with them.
CREATE TABLE fb_response (
    id               UUID         NOT NULL PRIMARY KEY,
    tenant_id        UUID         NOT NULL,
    questionnaire_id UUID         NOT NULL REFERENCES fb_questionnaire (id),
    version_id       UUID         NOT NULL REFERENCES fb_version (id),
    submitted_on     DATE         NOT NULL,
    service_id       UUID,
    channel          VARCHAR(20),
    municipality_id  UUID,
    location         VARCHAR(60),
    via              VARCHAR(10)  NOT NULL
);
CREATE INDEX fb_response_questionnaire_idx ON fb_response (questionnaire_id, submitted_on);
CREATE INDEX fb_response_tenant_idx ON fb_response (tenant_id);

-- One row per answer; a multiple-choice question has one row per chosen option.
CREATE TABLE fb_answer (
    response_id  UUID          NOT NULL REFERENCES fb_response (id) ON DELETE CASCADE,
    question_key VARCHAR(20)   NOT NULL,
    answer_index INT           NOT NULL,
    value_number INT,
    value_code   VARCHAR(40),
    value_text   VARCHAR(2000),
    dont_know    BOOLEAN       NOT NULL,
    PRIMARY KEY (response_id, question_key, answer_index)
);
CREATE INDEX fb_answer_key_idx ON fb_answer (question_key);

-- Submission tokens that were used, so that a second submit of the same form stores nothing. Kept
-- apart from the responses: nothing the browser sent is stored with the answers.
CREATE TABLE fb_used_token (
    token_hash       VARCHAR(64) NOT NULL PRIMARY KEY,
    questionnaire_id UUID        NOT NULL,
    used_on          DATE        NOT NULL
);

-- Answers saved to continue later, found by the hash of a random resume token that only the
-- resident has. Deleted when the answers are sent, and after they expire.
CREATE TABLE fb_progress (
    token_hash       VARCHAR(64) NOT NULL PRIMARY KEY,
    tenant_id        UUID        NOT NULL,
    questionnaire_id UUID        NOT NULL REFERENCES fb_questionnaire (id),
    version_id       UUID        NOT NULL REFERENCES fb_version (id),
    page             INT         NOT NULL,
    service_id       UUID,
    channel          VARCHAR(20),
    municipality_id  UUID,
    location         VARCHAR(60),
    expires_on       DATE        NOT NULL
);
CREATE INDEX fb_progress_expires_idx ON fb_progress (expires_on);

CREATE TABLE fb_progress_answer (
    token_hash   VARCHAR(64)   NOT NULL REFERENCES fb_progress (token_hash) ON DELETE CASCADE,
    question_key VARCHAR(20)   NOT NULL,
    value_index  INT           NOT NULL,
    answer_value VARCHAR(2000) NOT NULL,
    PRIMARY KEY (token_hash, question_key, value_index)
);

-- "You may contact me": a separate record without any reference to a response (see ADR 0400).
CREATE TABLE fb_contact_consent (
    id               UUID         NOT NULL PRIMARY KEY,
    tenant_id        UUID         NOT NULL,
    questionnaire_id UUID         NOT NULL REFERENCES fb_questionnaire (id),
    received_month   DATE         NOT NULL,
    name             VARCHAR(200),
    email            VARCHAR(200),
    phone            VARCHAR(40),
    purposes         VARCHAR(200) NOT NULL,
    language         VARCHAR(5)   NOT NULL
);
CREATE INDEX fb_contact_consent_questionnaire_idx ON fb_contact_consent (questionnaire_id);
