package dev.rapport.chat;

import dev.rapport.agents.Team;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A chat widget on the business's website: the public key its script tag names, the team its chats go to, how it
 * looks and greets, the websites allowed to show it, which pre-chat fields it asks for, whether it follows the team's
 * office hours, and the secret that signs logged-in customers' identities.
 */
public class ChatWidget {

    /** Whether the pre-chat form asks for a field, and whether it must be filled. */
    public enum Field { OFF, OPTIONAL, REQUIRED }

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final @Id UUID id;
    private final String publicKey;
    private String name;
    private UUID team;
    private String colour;
    private String greeting;
    private String offlineMessage;
    private String allowedOrigins;
    private Field nameField;
    private Field emailField;
    private boolean officeHours;
    private String secret;
    private final Instant createdAt;
    private @Version Long version;

    @PersistenceCreator
    ChatWidget(UUID id, String publicKey, String name, UUID team, String colour, String greeting,
               String offlineMessage, String allowedOrigins, Field nameField, Field emailField, boolean officeHours,
               String secret, Instant createdAt, Long version) {
        this.id = id;
        this.publicKey = publicKey;
        this.name = name;
        this.team = team;
        this.colour = colour;
        this.greeting = greeting;
        this.offlineMessage = offlineMessage;
        this.allowedOrigins = allowedOrigins;
        this.nameField = nameField;
        this.emailField = emailField;
        this.officeHours = officeHours;
        this.secret = secret;
        this.createdAt = createdAt;
        this.version = version;
    }

    static ChatWidget create(WidgetTerms terms, String publicKey, String secret, Instant now) {
        ChatWidget widget = new ChatWidget(UUID.randomUUID(), publicKey, "", null, "", "", "", "", Field.OPTIONAL,
                Field.OPTIONAL, false, secret, now, null);
        widget.change(terms);
        return widget;
    }

    /** @throws IllegalArgumentException naming what is wrong, in words for the admin */
    void change(WidgetTerms terms) {
        if (terms.name() == null || terms.name().isBlank()) {
            throw new IllegalArgumentException("Give the widget a name, e.g. the website it is on.");
        }
        if (terms.name().strip().length() > 200) {
            throw new IllegalArgumentException("Use at most 200 characters for the name.");
        }
        if (terms.colour() == null || !COLOUR.matcher(terms.colour().strip()).matches()) {
            throw new IllegalArgumentException("Choose a colour like #2f6fde.");
        }
        if (terms.greeting() == null || terms.greeting().isBlank() || terms.greeting().strip().length() > 500) {
            throw new IllegalArgumentException("Write a greeting of at most 500 characters.");
        }
        if (terms.offlineMessage() == null || terms.offlineMessage().isBlank()
                || terms.offlineMessage().strip().length() > 500) {
            throw new IllegalArgumentException("Write an offline message of at most 500 characters.");
        }
        List<String> origins = origins(terms.allowedOrigins());
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("Name at least one website, e.g. https://shop.example.");
        }
        this.name = terms.name().strip();
        this.team = terms.team() == null ? null : terms.team().value();
        this.colour = terms.colour().strip().toLowerCase(Locale.ROOT);
        this.greeting = terms.greeting().strip();
        this.offlineMessage = terms.offlineMessage().strip();
        this.allowedOrigins = String.join("\n", origins);
        this.nameField = terms.nameField() == null ? Field.OPTIONAL : terms.nameField();
        this.emailField = terms.emailField() == null ? Field.OPTIONAL : terms.emailField();
        this.officeHours = terms.officeHours();
    }

    void rotateSecret(String secret) {
        this.secret = secret;
    }

    /** The website origins, one per line or separated by spaces or commas, each like {@code https://shop.example}. */
    static List<String> origins(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("[\\s,]+")).filter(s -> !s.isBlank()).map(ChatWidget::origin).distinct()
                .toList();
    }

    private static String origin(String typed) {
        try {
            URI uri = URI.create(typed.strip());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath()))) {
                throw new IllegalArgumentException();
            }
            return uri.getScheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + typed.strip() + "\" is not a website origin; write it like "
                    + "https://shop.example (scheme and host, no path).");
        }
    }

    /** True when a page of {@code origin} (the browser's Origin header) may show this widget. */
    public boolean allows(String origin) {
        return origin != null && allowedOrigins().contains(origin.toLowerCase(Locale.ROOT));
    }

    public UUID id() {
        return id;
    }

    public String publicKey() {
        return publicKey;
    }

    public String name() {
        return name;
    }

    public Optional<Team.TeamId> team() {
        return Optional.ofNullable(team).map(Team.TeamId::new);
    }

    public String colour() {
        return colour;
    }

    public String greeting() {
        return greeting;
    }

    public String offlineMessage() {
        return offlineMessage;
    }

    public List<String> allowedOrigins() {
        return allowedOrigins.isEmpty() ? List.of() : List.of(allowedOrigins.split("\n"));
    }

    public Field nameField() {
        return nameField;
    }

    public Field emailField() {
        return emailField;
    }

    public boolean officeHours() {
        return officeHours;
    }

    String secret() {
        return secret;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long version() {
        return version;
    }
}
