package dev.rapport.customers.imports;

import dev.rapport.customers.CustomerIdentity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One CSV row read and checked, ready to become a customer. */
record ImportedCustomer(int row, String name, String preferredName, String pronunciation, String language,
                        String timeZone, String organisation, String segment, BigDecimal lifetimeSpend,
                        BigDecimal spendLast30Days, List<CustomerIdentity> identities, List<String> passions,
                        List<String> notes, Map<String, String> attributes) {
}
