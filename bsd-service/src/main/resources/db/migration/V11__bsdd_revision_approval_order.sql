-- Approvals are listed in the order the rules name the approvers (emitter, eco-organisme, destination), not by SIRET.
alter table bsdd_revision_request_approval add column position int not null default 0;
