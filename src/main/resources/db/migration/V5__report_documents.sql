-- The paper trail of a monthly report: the generated PDF of each signed version (with the QR payload printed on it)
-- and the stamped scan the unit uploaded (whether its QR code was verified, or the unit's explanation why not).
create table report_document (
  id            bigserial    primary key,
  report_id     bigint       not null references monthly_report(id) on delete cascade,
  kind          varchar(16)  not null check (kind in ('REPORT_PDF', 'STAMPED_SCAN')),
  version       integer      not null,
  content       bytea        not null,
  sha256        varchar(64)  not null,
  file_name     varchar(255) not null,
  created_at    timestamptz  not null,
  created_by    varchar(64),
  qr_payload    varchar(100),
  qr_verified   boolean,
  explanation   text,
  unique (report_id, kind, version)
);

-- The notice that goes with a year's allocation (title, document number, body) and its PDF with Attachment 1.
create table allocation_notice (
  year             integer      primary key references allocation_year(year) on delete cascade,
  title            varchar(300) not null,
  document_number  varchar(100) not null,
  body             text         not null,
  issued_on        date         not null,
  pdf              bytea,
  sha256           varchar(64)
);
