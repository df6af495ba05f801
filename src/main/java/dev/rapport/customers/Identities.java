package dev.rapport.customers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.rapport.shared.EmailAddress;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Turns what people type into the one stored form of an identity: email addresses in lower case, phone numbers in
 * E.164 (numbers without a country code are read as numbers of {@code rapport.customers.default-phone-region}).
 */
@Component
public class Identities {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final CustomerSettings settings;

    Identities(CustomerSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws IllegalArgumentException with a message for the person who typed it
     */
    public CustomerIdentity normalise(IdentityKind kind, String raw) {
        try {
            return normalised(kind, raw);
        } catch (InvalidIdentity e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentity(kind, e.getMessage());
        }
    }

    private CustomerIdentity normalised(IdentityKind kind, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("Enter the " + kind.label().toLowerCase(Locale.ROOT) + ".");
        }
        String value = raw.strip();
        return switch (kind) {
            case EMAIL -> new CustomerIdentity(kind, EmailAddress.of(value).value());
            case PHONE -> new CustomerIdentity(kind, e164(value));
            case CHAT, EXTERNAL -> {
                if (value.length() > 320) {
                    throw new IllegalArgumentException("Identifiers are 320 characters at most.");
                }
                yield new CustomerIdentity(kind, value);
            }
        };
    }

    /** The number in E.164 (+14155550123), or an error saying why it is not a phone number. */
    public String e164(String raw) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(raw, settings.defaultPhoneRegion());
            if (!PHONES.isPossibleNumber(number)) {
                throw new IllegalArgumentException("\"" + raw + "\" is not a phone number: too short or too long.");
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("\"" + raw + "\" is not a phone number"
                    + (e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE
                    ? ": start it with + and the country code." : "."));
        }
    }

    /** Whether the text could be meant as a phone number (used by search to decide how to look). */
    static boolean looksLikePhone(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.length() >= 6 && text.matches("[+0-9 ()./-]+");
    }

    /** An E.164 number as people read it: +44 20 7946 0958. */
    static String displayPhone(String e164) {
        try {
            return PHONES.format(PHONES.parse(e164, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
