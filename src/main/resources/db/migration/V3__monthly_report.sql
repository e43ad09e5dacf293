-- Attachment 2: one report per unit and month. Only ACCEPTED figures count anywhere.
create table monthly_report (
  id                        bigserial    primary key,
  business_key              varchar(64)  not null unique,
  year                      integer      not null,
  month                     integer      not null check (month between 1 and 12),
  unit_code                 varchar(32)  not null references unit(code),
  status                    varchar(16)  not null check (status in ('OPEN', 'SUBMITTED', 'SIGNED', 'ACCEPTED')),
  version                   integer      not null default 0,
  institutions_college_level integer     check (institutions_college_level >= 0),
  institutions_appraisal    integer      check (institutions_appraisal >= 0),
  institutions_social       integer      check (institutions_social >= 0),
  institutions_special      integer      check (institutions_special >= 0),
  training                  integer      check (training >= 0),
  certification             integer      check (certification >= 0),
  advanced                  integer      check (advanced >= 0 and advanced <= certification),
  one_plus_x                integer      check (one_plus_x >= 0 and one_plus_x <= certification),
  filer_name                varchar(100),
  filer_phone               varchar(40),
  submitted_at              timestamptz,
  submitted_by              varchar(64),
  signed_at                 timestamptz,
  signed_by                 varchar(64),
  signed_by_name            varchar(200),
  accepted_at               timestamptz,
  unique (year, month, unit_code)
);
create index monthly_report_accepted on monthly_report (year, unit_code, month) where status = 'ACCEPTED';

-- What happened to a report: submissions, withdrawals, returns with their reasons, signature, acceptance.
create table monthly_report_event (
  id             bigserial    primary key,
  report_id      bigint       not null references monthly_report(id) on delete cascade,
  kind           varchar(40)  not null,
  reason         text,
  actor          varchar(64),
  occurred_at    timestamptz  not null,
  report_version integer      not null
);
create index monthly_report_event_report on monthly_report_event (report_id);

-- A city's split of its quota over its secondary vocational schools.
create table subdivision (
  year         integer      not null,
  city_code    varchar(32)  not null references unit(code),
  status       varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED')),
  source_name  varchar(255) not null,
  imported_at  timestamptz  not null,
  published_at timestamptz,
  primary key (year, city_code)
);

create table school_quota (
  year            integer      not null,
  city_code       varchar(32)  not null,
  source_row      integer      not null,
  school_name     varchar(200) not null,
  unit_code       varchar(32)  references unit(code),
  training        integer      not null check (training >= 0),
  certification   integer      not null check (certification >= 0 and certification <= training),
  advanced        integer      check (advanced >= 0 and advanced <= certification),
  one_plus_x      integer      check (one_plus_x >= 0 and one_plus_x <= certification),
  advanced_reason text,
  primary key (year, city_code, source_row),
  foreign key (year, city_code) references subdivision (year, city_code) on delete cascade
);
