-- An assignment to a provider without Vardag access can also reach it by post (skickat per post),
-- not only by secure mail: LSS providers without system access often get the signed paper. 0008
-- allowed sent_via 'system' or 'secure_mail' in an unnamed column check; it is replaced by a named
-- one that allows 'post' too.

do $$
declare
  name text;
begin
  select conname into name from pg_constraint
   where conrelid = 'assignments'::regclass and contype = 'c'
     and pg_get_constraintdef(oid) like '%sent_via%secure_mail%'
     and pg_get_constraintdef(oid) not like '%sent_at IS NULL%';
  if name is null then
    raise exception 'assignments: the check on sent_via from 0008 was not found';
  end if;
  execute format('alter table assignments drop constraint %I', name);
end
$$;

alter table assignments add constraint assignments_sent_via_known check (sent_via in ('system', 'secure_mail', 'post'));
comment on constraint assignments_sent_via_known on assignments is
  'How a sent assignment reached the provider: in Vardag, or outside it by secure mail or by post.';
comment on column assignments.sent_via is
  'system (to a provider in Vardag), secure_mail (PDF sent by secure mail) or post (sent by post), the last two to a provider without system access.';
