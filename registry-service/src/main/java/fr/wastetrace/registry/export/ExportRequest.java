package fr.wastetrace.registry.export;

import fr.wastetrace.registry.graphql.WasteRegistryWhere;
import fr.wastetrace.registry.register.RegisterType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** What a download token stands for: one register of some companies, filtered, in one format. */
public record ExportRequest(RegisterType register, List<String> orgIds, WasteRegistryWhere where, ExportFormat format,
                            LocalDate requestedOn) {
    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    /** {@code TD-Registre-<yyyyMMdd>-<register word>[-<siret when only one>].<extension>} */
    public String fileName() {
        StringBuilder name = new StringBuilder("TD-Registre-")
                .append(requestedOn.toString().replace("-", ""))
                .append('-').append(register.fileWord());
        if (orgIds.size() == 1) {
            name.append('-').append(orgIds.get(0).replaceAll("[^A-Za-z0-9]", ""));
        }
        return name.append('.').append(format.extension()).toString();
    }
}
