-- SPDX-License-Identifier: EUPL-1.2
-- A letter's recipient is a postal address, which contacts allows up to 500 characters.
ALTER TABLE ntf_message ALTER COLUMN recipient SET DATA TYPE VARCHAR(500);
