package dev.rapport.webform;

import dev.rapport.business.Business;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.mail.MailToSend;
import dev.rapport.mail.Outbox;
import dev.rapport.shared.EmailAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a contact-form submission into a conversation and acknowledges it to the customer, in one transaction: the
 * acknowledgement is queued exactly when the conversation exists.
 */
@Service
public class ContactDesk {

    private final Desk desk;
    private final Outbox outbox;
    private final BusinessProfile business;

    ContactDesk(Desk desk, Outbox outbox, BusinessProfile business) {
        this.desk = desk;
        this.outbox = outbox;
        this.business = business;
    }

    @Transactional
    public Conversation submit(ContactRequest request) {
        return submit(request, java.util.List.of());
    }

    /**
     * @throws IllegalArgumentException when a file cannot be attached; nothing is stored then
     */
    @Transactional
    public Conversation submit(ContactRequest request, java.util.List<dev.rapport.conversations.NewAttachment> files) {
        Requester requester = new Requester(request.name(), EmailAddress.of(request.email()));
        Conversation conversation = desk.start(new NewConversation(request.subject(), requester, Channel.WEB_FORM,
                request.message(), null), files);
        String businessName = business.current().map(Business::name).orElse("us");
        outbox.queue(new MailToSend(requester.email(), requester.name(),
                "We received your message [#" + conversation.number() + "]",
                """
                Hello %s,

                thank you for writing to %s. We have your message and a person will answer it; you do not need to \
                write again or call. Your reference is #%d.

                What you wrote:

                %s
                """.formatted(requester.name(), businessName, conversation.number(), request.message().strip()),
                "ack:" + conversation.id()));
        return conversation;
    }
}
