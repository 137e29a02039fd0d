-- SPDX-License-Identifier: EUPL-1.2
-- Population margins for weighting survey responses: a set per municipality or district (or the
-- whole area), with for each margin (the key of a choice question such as AGE or DISTRICT) the
-- population count of each answer code.
CREATE TABLE ins_margin_set (
    id              UUID                     NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    name            VARCHAR(200)             NOT NULL,
    municipality_id UUID,
    district        VARCHAR(60),
    source          VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ins_margin_set_tenant_idx ON ins_margin_set (tenant_id);

CREATE TABLE ins_margin_cell (
    margin_set_id UUID        NOT NULL REFERENCES ins_margin_set (id) ON DELETE CASCADE,
    item_key      VARCHAR(20) NOT NULL,
    category      VARCHAR(40) NOT NULL,
    population    BIGINT      NOT NULL,
    position      INT         NOT NULL,
    PRIMARY KEY (margin_set_id, item_key, category)
);
