-- A secret's readable hint is its last four characters only when the value has at least 16
-- (src/vault/secret-hint.ts); a shorter one has none, so a short secret is never shown whole.
-- Existing hints are kept only where the value certainly had 16 characters: at least 64 bytes
-- of plaintext (UTF-8 spends at most 4 bytes a character; a sealed value is 33 bytes longer).
ALTER TABLE vault_secrets ADD COLUMN hint TEXT;
UPDATE vault_secrets SET hint = last4 WHERE length(sealed) - 33 >= 64;
ALTER TABLE vault_secrets DROP COLUMN last4;
