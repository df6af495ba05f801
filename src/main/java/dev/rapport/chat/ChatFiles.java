package dev.rapport.chat;

import dev.rapport.conversations.Attachment;
import dev.rapport.conversations.AttachmentStore;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.NewAttachment;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files in chat: a visitor sends one (checked by {@link ChatFileCheck}, kept by the conversations module's attachment
 * store on the visitor's message, stored under the id their browser gave it, so a resend is the same line), and
 * downloads the files of their own chat, theirs and those attached to our replies, and no one else's.
 */
@Service
public class ChatFiles {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /** A file a visitor may download, opened. */
    public record Download(Attachment attachment, InputStream content) {
    }

    private final ChatDesk chats;
    private final ChatLines lines;
    private final VisitorLimiter limiter;
    private final ChatSettings settings;
    private final ChatFileCheck check;
    private final Desk desk;
    private final AttachmentStore store;

    ChatFiles(ChatDesk chats, ChatLines lines, VisitorLimiter limiter, ChatSettings settings,
              ChatFileSettings fileSettings, Desk desk, AttachmentStore store) {
        this.chats = chats;
        this.lines = lines;
        this.limiter = limiter;
        this.settings = settings;
        this.check = new ChatFileCheck(fileSettings);
        this.desk = desk;
        this.store = store;
    }

    /**
     * The visitor sends a file, with an optional caption. Stored (with the conversation's message and its attachment)
     * before this returns; a client id seen before returns the stored line and stores nothing.
     *
     * @throws ChatRefused when the file is too big, of a type not accepted, empty, the caption too long, the visitor
     *                     sends too fast, or a required pre-chat field is missing
     */
    public ChatDesk.Said send(ChatWidget widget, UUID visitor, String clientId, NewAttachment file, String caption,
                              String name, String email) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new ChatRefused("bad-id", "This file has no valid id.");
        }
        Optional<ChatLine> before = lines.byClientId(visitor, clientId);
        if (before.isPresent()) {
            return new ChatDesk.Said(before.get(), true);
        }
        String text = caption == null ? "" : caption.strip();
        if (text.length() > settings.maxMessageLength()) {
            throw new ChatRefused("too-long", "Please keep a message under " + settings.maxMessageLength()
                    + " characters.");
        }
        byte[] head;
        try {
            head = ChatFileCheck.head(file.content().open());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = file.fileName() == null || file.fileName().isBlank() ? "file" : file.fileName().strip();
        ChatFileCheck.Accepted accepted = check.check(fileName, file.size(), head);
        if (!limiter.allowsMessage(visitor)) {
            throw new ChatRefused("too-fast", "You are sending faster than we can read. Please wait a moment.");
        }
        NewAttachment kept = new NewAttachment(fileName, accepted.contentType(), file.size(), file.content());
        try {
            return chats.stored(widget, visitor, clientId, text, text.isEmpty() ? fileName : text, name, email,
                    List.of(kept));
        } catch (IllegalArgumentException refusedByTheStore) {
            throw new ChatRefused("file-refused", refusedByTheStore.getMessage());
        }
    }

    /**
     * A file of the visitor's own chat: one they sent or one attached to a reply to them.
     *
     * @return empty for any other file, whoever's it is
     */
    public Optional<Download> open(Visitor visitor, UUID attachment) {
        List<Message.MessageId> theirs = lines.messagesOf(visitor.id()).stream().map(Message.MessageId::new).toList();
        return desk.attachmentsOf(theirs).values().stream().flatMap(List::stream)
                .filter(file -> file.id().equals(attachment)).findFirst().map(file -> {
                    try {
                        return new Download(file, store.open(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
