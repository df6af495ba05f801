package dev.rapport.chat;

import dev.rapport.shared.SecretTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The business's chat widgets, as the admin keeps them. */
@Service
@Transactional
public class WidgetDirectory {

    private final ChatWidgets widgets;
    private final Clock clock;

    WidgetDirectory(ChatWidgets widgets, Clock clock) {
        this.widgets = widgets;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the terms are not complete */
    public ChatWidget create(WidgetTerms terms) {
        String key = SecretTokens.generate("cw_").substring(0, 27);
        return widgets.save(ChatWidget.create(terms, key, SecretTokens.generate("cws_"), clock.instant()));
    }

    /** @throws IllegalArgumentException when the terms are not complete */
    public ChatWidget change(UUID id, WidgetTerms terms) {
        ChatWidget widget = widgets.findById(id).orElseThrow(() -> new IllegalArgumentException("No such widget."));
        widget.change(terms);
        return widgets.save(widget);
    }

    /** A new identity secret: identities signed with the old one are no longer trusted. */
    public ChatWidget rotateSecret(UUID id) {
        ChatWidget widget = widgets.findById(id).orElseThrow(() -> new IllegalArgumentException("No such widget."));
        widget.rotateSecret(SecretTokens.generate("cws_"));
        return widgets.save(widget);
    }

    /** The secret the business's server signs identities with; shown to admins only. */
    @Transactional(readOnly = true)
    public String secretOf(ChatWidget widget) {
        return widget.secret();
    }

    @Transactional(readOnly = true)
    public Optional<ChatWidget> find(UUID id) {
        return widgets.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<ChatWidget> byKey(String publicKey) {
        return publicKey == null ? Optional.empty() : widgets.findByPublicKey(publicKey);
    }

    @Transactional(readOnly = true)
    public List<ChatWidget> all() {
        return widgets.findAllByOrderByCreatedAt();
    }
}
