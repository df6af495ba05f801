package dev.rapport.conversations.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Desk;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The event streams behind live inbox and conversation pages, and the "I am drafting" signal. */
@Controller
class LiveController {

    private final LiveUpdates live;
    private final Desk desk;

    LiveController(LiveUpdates live, Desk desk) {
        this.live = live;
        this.desk = desk;
    }

    @GetMapping(path = "/live/inbox", produces = "text/event-stream")
    SseEmitter inbox(@AuthenticationPrincipal SignedInAgent me) {
        return live.watchInbox(me);
    }

    @GetMapping(path = "/live/conversations/{number}", produces = "text/event-stream")
    SseEmitter conversation(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me) {
        desk.visibleTo(number, me);
        return live.watchConversation(number, me);
    }

    @PostMapping("/live/conversations/{number}/drafting")
    ResponseEntity<Void> drafting(@PathVariable long number, @RequestParam boolean active,
                                  @AuthenticationPrincipal SignedInAgent me) {
        desk.visibleTo(number, me);
        live.drafting(number, me, active);
        return ResponseEntity.noContent().build();
    }
}
