package org.dicta.language;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The direction in which a language's script is written, as HTML's {@code dir} attribute names it. */
public enum TextDirection {
    @JsonProperty("ltr") LTR,
    @JsonProperty("rtl") RTL
}
