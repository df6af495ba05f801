package dev.rapport.email;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What kind of mail arrived: a person writing, an automatic reply (out of office, ticket systems, mailing lists), a
 * bounce, or Rapport's own mail come back. Only a person's mail is ever acknowledged, so two automatic systems
 * cannot answer each other forever.
 */
public enum MailKind {

    CUSTOMER, AUTO_REPLY, BOUNCE, OWN;

    private static final Pattern VACATION = Pattern.compile(
            "^(auto(matic)?[ -]?(reply|response|antwort)|auto:|out of (the )?office|ooo\\b|on vacation|on holiday|"
                    + "away from|abwesenheit|réponse automatique|respuesta automática|risposta automatica|"
                    + "autosvar|automatisch antwoord|i am away|i'm away)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param ours whether an address is one of our mailboxes
     */
    static MailKind of(ParsedEmail email, Predicate<String> ours) {
        ParsedEmail.Noise noise = email.noise();
        String from = email.from() == null ? "" : email.from().address();
        if (noise.loopHeader() != null || ours.test(from)) {
            return OWN;
        }
        if (noise.deliveryReport() || DAEMON.matcher(from).find()
                || (email.bounce() != null && email.bounce().originalMessageId() != null)) {
            return BOUNCE;
        }
        if ("".equals(email.returnPath())) {
            return email.subject() != null && VACATION.matcher(email.subject().strip()).find() ? AUTO_REPLY : BOUNCE;
        }
        String autoSubmitted = noise.autoSubmitted() == null ? "no" : noise.autoSubmitted().toLowerCase(Locale.ROOT);
        String precedence = noise.precedence() == null ? "" : noise.precedence().toLowerCase(Locale.ROOT);
        if (!autoSubmitted.startsWith("no") || noise.xAutoreply() || noise.xAutorespond()
                || precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("list")
                || (email.subject() != null && VACATION.matcher(email.subject().strip()).find())) {
            return AUTO_REPLY;
        }
        return CUSTOMER;
    }

    public boolean automatic() {
        return this != CUSTOMER;
    }
}
