package fr.wastetrace.bsd.bsdd.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** One change of a BSDD pushed to a {@code forms} subscriber, in the reference API's (Prisma-era) shape. */
@Type("FormSubscription")
@Description("Un changement de BSDD poussé à un abonné de la souscription forms (obsolète : utilisez formsLifeCycle).")
public class FormSubscription {
    @Description("CREATED, UPDATED ou DELETED.")
    public String mutation;
    @Description("Le BSDD après le changement ; null pour DELETED.")
    public Form node;
    @Description("Pour UPDATED : les champs de premier niveau de Form qui ont changé ; null si l'état précédent n'est "
            + "plus connu (changement précédent de plus de 7 jours).")
    public List<String> updatedFields;
    @Description("Le BSDD avant le changement (UPDATED), ou tel qu'il était à sa suppression (DELETED) ; null pour "
            + "CREATED, ou si l'état précédent n'est plus connu.")
    public Form previousValues;

    public FormSubscription() {
    }

    public FormSubscription(String mutation, Form node, List<String> updatedFields, Form previousValues) {
        this.mutation = mutation;
        this.node = node;
        this.updatedFields = updatedFields;
        this.previousValues = previousValues;
    }
}
