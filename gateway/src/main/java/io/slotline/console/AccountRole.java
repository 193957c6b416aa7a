package io.slotline.console;

import java.util.Locale;

/** An operator sees and steers every company; a company account only its own. */
public enum AccountRole {
    OPERATOR,
    COMPANY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountRole fromCode(String code) {
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "operator" -> OPERATOR;
            case "company" -> COMPANY;
            default ->
                throw new ConsoleAccountException(
                        ConsoleAccountException.Kind.INVALID, "role", "role must be operator or company");
        };
    }
}
