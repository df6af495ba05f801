package dev.rapport.chat.web;

import dev.rapport.chat.ChatWidget;
import dev.rapport.chat.VisitorLimiter;
import dev.rapport.chat.WidgetDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The checks every visitor request passes: a known widget, a page of an allowed website, a network within limits. */
@Component
class VisitorGate {

    /** Why a visitor request is turned away, with its HTTP status. */
    record Refusal(HttpStatus status, String reason) {
    }

    private final WidgetDirectory widgets;
    private final VisitorLimiter limiter;

    VisitorGate(WidgetDirectory widgets, VisitorLimiter limiter) {
        this.widgets = widgets;
        this.limiter = limiter;
    }

    /** The widget, or why not. */
    Result check(String widgetKey, String origin, String address) {
        Optional<ChatWidget> widget = widgets.byKey(widgetKey);
        if (widget.isEmpty()) {
            return new Result(null, new Refusal(HttpStatus.NOT_FOUND, "No such chat widget."));
        }
        if (!widget.get().allows(origin)) {
            return new Result(null, new Refusal(HttpStatus.FORBIDDEN,
                    "This website is not allowed to show the chat widget."));
        }
        if (!limiter.allowsAddress(address)) {
            return new Result(null, new Refusal(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests from your network. Please wait a minute."));
        }
        return new Result(widget.get(), null);
    }

    record Result(ChatWidget widget, Refusal refusal) {

        boolean allowed() {
            return widget != null;
        }
    }
}
