package dev.rapport.chat;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Team;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who hears a chat cue: the agent who has the chat, or for a new chat nobody has, the team's agents online. */
class ChatCuesTests {

    private final Agent.AgentId maria = new Agent.AgentId(UUID.randomUUID());
    private final Agent.AgentId sam = new Agent.AgentId(UUID.randomUUID());
    private final Team.TeamId shop = new Team.TeamId(UUID.randomUUID());
    private final Team.TeamId billing = new Team.TeamId(UUID.randomUUID());

    private static Map<String, Object> cue(String type, Team.TeamId team, Agent.AgentId assignee) {
        Map<String, Object> cue = new HashMap<>();
        cue.put("type", type);
        cue.put("team", team == null ? null : team.value().toString());
        cue.put("assignee", assignee == null ? null : assignee.value().toString());
        return cue;
    }

    @Test
    void aChatSomeoneHasCuesOnlyThemWhateverTheirTeamOrAvailability() {
        assertThat(ChatCues.isFor(cue("new-chat", shop, maria), maria, Set.of(), false)).isTrue();
        assertThat(ChatCues.isFor(cue("visitor-wrote", shop, maria), maria, Set.of(), false)).isTrue();
        assertThat(ChatCues.isFor(cue("new-chat", shop, maria), sam, Set.of(shop), true)).isFalse();
        assertThat(ChatCues.isFor(cue("visitor-wrote", shop, maria), sam, Set.of(shop), true)).isFalse();
    }

    @Test
    void aNewChatNobodyHasCuesTheTeamsAgentsWhoTakeChatsNow() {
        assertThat(ChatCues.isFor(cue("new-chat", shop, null), sam, Set.of(shop), true)).isTrue();
        assertThat(ChatCues.isFor(cue("new-chat", shop, null), sam, Set.of(billing), true)).isFalse();
        assertThat(ChatCues.isFor(cue("new-chat", shop, null), sam, Set.of(shop), false)).isFalse();
        assertThat(ChatCues.isFor(cue("new-chat", null, null), sam, Set.of(), true)).isTrue();
        assertThat(ChatCues.isFor(cue("visitor-wrote", shop, null), sam, Set.of(shop), true)).isFalse();
    }
}
