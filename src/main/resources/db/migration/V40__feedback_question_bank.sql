-- SPDX-License-Identifier: EUPL-1.2
-- The question bank of a tenant: demographic and custom questions with a stable key. Statements
-- and service aspects are not stored here: the bank reads them from the latest published framework.
CREATE TABLE fb_bank_item (
    id         UUID                     NOT NULL PRIMARY KEY,
    tenant_id  UUID                     NOT NULL,
    item_key   VARCHAR(20)              NOT NULL,
    source     VARCHAR(20)              NOT NULL,
    type       VARCHAR(20)              NOT NULL,
    text_nl    VARCHAR(500)             NOT NULL,
    text_en    VARCHAR(500),
    help_nl    VARCHAR(1000),
    help_en    VARCHAR(1000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);
CREATE UNIQUE INDEX fb_bank_item_key_uq ON fb_bank_item (tenant_id, item_key);

CREATE TABLE fb_bank_option (
    fb_bank_item UUID         NOT NULL REFERENCES fb_bank_item (id) ON DELETE CASCADE,
    option_index INT          NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    label_nl     VARCHAR(200) NOT NULL,
    label_en     VARCHAR(200),
    PRIMARY KEY (fb_bank_item, option_index)
);
