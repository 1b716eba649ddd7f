package fr.wastetrace.bsd.common;

import io.smallrye.graphql.api.CustomScalar;
import io.smallrye.graphql.api.CustomStringScalar;

/** The contract's {@code JSON} scalar; a value is sent as its JSON text. */
@CustomScalar("JSON")
public class Json implements CustomStringScalar {
    private final String text;

    public Json(String text) {
        this.text = text;
    }

    @Override
    public String stringValueForSerialization() {
        return text;
    }
}
