package fr.wastetrace.bsd.operations;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Writes the {@code <name>Operations} class of each package or class annotated with {@link BsdOperations}: the
 * operations of {@link OperationsTemplate}, with the Java types read from the type's services. A service without a
 * method the template needs fails the compilation with a message naming the method.
 */
@SupportedAnnotationTypes("fr.wastetrace.bsd.operations.BsdOperations")
public class BsdOperationsProcessor extends AbstractProcessor {

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element annotated : round.getElementsAnnotatedWith(annotation)) {
                try {
                    write(annotated, read(annotated));
                } catch (Missing e) {
                    messager().printMessage(Diagnostic.Kind.ERROR, e.getMessage(), annotated);
                } catch (IOException e) {
                    messager().printMessage(Diagnostic.Kind.ERROR, "cannot write the operations: " + e, annotated);
                }
            }
        }
        return true;
    }

    private Messager messager() {
        return processingEnv.getMessager();
    }

    /** The template's values for one BSD type. */
    private OperationsTemplate.Values read(Element annotated) throws Missing {
        Map<String, AnnotationValue> given = annotationValues(annotated);
        String name = string(given, "name");
        String lower = OperationsTemplate.lowerFirst(name);
        TypeElement service = type(given, "service").orElseThrow(() -> new Missing("service is required"));
        TypeElement queries = type(given, "queries").orElseThrow(() -> new Missing("queries is required"));
        Optional<TypeElement> revisions = type(given, "revisions");

        ExecutableElement create = method(service, "create", 3);
        ExecutableElement sign = method(service, "sign", 3);
        ExecutableElement list = method(queries, lower + "s", 6);
        method(queries, lower, 2);
        method(queries, "find", 1);
        for (String m : List.of("update", "publish", "duplicate", "delete")) {
            method(service, m, m.equals("update") ? 3 : 2);
        }
        Optional<TypeElement> transporterInput = type(given, "transporterInput");
        Optional<String> transporter = transporterSide(service);
        if (transporterInput.isPresent() != transporter.isPresent()) {
            throw new Missing("a type with transporters to create beforehand gives both transporterInput and a public "
                    + "static field " + TRANSPORTERS + " (TransporterMutations.Side) in its service");
        }

        OperationsTemplate.Values v = new OperationsTemplate.Values();
        v.packageName = packageOf(annotated);
        v.name = name;
        v.label = string(given, "label");
        v.service = service.getQualifiedName().toString();
        v.queries = queries.getQualifiedName().toString();
        v.model = name(create.getReturnType());
        v.input = name(create.getParameters().get(1).asType());
        v.signatureInput = name(sign.getParameters().get(2).asType());
        v.connection = name(list.getReturnType());
        v.where = name(list.getParameters().get(5).asType());
        v.metadata = name(method(queries, "metadata", 1).getReturnType());
        v.pdfReadCheck = string(given, "pdfReadCheck");
        v.createDescription = string(given, "create");
        v.signDescription = string(given, "sign");
        v.deleteDescription = string(given, "delete");
        v.duplicateDescription = string(given, "duplicate");
        if (transporter.isPresent()) {
            v.transporter = transporter.get();
            v.transporterInput = transporterInput.get().getQualifiedName().toString();
        }
        if (revisions.isPresent()) {
            TypeElement r = revisions.get();
            ExecutableElement revisionList = method(r, "list", 5);
            ExecutableElement revisionCreate = method(r, "create", 2);
            method(r, "submitApproval", 4);
            method(r, "cancel", 2);
            method(r, "latest", 1);
            v.revisions = r.getQualifiedName().toString();
            v.revisionRequest = name(revisionCreate.getReturnType());
            v.revisionRequestInput = name(revisionCreate.getParameters().get(1).asType());
            v.revisionRequestConnection = name(revisionList.getReturnType());
            v.revisionRequestWhere = name(revisionList.getParameters().get(2).asType());
            v.createRevisionRequestDescription = string(given, "createRevisionRequest");
            if (v.createRevisionRequestDescription.isEmpty()) {
                throw new Missing("createRevisionRequest (its description) is required with revisions");
            }
        }
        return v;
    }

    private void write(Element annotated, OperationsTemplate.Values values) throws IOException {
        String className = values.name + "Operations";
        String qualified = values.packageName + "." + className;
        try (Writer out = processingEnv.getFiler().createSourceFile(qualified, annotated).openWriter()) {
            out.write(OperationsTemplate.render(values));
        }
    }

    private Map<String, AnnotationValue> annotationValues(Element annotated) {
        Map<String, AnnotationValue> values = new LinkedHashMap<>();
        for (AnnotationMirror mirror : annotated.getAnnotationMirrors()) {
            if (!mirror.getAnnotationType().toString().equals(BsdOperations.class.getName())) {
                continue;
            }
            processingEnv.getElementUtils().getElementValuesWithDefaults(mirror)
                    .forEach((k, v) -> values.put(k.getSimpleName().toString(), v));
        }
        return values;
    }

    private static String string(Map<String, AnnotationValue> values, String name) {
        AnnotationValue v = values.get(name);
        return v == null ? "" : (String) v.getValue();
    }

    private static Optional<TypeElement> type(Map<String, AnnotationValue> values, String name) {
        AnnotationValue v = values.get(name);
        if (v == null || !(v.getValue() instanceof DeclaredType declared)) {
            return Optional.empty();
        }
        return Optional.of((TypeElement) declared.asElement());
    }

    private static final String TRANSPORTERS = "TRANSPORTERS";

    /** The transporter class of the service's {@code TRANSPORTERS} field ({@code Side<D, T>}), if it has one. */
    private static Optional<String> transporterSide(TypeElement service) throws Missing {
        for (VariableElement field : ElementFilter.fieldsIn(service.getEnclosedElements())) {
            if (!field.getSimpleName().contentEquals(TRANSPORTERS)) {
                continue;
            }
            if (!field.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC))
                    || !(field.asType() instanceof DeclaredType side) || side.getTypeArguments().size() != 2) {
                throw new Missing(service.getSimpleName() + "." + TRANSPORTERS
                        + " must be a public static TransporterMutations.Side<D, T>");
            }
            return Optional.of(name(side.getTypeArguments().get(1)));
        }
        return Optional.empty();
    }

    private String packageOf(Element annotated) {
        PackageElement p = annotated.getKind() == ElementKind.PACKAGE ? (PackageElement) annotated
                : processingEnv.getElementUtils().getPackageOf(annotated);
        return p.getQualifiedName().toString();
    }

    private ExecutableElement method(TypeElement owner, String name, int parameters) throws Missing {
        return optionalMethod(owner, name, parameters).orElseThrow(() -> new Missing(owner.getSimpleName()
                + " needs a public method " + name + " with " + parameters + " parameters"));
    }

    private Optional<ExecutableElement> optionalMethod(TypeElement owner, String name, int parameters) {
        return ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(owner)).stream()
                .filter(m -> m.getSimpleName().contentEquals(name) && m.getParameters().size() == parameters)
                .findFirst();
    }

    /** A type as the generated source names it: qualified, primitives and generics as written. */
    private static String name(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()
                : type.toString();
    }

    /** What the annotated type lacks for the template. */
    private static final class Missing extends Exception {
        Missing(String message) {
            super("@BsdOperations: " + message);
        }
    }
}
