-- The official seal on a stamped scan: whether its impression was recognised near the 填报单位（公章） line (null where
-- it was not looked for: scans from before, or whose QR code could not be read) and its diameter in millimetres.
alter table report_document
  add column seal_found       boolean,
  add column seal_diameter_mm integer;
