-- Sign-in throttling without lock-out (ADR 0015, src/server/modules/auth/sign-in-throttle.*).
-- Until now five failures for a user name locked that name for everyone, from every address: five
-- requests every fifteen minutes kept a named colleague out for good, while one address could try a
-- password on any number of names unhindered. Now the same rows answer three questions, each with
-- delays that double per failure up to a cap and never a lock: how often has this name failed from
-- this address, this address across names, and this name across addresses — the last two not
-- counting pairs of name and address that have signed in successfully lately (the rightful user's
-- own address, an office's own users).
--
-- An attempt is now recorded before its password is checked with succeeded null ("not yet
-- settled") and settled afterwards. An unsettled attempt is not a failure, so parallel sign-ins
-- with the right password are never refused; but it may become one, so a further attempt that
-- could pass the limit waits for it to settle instead of slipping past.
--
-- The table stays small: a success removes its pair's earlier rows (it keeps only the latest
-- success, which is what makes the address known), and a pruning pass removes failures older
-- than the failure window and successes older than the known-address period.

delete from login_attempts where client_address is null;
alter table login_attempts
  alter column client_address set not null,
  alter column succeeded drop not null;

drop index login_attempts_username_idx;
create index login_attempts_name_idx on login_attempts (username, client_address);
create index login_attempts_address_idx on login_attempts (client_address, username);
comment on index login_attempts_name_idx is 'A user name''s attempts, and those of one name from one address.';
comment on index login_attempts_address_idx is 'An address''s attempts across user names (password spray).';

comment on table login_attempts is 'Password sign-in attempts, to throttle guessing by name and address, by address and by name (ADR 0015). Not tenant data: the tenant is unknown until sign-in succeeds. Failures are pruned after the failure window (LOGIN_FAILURE_WINDOW_HOURS); per name and address only the latest success is kept, for LOGIN_KNOWN_ADDRESS_DAYS.';
comment on column login_attempts.attempted_at is 'When the attempt began; set again when it settles, so a delay counts from when the failure was known.';
comment on column login_attempts.succeeded is 'Null while the password is being checked (not yet settled; an unsettled row older than 30 seconds counts as a failure, its server having died); then whether the attempt signed in.';
comment on column login_attempts.client_address is 'Where the attempt came from (the request''s client address, through TRUST_PROXY).';
