-- A circulated notice (通报) of a month: the units it names, its text and PDF, and who has acknowledged it.
create table circulation (
  month_key     varchar(7)   primary key,
  title         varchar(300) not null,
  body          text         not null,
  named_units   text         not null,
  pdf           bytea        not null,
  sha256        varchar(64)  not null,
  published_at  timestamptz  not null
);

create table circulation_acknowledgement (
  month_key        varchar(7)   not null references circulation(month_key) on delete cascade,
  unit_code        varchar(32)  not null references unit(code),
  measures         text         not null,
  acknowledged_by  varchar(64),
  acknowledged_at  timestamptz  not null,
  primary key (month_key, unit_code)
);
