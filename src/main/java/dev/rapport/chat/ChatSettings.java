package dev.rapport.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxMessageLength        characters a visitor may send in one message
 * @param messagesPerMinute       messages one visitor may send per minute
 * @param requestsPerMinutePerIp  connections, messages and offline forms one network address may make per minute
 * @param defaultChatCap          how many chats an agent takes at once until they choose otherwise
 * @param quietAfter              a chat whose last word was ours and that stays quiet this long waits on the customer
 * @param solveAfter              and is solved, with the closing message, after being quiet this much longer
 * @param closingMessage          what the visitor reads when a quiet chat is solved
 * @param quietCheckInterval      how often quiet chats are looked for
 * @param concurrentStarts        chats that may start a conversation at the same moment; keep it under half the
 *                                database pool (starting one holds two connections)
 */
@ConfigurationProperties("rapport.chat")
public record ChatSettings(@DefaultValue("2000") int maxMessageLength,
                           @DefaultValue("20") int messagesPerMinute,
                           @DefaultValue("120") int requestsPerMinutePerIp,
                           @DefaultValue("3") int defaultChatCap,
                           @DefaultValue("10m") Duration quietAfter,
                           @DefaultValue("20m") Duration solveAfter,
                           @DefaultValue("It looks like we have covered everything for now, so I am closing this chat. "
                                   + "Write again any time; we will be glad to help.") String closingMessage,
                           @DefaultValue("30s") Duration quietCheckInterval,
                           @DefaultValue("4") int concurrentStarts) {
}
