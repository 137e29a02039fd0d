-- SPDX-License-Identifier: EUPL-1.2
-- The client secret and callback token are stored encrypted (ADR 602): a prefix, a nonce and the
-- authentication tag make them longer. Rows saved before are encrypted on the next start.
ALTER TABLE zgw_connection ALTER COLUMN client_secret SET DATA TYPE VARCHAR(1000);
ALTER TABLE zgw_connection ALTER COLUMN callback_token SET DATA TYPE VARCHAR(500);
