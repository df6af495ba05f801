package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessProfile;
import dev.rapport.chat.ChatDesk;
import dev.rapport.chat.ChatLine;
import dev.rapport.chat.ChatWidget;
import dev.rapport.chat.WidgetDirectory;
import dev.rapport.chat.WidgetTerms;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Chat's pages: Admin → Chat for admins only (inline errors, the snippet, the secret), agents' availability, the chat
 * panel only on chat conversations they may see, and a transfer the visitor is told about.
 */
@RapportWebTest
class ChatPageTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired WidgetDirectory widgets;
    @Autowired ChatDesk chats;
    @Autowired Desk desk;

    private SignedInAgent admin;
    private SignedInAgent maria;
    private Team team;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        admin = agent(Role.ADMIN);
        maria = agent(Role.AGENT);
        team = roster.createTeam("Chat pages " + UUID.randomUUID(), null);
    }

    @Test
    void adminsCreateAWidgetWithInlineErrorsAndGetTheSnippetAndSecret() {
        assertThat(mvc.get().uri("/admin/chat").with(as(maria))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/chat").with(as(admin))).hasStatusOk().bodyText()
                .contains("New widget", "Websites allowed to show it");

        assertThat(mvc.post().uri("/admin/chat").with(as(admin)).with(csrf()).param("name", "Shop")
                .param("colour", "#22614f").param("greeting", "Hi").param("offlineMessage", "Away")
                .param("allowedOrigins", "https://shop.example/help")).hasStatusOk().bodyText()
                .contains("is not a website origin", "https://shop.example/help");

        String name = "Shop " + UUID.randomUUID();
        var created = mvc.post().uri("/admin/chat").with(as(admin)).with(csrf()).param("name", name)
                .param("team", team.id().toString()).param("colour", "#22614f").param("greeting", "Hi <there>")
                .param("offlineMessage", "Away").param("allowedOrigins", "https://shop.example")
                .param("nameField", "REQUIRED").param("emailField", "OFF").param("officeHours", "true").exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        ChatWidget widget = widgets.all().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
        assertThat(widget.nameField()).isEqualTo(ChatWidget.Field.REQUIRED);
        assertThat(widget.officeHours()).isTrue();
        assertThat(mvc.get().uri(created.getResponse().getRedirectedUrl()).with(as(admin))).hasStatusOk().bodyText()
                .contains("/chat/widget.js&quot; data-rapport-chat=&quot;" + widget.publicKey(), widgets.secretOf(widget),
                        "Hi &lt;there&gt;");
        assertThat(mvc.get().uri("/admin/chat/" + widget.id()).with(as(maria))).hasStatus(HttpStatus.FORBIDDEN);

        String before = widgets.secretOf(widget);
        assertThat(mvc.post().uri("/admin/chat/" + widget.id() + "/secret").with(as(admin)).with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(widgets.secretOf(widgets.find(widget.id()).orElseThrow())).isNotEqualTo(before);
        assertThat(mvc.post().uri("/admin/chat/" + widget.id() + "/secret").with(as(admin)))
                .as("no CSRF token").hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void agentsGoOnlineAndTheChatPanelIsOnlyForChatConversations() {
        assertThat(mvc.get().uri("/chats").with(as(maria))).hasStatusOk().bodyText().contains("Away", "Go online");
        assertThat(mvc.post().uri("/chats/availability").with(as(maria)).with(csrf()).param("online", "true")
                .param("cap", "4").param("back", "https://evil.example")).hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/inbox");
        assertThat(mvc.get().uri("/chats").with(as(maria))).hasStatusOk().bodyText()
                .contains("Online for chat", "0 of 4 chats");
        mvc.post().uri("/chats/availability").with(as(maria)).with(csrf()).param("online", "false").param("cap", "4")
                .exchange();

        Conversation email = desk.start(new NewConversation("Hi", new Requester("Paul", EmailAddress.of(
                "paul@example.com")), Channel.EMAIL, "Hello", null));
        assertThat(mvc.get().uri("/chats/panel/" + email.number()).with(as(maria))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/chats/panel/" + email.number())).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/chats/cues")).as("cues are for signed-in agents").hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/chats").with(as(maria))).bodyText().contains("data-chat-sound", "Sound on");
    }

    @Test
    void aTransferNotesItAssignsTheNewAgentAndTellsTheVisitorWhoHelpsNow() {
        ChatWidget widget = widgets.create(new WidgetTerms("Transfers", team.id(), "#22614f", "Hi", "Away",
                "https://shop.example", ChatWidget.Field.OPTIONAL, ChatWidget.Field.OPTIONAL, false));
        ChatDesk.Welcome welcome = chats.hello(widget, null, 0, "https://shop.example/castle", null);
        ChatDesk.Said said = chats.say(widget, welcome.visitor().id(), "c-" + UUID.randomUUID().toString()
                .replace("-", ""), "Is the castle <script>alert(1)</script> in stock?", "Ana", null);
        Conversation conversation = desk.find(new Conversation.ConversationId(said.line().conversation()))
                .orElseThrow();
        SignedInAgent sam = agent(Role.AGENT);

        assertThat(mvc.get().uri("/chats/panel/" + conversation.number()).with(as(maria))).hasStatusOk().bodyText()
                .contains("Live chat", "https://shop.example/castle", "unverified", "Transfer the chat");
        assertThat(mvc.get().uri("/conversations/" + conversation.number()).with(as(maria))).hasStatusOk()
                .bodyText().contains("Is the castle &lt;script&gt;alert(1)&lt;/script&gt; in stock?")
                .doesNotContain("<script>alert(1)</script>");

        assertThat(mvc.post().uri("/chats/" + conversation.number() + "/transfer").with(as(maria)).with(csrf())
                .param("to", "agent:" + sam.id()).param("note", "She wants the big castle"))
                .hasStatus(HttpStatus.FOUND);

        assertThat(desk.find(conversation.id()).orElseThrow().assignee()).contains(sam.id());
        assertThat(desk.messages(conversation.id())).anySatisfy(message ->
                assertThat(message.body()).contains("Transferred the chat to Test Agent: She wants the big castle"));
        assertThat(chats.hello(widget, welcome.token(), said.line().seq(), null, null).lines())
                .extracting(ChatLine::body).containsExactly("Test Agent is helping you now.");
        assertThat(mvc.post().uri("/chats/" + conversation.number() + "/transfer").with(as(maria))
                .param("to", "agent:" + sam.id())).as("no CSRF token").hasStatus(HttpStatus.FORBIDDEN);
    }

    private SignedInAgent agent(Role role) {
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, role))).orElseThrow());
    }

    private static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
