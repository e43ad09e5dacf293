-- A month's due date moved by province-edu (e.g. for holidays); months without a row use the notice's rule.
create table report_due_date (
  year      integer      not null,
  month     integer      not null check (month between 1 and 12),
  due_at    timestamptz  not null,
  reason    text,
  set_by    varchar(64),
  set_at    timestamptz  not null,
  primary key (year, month)
);

-- A report not filed by its due date stays marked late, even when it is filed afterwards.
alter table monthly_report add column late boolean not null default false;
