-- 005: activation reads one number's live windows and grants. Measured (ADR 0003, cold activation
-- with 100k windows): the global expires_at index made the window load walk every number's rows
-- (222k rows, 102k buffers, 43 ms); an index led by the phone reads only that number's (1.3k
-- buffers, 18 ms, no sort). The same holds for the grants.
CREATE INDEX IF NOT EXISTS waba_window_phone_expires_at ON waba_window (phone, expires_at);
CREATE INDEX IF NOT EXISTS waba_number_grant_phone_granted_at ON waba_number_grant (phone, granted_at);
