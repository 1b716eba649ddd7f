-- Appendix-1 signature automations of a company, from company-service's events (CompanyState
-- allowAppendix1SignatureAutomation, signatureAutomationTo); events older than these components leave the defaults.
alter table company_view
    add column allow_appendix1_signature_automation boolean not null default false,
    add column signature_automation_to              text[]  not null default '{}';
