package dev.rapport.chat.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.chat.ChatAvailability;
import dev.rapport.chat.ChatConsole;
import dev.rapport.chat.ChatDesk;
import dev.rapport.chat.ChatFanOut;
import dev.rapport.chat.Visitor;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The agents' side of chat: their availability (online or away, and how many chats at once), the live chat panel
 * beside a chat conversation (the visitor typing, the page they are on, whether they are connected and have read our
 * replies, transfer), its event stream, and the "agent is typing" signal to the visitor.
 */
@Controller
class ChatConsoleController {

    private final ChatAvailability availability;
    private final ChatConsole console;
    private final ChatDesk chats;
    private final ChatFanOut fanOut;
    private final Desk desk;
    private final Roster roster;
    private final java.util.Set<SseEmitter> streams = new java.util.concurrent.CopyOnWriteArraySet<>();

    ChatConsoleController(ChatAvailability availability, ChatConsole console, ChatDesk chats, ChatFanOut fanOut,
                          Desk desk, Roster roster) {
        this.availability = availability;
        this.console = console;
        this.chats = chats;
        this.fanOut = fanOut;
        this.desk = desk;
        this.roster = roster;
    }

    @PostMapping("/chats/availability")
    String setAvailability(@RequestParam boolean online, @RequestParam(defaultValue = "0") String cap,
                           @RequestParam(defaultValue = "/inbox") String back,
                           @AuthenticationPrincipal SignedInAgent me, RedirectAttributes flash) {
        int chats;
        try {
            chats = Integer.parseInt(cap.strip());
        } catch (NumberFormatException e) {
            chats = availability.of(me.id()).cap();
        }
        try {
            availability.set(me.id(), online, chats);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("chatError", e.getMessage());
        }
        return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/inbox");
    }

    @GetMapping("/chats")
    String page(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("state", availability.of(me.id()));
        return "chat/console";
    }

    @GetMapping("/chats/panel/{number}")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Conversation conversation = chatConversation(number, me);
        Visitor visitor = chats.visitorsOf(conversation.id()).stream().findFirst().orElse(null);
        model.addAttribute("conversation", conversation);
        model.addAttribute("visitor", visitor);
        model.addAttribute("state", availability.of(me.id()));
        model.addAttribute("agents", roster.agents().stream().filter(Agent::isActive)
                .filter(agent -> !agent.id().equals(me.id())).toList());
        model.addAttribute("teams", roster.teams());
        return "chat/panel :: panel";
    }

    @GetMapping(path = "/chats/live/{number}", produces = "text/event-stream")
    SseEmitter live(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me) {
        Conversation conversation = chatConversation(number, me);
        SseEmitter emitter = ChatStreams.of(fanOut, ChatFanOut.conversation(conversation.id().value()), streams,
                json -> true);
        console.seen(conversation);
        return emitter;
    }

    /** Ends every panel stream when the application stops, so that graceful shutdown does not wait for them. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeAll() {
        streams.forEach(SseEmitter::complete);
    }

    @PostMapping("/chats/{number}/typing")
    ResponseEntity<Void> typing(@PathVariable long number, @RequestParam boolean active,
                                @AuthenticationPrincipal SignedInAgent me) {
        console.typing(chatConversation(number, me), me, active);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/chats/{number}/transfer")
    String transfer(@PathVariable long number, @RequestParam(defaultValue = "") String to,
                    @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal SignedInAgent me,
                    RedirectAttributes flash) {
        Conversation conversation = chatConversation(number, me);
        try {
            Agent.AgentId agent = to.startsWith("agent:") ? new Agent.AgentId(UUID.fromString(to.substring(6))) : null;
            Team.TeamId team = to.startsWith("team:") ? new Team.TeamId(UUID.fromString(to.substring(5))) : null;
            console.transfer(conversation, me, agent, team, note);
            flash.addFlashAttribute("notice", "Chat handed over.");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("transferError", e.getMessage().isBlank() ? "Choose whom to hand it to."
                    : e.getMessage());
        }
        return "redirect:/conversations/" + number;
    }

    private Conversation chatConversation(long number, SignedInAgent me) {
        Conversation conversation = desk.visibleTo(number, me);
        if (conversation.channel() != Channel.CHAT) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return conversation;
    }
}
