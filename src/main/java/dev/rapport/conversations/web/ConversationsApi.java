package dev.rapport.conversations.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationUpdate;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Inbox;
import dev.rapport.conversations.InboxFilter;
import dev.rapport.conversations.InboxItem;
import dev.rapport.conversations.InboxPage;
import dev.rapport.conversations.InboxView;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Priority;
import dev.rapport.conversations.Requester;
import dev.rapport.conversations.Status;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Conversations and their messages over the REST API, with the inbox's views, filters and keyset cursor. */
@RestController
@Tag(name = "Conversations")
class ConversationsApi {

    record CustomerInput(@NotBlank(message = "must not be blank") @Size(max = 200) String name,
                         @NotBlank(message = "must not be blank") @Email(message = "must be an email address")
                         String email) {
    }

    record CreateConversation(@Size(max = 300, message = "must be at most 300 characters") String subject,
                              @NotNull(message = "must be given") @Valid CustomerInput customer,
                              @NotBlank(message = "must not be blank")
                              @Size(max = 100000, message = "must be at most 100000 characters") String message,
                              Channel channel) {
    }

    record UpdateConversation(Status status, Priority priority, String assignee, String team, Set<String> tags,
                              @Size(max = 300) String summary, Long version) {
    }

    record AddMessage(@NotBlank(message = "must not be blank")
                      @Pattern(regexp = "reply|note", message = "must be 'reply' or 'note'") String type,
                      @NotBlank(message = "must not be blank")
                      @Size(max = 100000, message = "must be at most 100000 characters") String body) {
    }

    record ConversationView(String id, long number, String subject, String customerName, String customerEmail,
                            Channel channel, Status status, Priority priority, String assignee, String team,
                            Set<String> tags, String summary, Instant createdAt, Instant waitingSince,
                            Instant firstResponseAt, Instant solvedAt, long version) {
        static ConversationView of(Conversation c) {
            return new ConversationView(c.id().toString(), c.number(), c.subject(), c.requester().name(),
                    c.requester().email() == null ? null : c.requester().email().value(), c.channel(), c.status(),
                    c.priority(), c.assignee().map(Agent.AgentId::toString).orElse(null),
                    c.team().map(Team.TeamId::toString).orElse(null), c.tags(), c.summary(), c.createdAt(),
                    c.waitingSince(), c.firstResponseAt(), c.solvedAt(), c.version());
        }
    }

    record ListItem(String id, long number, String subject, String customerName, String customerEmail,
                    Channel channel, Status status, Priority priority, String assignee, String team,
                    List<String> tags, Instant waitingSince) {
        static ListItem of(InboxItem i) {
            return new ListItem(i.id().toString(), i.number(), i.subject(), i.requesterName(), i.requesterEmail(),
                    i.channel(), i.status(), i.priority(), i.assignee() == null ? null : i.assignee().toString(),
                    i.team() == null ? null : i.team().toString(), i.tags(), i.waitingSince());
        }
    }

    record ListPage(List<ListItem> items, String next) {
    }

    record MessageView(String id, String type, String author, String body, Channel channel, String delivery,
                       String deliveryError, Instant createdAt) {
        static MessageView of(Message m) {
            return new MessageView(m.id().toString(), switch (m.kind()) {
                case INBOUND -> "customer";
                case REPLY -> "reply";
                case NOTE -> "note";
            }, m.authorName(), m.body(), m.channel(), m.delivery() == null ? null : m.delivery().name(),
                    m.deliveryError(), m.createdAt());
        }
    }

    private final Desk desk;
    private final Inbox inbox;

    ConversationsApi(Desk desk, Inbox inbox) {
        this.desk = desk;
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/conversations")
    @Operation(summary = "List conversations", description = "The inbox views with filters, longest-waiting first; "
            + "pass 'next' back as 'cursor' for the following page.")
    ListPage list(@AuthenticationPrincipal SignedInAgent me,
                  @RequestParam(defaultValue = "all-open") String view, @RequestParam(required = false) Status status,
                  @RequestParam(required = false) UUID assignee, @RequestParam(required = false) UUID team,
                  @RequestParam(required = false) String tag, @RequestParam(required = false) Channel channel,
                  @RequestParam(required = false) Priority priority, @RequestParam(required = false) String cursor,
                  @RequestParam(defaultValue = "25") int limit) {
        InboxFilter filter = new InboxFilter(status, assignee == null ? null : new Agent.AgentId(assignee),
                team == null ? null : new Team.TeamId(team), tag, channel, priority);
        InboxPage page = inbox.page(InboxView.fromSlug(view), filter, me, cursor, limit);
        return new ListPage(page.items().stream().map(ListItem::of).toList(), page.next());
    }

    @GetMapping("/api/v1/conversations/{number}")
    @Operation(summary = "Get a conversation by its number")
    ConversationView get(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me) {
        return ConversationView.of(desk.visibleTo(number, me));
    }

    @PostMapping("/api/v1/conversations")
    @Operation(summary = "Start a conversation with a customer's first message")
    ResponseEntity<ConversationView> create(@Valid @RequestBody CreateConversation request) {
        Conversation conversation = desk.start(new NewConversation(request.subject(),
                new Requester(request.customer().name(), EmailAddress.of(request.customer().email())),
                request.channel() == null ? Channel.API : request.channel(), request.message(), null));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{number}")
                .buildAndExpand(conversation.number()).toUri()).body(ConversationView.of(conversation));
    }

    @PatchMapping("/api/v1/conversations/{number}")
    @Operation(summary = "Change status, priority, assignee, team, tags or summary",
            description = "Send 'version' from the last read to be told (409) when someone else changed it since. "
                    + "An empty string for assignee or team clears it.")
    ConversationView update(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                            @Valid @RequestBody UpdateConversation request) {
        Conversation conversation = desk.visibleTo(number, me);
        Conversation updated = desk.update(conversation.id(), me, new ConversationUpdate(request.status(),
                request.priority(), Ids.optional(request.assignee(), Agent.AgentId::new),
                Ids.optional(request.team(), Team.TeamId::new),
                request.tags(), request.summary()), request.version());
        return ConversationView.of(updated);
    }

    @GetMapping("/api/v1/conversations/{number}/messages")
    @Operation(summary = "The conversation's messages, oldest first")
    List<MessageView> messages(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me) {
        return desk.messages(desk.visibleTo(number, me).id()).stream().map(MessageView::of).toList();
    }

    @PostMapping("/api/v1/conversations/{number}/messages")
    @Operation(summary = "Reply to the customer or add an internal note")
    ResponseEntity<MessageView> addMessage(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me,
                                           @Valid @RequestBody AddMessage request) {
        Conversation conversation = desk.visibleTo(number, me);
        Message message = "note".equals(request.type()) ? desk.note(conversation.id(), me, request.body())
                : desk.reply(conversation.id(), me, request.body(), null, null);
        return ResponseEntity.status(HttpStatus.CREATED).body(MessageView.of(message));
    }

    @ExceptionHandler(Desk.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(Desk.NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(Desk.NotAllowed.class)
    ResponseEntity<ProblemDetail> notAllowed(Desk.NotAllowed e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(Desk.Stale.class)
    ResponseEntity<ProblemDetail> stale(Desk.Stale e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Changed by someone else", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).body(ApiProblems.problem(status, type, title, detail));
    }
}
