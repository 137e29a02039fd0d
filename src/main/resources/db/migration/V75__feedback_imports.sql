-- SPDX-License-Identifier: EUPL-1.2
-- Imports of earlier survey data from CSV. An upload keeps the decoded file until it is imported or
-- discarded (then the content is removed: only the facts of the import stay), with the mapping of
-- its columns to questions and context fields. Imported responses name their import.
CREATE TABLE fb_import (
    id               UUID                     NOT NULL PRIMARY KEY,
    tenant_id        UUID                     NOT NULL,
    questionnaire_id UUID                     NOT NULL REFERENCES fb_questionnaire (id),
    file_name        VARCHAR(200)             NOT NULL,
    encoding         VARCHAR(20)              NOT NULL,
    separator_char   VARCHAR(1)               NOT NULL,
    row_count        INT                      NOT NULL,
    content          TEXT,
    default_date     DATE,
    status           VARCHAR(20)              NOT NULL,
    uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by      VARCHAR(100)             NOT NULL,
    imported_at      TIMESTAMP WITH TIME ZONE,
    imported_by      VARCHAR(100),
    imported_count   INT
);
CREATE INDEX fb_import_questionnaire_idx ON fb_import (tenant_id, questionnaire_id);

CREATE TABLE fb_import_column (
    import_id    UUID         NOT NULL REFERENCES fb_import (id) ON DELETE CASCADE,
    column_index INT          NOT NULL,
    header       VARCHAR(200) NOT NULL,
    target       VARCHAR(40),
    PRIMARY KEY (import_id, column_index)
);

ALTER TABLE fb_response ADD COLUMN import_id UUID;
CREATE INDEX fb_response_import_idx ON fb_response (import_id);
