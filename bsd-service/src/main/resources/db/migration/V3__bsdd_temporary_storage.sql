-- Temporary storage: the suite (frames 14 to 19) is part of the BSDD's document (`temporaryStorageDetail`). Its final
-- destination and onward transporter are on the BSDD too: these columns, derived from the document by PostgreSQL,
-- let `forms` list and filter the BSDD for them.
alter table bsdd add column temp_storage_destination_org_id text generated always as (
    case when (data #>> '{recipient,isTempStorage}') = 'true' then coalesce(
        nullif(data #>> '{temporaryStorageDetail,destination,company,siret}', ''),
        nullif(data #>> '{temporaryStorageDetail,destination,company,vatNumber}', '')) end) stored;
alter table bsdd add column temp_storage_transporter_org_id text generated always as (
    case when (data #>> '{recipient,isTempStorage}') = 'true' then coalesce(
        nullif(data #>> '{temporaryStorageDetail,transporter,company,siret}', ''),
        nullif(data #>> '{temporaryStorageDetail,transporter,company,vatNumber}', '')) end) stored;
create index bsdd_temp_storage_destination on bsdd (temp_storage_destination_org_id);
create index bsdd_temp_storage_transporter on bsdd (temp_storage_transporter_org_id);
