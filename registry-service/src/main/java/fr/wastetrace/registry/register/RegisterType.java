package fr.wastetrace.registry.register;

import org.eclipse.microprofile.graphql.Enum;

/** The five legacy registers (the contract's {@code WasteRegistryType}), with the word their file names use. */
@Enum("WasteRegistryType")
public enum RegisterType {
    INCOMING("Entrant"),
    OUTGOING("Sortant"),
    TRANSPORTED("Transport"),
    MANAGED("Gestion"),
    ALL("Exhaustif");

    private final String fileWord;

    RegisterType(String fileWord) {
        this.fileWord = fileWord;
    }

    public String fileWord() {
        return fileWord;
    }
}
