-- SPDX-License-Identifier: EUPL-1.2
-- The council report is made in Dutch or English; earlier reports were Dutch.
ALTER TABLE ins_report ADD COLUMN language VARCHAR(5) NOT NULL DEFAULT 'nl';
