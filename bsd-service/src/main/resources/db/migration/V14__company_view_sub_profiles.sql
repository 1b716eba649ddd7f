-- Sub-profiles of collectors and waste processors, from company-service's events (CompanyState collectorTypes,
-- wasteProcessorTypes): which wastes a destination may take (spec bsdd.md §2.5, markAsSealed). Null until an event
-- that carries them arrives: the check is then not made, rather than refusing every destination known from older
-- events.
alter table company_view
    add column collector_types       text[],
    add column waste_processor_types text[];
