package fr.wastetrace.bsd.operations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the GraphQL operations a BSD type shares with the others, written at compile time by
 * {@link BsdOperationsProcessor} into a {@code @GraphQLApi} class {@code <name>Operations} of the annotated package.
 *
 * <p>Put it on the {@code package-info.java} of the type's {@code graphql} package. The processor reads the Java types
 * of the operations from the methods of the classes named here, so they need no listing:
 * <ul>
 *     <li>{@link #service()}: {@code create(caller, input, draft)}, {@code update(caller, id, input)},
 *     {@code publish(caller, id)}, {@code sign(caller, id, signatureInput)}, {@code duplicate(caller, id)},
 *     {@code delete(caller, id)}; and, if the type has transporters to create beforehand,
 *     {@code createTransporter(caller, input)}, {@code updateTransporter(caller, id, input)},
 *     {@code deleteTransporter(caller, id)};</li>
 *     <li>{@link #queries()}: {@code <lower name>(caller, id)}, {@code <lower name>s(caller, after, first, before,
 *     last, where)}, {@code metadata(bsd)}, {@code find(id)};</li>
 *     <li>{@link #revisions()}, if the type has revision requests: {@code list(caller, siret, where, after, first)},
 *     {@code create(caller, input)}, {@code submitApproval(caller, id, isApproved, comment)},
 *     {@code cancel(caller, id)}, {@code latest(bsdId)}; the metadata and the request carry {@code <lower name>Id}.</li>
 * </ul>
 * The type's name in lower case is its aggregate type, its PDF renderer's type and its type for allowed actions.
 * Descriptions are French, for API users; those that differ between types are given here.
 */
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface BsdOperations {
    /** The GraphQL type, which names the operations: {@code Bsvhu} gives {@code bsvhu}, {@code createBsvhu}… */
    String name();

    /** How users name the type in the descriptions: {@code BSVHU}. */
    String label();

    /** The type's write service. */
    Class<?> service();

    /** The type's read service. */
    Class<?> queries();

    /** The input of the type's transporter mutations, if it has transporters to create beforehand. */
    Class<?> transporterInput() default void.class;

    /** The type's revision requests, if it has any. */
    Class<?> revisions() default void.class;

    /** The name of the read check of {@code <name>Pdf} in {@link #queries()}; by default, reading the BSD. */
    String pdfReadCheck() default "";

    /** The description of {@code create<name>}: what a published creation requires. */
    String create();

    /** The description of {@code sign<name>}: the signature steps. */
    String sign();

    /** The description of {@code delete<name>}: when it is allowed. */
    String delete();

    /** The description of {@code duplicate<name>}, when the template's does not fit. */
    String duplicate() default "";

    /** The description of {@code create<name>RevisionRequest}, for a type with revisions. */
    String createRevisionRequest() default "";
}
