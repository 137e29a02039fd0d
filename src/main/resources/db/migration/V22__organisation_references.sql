-- SPDX-License-Identifier: EUPL-1.2
-- The rules "a domain with teams cannot be deleted", "a team that owns services cannot be deleted"
-- and "a service is offered only in municipalities that exist" are checked in the code with a plain
-- message; these keys make sure no other path can break them either.
ALTER TABLE org_team ADD CONSTRAINT org_team_domain_fk FOREIGN KEY (domain_id) REFERENCES org_domain (id);
ALTER TABLE org_service ADD CONSTRAINT org_service_owner_team_fk FOREIGN KEY (owner_team_id) REFERENCES org_team (id);
ALTER TABLE org_service_municipality ADD CONSTRAINT org_service_municipality_fk
    FOREIGN KEY (municipality_id) REFERENCES org_municipality (id);
CREATE INDEX org_service_municipality_idx ON org_service_municipality (municipality_id);
