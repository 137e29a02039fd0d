-- SPDX-License-Identifier: EUPL-1.2
-- Questionnaires and their versions. A draft version holds its own questions (and, for a tailored
-- questionnaire, the keys of the base questions it hides); publishing stores the resolved list of
-- pages and questions, so a published version never changes, whatever happens to its base.
CREATE TABLE fb_questionnaire (
    id               UUID                     NOT NULL PRIMARY KEY,
    tenant_id        UUID                     NOT NULL,
    public_id        VARCHAR(16)              NOT NULL,
    kind             VARCHAR(20)              NOT NULL,
    schedule         VARCHAR(20)              NOT NULL,
    name             VARCHAR(200)             NOT NULL,
    base_id          UUID REFERENCES fb_questionnaire (id),
    service_id       UUID,
    open_from        DATE,
    open_until       DATE,
    target_responses INT,
    draft_id         UUID,
    published_id     UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL
);
CREATE UNIQUE INDEX fb_questionnaire_public_uq ON fb_questionnaire (public_id);
CREATE INDEX fb_questionnaire_tenant_idx ON fb_questionnaire (tenant_id);
CREATE INDEX fb_questionnaire_base_idx ON fb_questionnaire (base_id);

CREATE TABLE fb_version (
    id                UUID                     NOT NULL PRIMARY KEY,
    tenant_id         UUID                     NOT NULL,
    questionnaire_id  UUID                     NOT NULL REFERENCES fb_questionnaire (id),
    number            INT                      NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    title_nl          VARCHAR(200)             NOT NULL,
    title_en          VARCHAR(200),
    intro_nl          VARCHAR(1000),
    intro_en          VARCHAR(1000),
    thanks_nl         VARCHAR(1000),
    thanks_en         VARCHAR(1000),
    -- For a tailored questionnaire: the published base version its questions were resolved from.
    base_version_id   UUID,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE,
    published_by_name VARCHAR(100),
    version           BIGINT                   NOT NULL
);
CREATE UNIQUE INDEX fb_version_number_uq ON fb_version (questionnaire_id, number);
CREATE INDEX fb_version_tenant_idx ON fb_version (tenant_id);

CREATE TABLE fb_question (
    fb_version       UUID          NOT NULL REFERENCES fb_version (id) ON DELETE CASCADE,
    question_index   INT           NOT NULL,
    question_key     VARCHAR(20)   NOT NULL,
    source           VARCHAR(20)   NOT NULL,
    type             VARCHAR(20)   NOT NULL,
    page             INT           NOT NULL,
    text_nl          VARCHAR(500)  NOT NULL,
    text_en          VARCHAR(500),
    help_nl          VARCHAR(1000),
    help_en          VARCHAR(1000),
    required         BOOLEAN       NOT NULL,
    condition_key    VARCHAR(20),
    condition_values VARCHAR(400),
    inherited        BOOLEAN       NOT NULL,
    PRIMARY KEY (fb_version, question_index)
);

CREATE TABLE fb_question_option (
    fb_version     UUID         NOT NULL REFERENCES fb_version (id) ON DELETE CASCADE,
    question_index INT          NOT NULL,
    option_index   INT          NOT NULL,
    code           VARCHAR(40)  NOT NULL,
    label_nl       VARCHAR(200) NOT NULL,
    label_en       VARCHAR(200),
    PRIMARY KEY (fb_version, question_index, option_index)
);

CREATE TABLE fb_hidden_question (
    fb_version   UUID        NOT NULL REFERENCES fb_version (id) ON DELETE CASCADE,
    question_key VARCHAR(20) NOT NULL,
    PRIMARY KEY (fb_version, question_key)
);
