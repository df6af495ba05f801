package dev.rapport.customers.imports;

import java.util.List;
import java.util.Locale;

/** What a CSV column can become on the customer. Attributes the admin defined are offered besides these. */
public enum ImportField {
    IGNORE("Don't import", false),
    NAME("Name", false, "name", "fullname", "customer", "customername", "contact", "contactname"),
    FIRST_NAME("First name", false, "firstname", "givenname", "forename", "first"),
    LAST_NAME("Last name", false, "lastname", "surname", "familyname", "last"),
    PREFERRED_NAME("What they like to be called", false, "preferredname", "nickname", "callthem", "preferred"),
    PRONUNCIATION("How to say it", false, "pronunciation", "howtosayit"),
    EMAIL("Email", true, "email", "emailaddress", "mail", "email1", "email2", "secondaryemail", "workemail"),
    PHONE("Phone", true, "phone", "phonenumber", "telephone", "tel", "mobile", "cell", "mobilephone", "phone1",
            "phone2", "workphone", "homephone"),
    EXTERNAL_ID("External id (e.g. shop customer id)", true, "id", "externalid", "customerid", "shopid",
            "shopcustomerid", "clientid"),
    ORGANISATION("Organisation", false, "organisation", "organization", "company", "companyname", "business",
            "employer", "org"),
    SEGMENT("Segment", false, "segment", "customertype", "type", "tier"),
    LANGUAGE("Language", false, "language", "lang", "locale"),
    TIME_ZONE("Time zone", false, "timezone", "tz"),
    LIFETIME_SPEND("Lifetime spend", false, "lifetimespend", "totalspent", "totalspend", "ltv", "lifetimevalue",
            "revenue"),
    SPEND_LAST_30_DAYS("Spend in the last 30 days", false, "spendlast30days", "last30days", "spend30days",
            "spend30"),
    PASSIONS("Passions (separated by ;)", false, "passions", "passion", "interests", "hobbies", "interest"),
    NOTE("Personal note", true, "note", "notes", "comment", "comments", "remarks");

    private final String label;
    private final boolean repeatable;
    private final List<String> headings;

    ImportField(String label, boolean repeatable, String... headings) {
        this.label = label;
        this.repeatable = repeatable;
        this.headings = List.of(headings);
    }

    public String label() {
        return label;
    }

    /** Whether more than one column may map here (a second email, another note). */
    public boolean repeatable() {
        return repeatable;
    }

    /** The field a column heading most likely means, or {@link #IGNORE}. */
    static ImportField guess(String heading) {
        String plain = plain(heading);
        for (ImportField field : values()) {
            if (field.headings.contains(plain)) {
                return field;
            }
        }
        return IGNORE;
    }

    static String plain(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
