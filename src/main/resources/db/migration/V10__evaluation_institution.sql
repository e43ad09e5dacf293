-- Evaluation institutions a unit files (评价机构备案, process institution-filing): one row per application, from
-- 申请中 through 已退回 (and back) to 已备案, then possibly 已撤销; or 已撤回 when the unit withdraws a returned one.
-- The application's PDF documents are kept beside it (the register reads many rows, a document only when opened);
-- the process keeps only the link.
create table evaluation_institution (
  id                bigserial    primary key,
  business_key      varchar(64)  not null unique,
  unit_code         varchar(32)  not null references unit(code),
  seq               integer      not null,
  kind              varchar(16)  not null,
  name              varchar(100) not null,
  scope             text         not null,
  status            varchar(16)  not null,
  applied_at        timestamptz  not null,
  applied_by        varchar(64),
  return_reason     text,
  returned_at       timestamptz,
  filed_at          timestamptz,
  filed_by          varchar(64),
  revoke_reason     text,
  revoked_at        timestamptz,
  revoked_by        varchar(64),
  unique (unit_code, seq)
);
create index evaluation_institution_unit on evaluation_institution (unit_code, status);

create table evaluation_institution_document (
  institution_id  bigint       primary key references evaluation_institution(id) on delete cascade,
  file_name       varchar(200) not null,
  content         bytea        not null,
  sha256          varchar(64)  not null,
  pages           integer      not null,
  uploaded_at     timestamptz  not null
);

-- The monthly form's first section: the institutions filed here (counted at submission, shown, not typed) beside
-- the unit's own count of institutions not (yet) filed here (institutions_*, typed, marked 未备案 for the reviewer).
alter table monthly_report
  add column filed_college_level integer,
  add column filed_appraisal     integer,
  add column filed_social        integer,
  add column filed_special       integer;
