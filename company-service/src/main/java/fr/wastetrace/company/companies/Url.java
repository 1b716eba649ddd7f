package fr.wastetrace.company.companies;

import io.smallrye.graphql.api.CustomScalar;
import io.smallrye.graphql.api.CustomStringScalar;

/** The contract's {@code URL} scalar (company-service checks the address where it accepts one). */
@CustomScalar("URL")
public final class Url implements CustomStringScalar {
    private final String value;

    public Url(String value) {
        this.value = value;
    }

    @Override
    public String stringValueForSerialization() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
