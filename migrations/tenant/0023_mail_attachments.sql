-- Attachments in mail, both ways (docs/mail.md, docs/mailbox.md).
-- Sent: which workspace files a message carries, as they were when it was queued (a JSON array of
-- {fileId, name, type, size, sha256}); the bytes are read from the file's blob at each attempt and
-- must still match size and SHA-256. One file may go out with many messages, so the link is here.
ALTER TABLE mail_messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
-- Received: a file kept from a received message names it (besides its contact and lead).
ALTER TABLE files ADD COLUMN inbound_message_id TEXT;
CREATE INDEX files_by_inbound_message ON files (inbound_message_id);
