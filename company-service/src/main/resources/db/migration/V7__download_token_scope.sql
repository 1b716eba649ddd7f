-- A download link made with a company-scoped personal access token (#25 item 8) lists only those companies: the
-- org ids it was issued for, comma-separated (org ids hold no comma); null for an unrestricted caller.
alter table download_token add column org_scope text;
