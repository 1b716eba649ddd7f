package fr.wastetrace.bsd.bsdd.graphql;

import fr.wastetrace.bsd.bsdd.model.Packagings;
import fr.wastetrace.bsd.common.SignatureAuthor;
import org.eclipse.microprofile.graphql.NonNull;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** Deprecated signedByTransporter: emission and transport at once, with the emitter's security code. */
@Input("TransporterSignatureFormInput")
public class TransporterSignatureFormInput {
    @NonNull
    public Boolean signedByTransporter;
    @NonNull
    public Integer securityCode;
    public SignatureAuthor signatureAuthor;
    @NonNull
    public Instant sentAt;
    @NonNull
    public String sentBy;
    @NonNull
    public Boolean signedByProducer;
    public List<@NonNull PackagingInfoInput> packagingInfos;
    public List<Packagings> packagings;
    @NonNull
    public Double quantity;
    public String onuCode;
}
