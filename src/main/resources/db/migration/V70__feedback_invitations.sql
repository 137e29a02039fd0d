-- SPDX-License-Identifier: EUPL-1.2
-- Personal invitations to a questionnaire. Only the hash of the link's token is kept, never the
-- e-mail address: the invitation and its reminder are queued as messages straight away.
CREATE TABLE fb_invitation (
    id               UUID         PRIMARY KEY,
    tenant_id        UUID         NOT NULL,
    questionnaire_id UUID         NOT NULL,
    token_hash       VARCHAR(64)  NOT NULL UNIQUE,
    source           VARCHAR(10)  NOT NULL,
    invited_on       DATE         NOT NULL,
    reminder         BOOLEAN      NOT NULL,
    used_on          DATE
);
CREATE INDEX fb_invitation_questionnaire ON fb_invitation (tenant_id, questionnaire_id);

-- When a person was last invited for continuous measurement, by a keyed hash of the address.
CREATE TABLE fb_invited_person (
    tenant_id       UUID        NOT NULL,
    person_key      VARCHAR(64) NOT NULL,
    last_invited_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (tenant_id, person_key)
);

-- Which questionnaire the requester of a closed case of a case type is invited to.
CREATE TABLE fb_case_trigger (
    tenant_id        UUID NOT NULL,
    case_type_id     UUID NOT NULL,
    questionnaire_id UUID NOT NULL,
    PRIMARY KEY (tenant_id, case_type_id)
);
CREATE INDEX fb_case_trigger_questionnaire ON fb_case_trigger (tenant_id, questionnaire_id);
