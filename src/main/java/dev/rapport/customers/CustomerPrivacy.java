package dev.rapport.customers;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.CustomerConversations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customer's rights over their data, for admins only: export everything Rapport holds about them, and erase them
 * (identities and personal fields anonymised, conversations kept for the statistics with the customer's words
 * blanked). Both leave an audit entry.
 */
@Service
@Transactional
public class CustomerPrivacy {

    private final CustomerDirectory directory;
    private final Customers customers;
    private final AuditTrail audit;
    private final CustomerConversations conversations;
    private final Clock clock;

    CustomerPrivacy(CustomerDirectory directory, Customers customers, AuditTrail audit,
                    CustomerConversations conversations, Clock clock) {
        this.directory = directory;
        this.customers = customers;
        this.audit = audit;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** Everything about the customer as a JSON-ready map. */
    public Map<String, Object> export(long number, SignedInAgent admin) {
        requireAdmin(admin);
        Customer customer = directory.require(number);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("number", customer.number());
        data.put("name", customer.name());
        data.put("preferredName", customer.preferredName());
        data.put("pronunciation", customer.pronunciation());
        data.put("language", customer.language());
        data.put("timeZone", customer.timeZone());
        data.put("organisation", customer.organisation().flatMap(directory::organisation).map(Organisation::name)
                .orElse(null));
        data.put("segment", customer.segment());
        data.put("lifetimeSpend", customer.lifetimeSpend());
        data.put("spendLast30Days", customer.spendLast30Days());
        data.put("doNotContact", customer.doNotContact());
        data.put("customerSince", customer.createdAt());
        data.put("identities", customer.identities().stream()
                .map(i -> Map.of("kind", i.kind().name(), "value", i.value())).toList());
        data.put("passions", customer.passions().stream().map(p -> Map.of("text", p.text(),
                "learnedBy", p.learnedByName(), "learnedAt", p.learnedAt())).toList());
        data.put("notes", customer.notes().stream().map(n -> Map.of("body", n.body(), "author", n.authorName(),
                "pinned", n.pinned(), "createdAt", n.createdAt())).toList());
        data.put("attributes", customer.attributes());
        data.put("conversations", allConversationsOf(customer).stream()
                .map(c -> Map.of("number", c.number(), "subject", c.subject(), "channel", c.channel().name(),
                        "status", c.status().name(), "createdAt", c.createdAt())).toList());
        audit.record(AuditEntry.of(customer.id(), "EXPORTED", admin, "Exported as JSON", clock.instant()));
        return data;
    }

    private List<CustomerConversations.Summary> allConversationsOf(Customer customer) {
        List<CustomerConversations.Summary> all = new ArrayList<>();
        List<CustomerConversations.Summary> page = conversations.of(Set.of(customer.id().value()), null, 500);
        while (!page.isEmpty()) {
            all.addAll(page);
            page = page.size() < 500 ? List.of()
                    : conversations.of(Set.of(customer.id().value()), page.getLast().number(), 500);
        }
        return all;
    }

    /** Forgets the customer. Their number stays, so statistics and references stay whole. */
    public Customer erase(long number, SignedInAgent admin) {
        requireAdmin(admin);
        Customer customer = directory.require(number);
        if (customer.isErased()) {
            return customer;
        }
        Instant now = clock.instant();
        customer.erase(now);
        customer = customers.save(customer);
        int touched = conversations.forgetCustomer(customer.id().value(), customer.name(), admin.name());
        audit.record(AuditEntry.of(customer.id(), "ERASED", admin, "Personal data erased; " + touched
                + " conversation" + (touched == 1 ? "" : "s") + " anonymised", now));
        return customer;
    }

    private static void requireAdmin(SignedInAgent agent) {
        if (!agent.isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only admins can export or erase a customer.");
        }
    }

    List<AuditEntry> trail(Customer customer) {
        return audit.of(customer.id());
    }
}
