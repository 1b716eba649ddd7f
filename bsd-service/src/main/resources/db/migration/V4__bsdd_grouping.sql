-- Grouping (appendix 2, appendix 1): a grouping BSDD lists the BSDDs it groups in its document (`data.grouping`,
-- [{formId, readableId, quantity}]). This index answers "in which BSDDs is this one grouped" (containment).
create index bsdd_grouping on bsdd using gin ((data -> 'grouping') jsonb_path_ops);
