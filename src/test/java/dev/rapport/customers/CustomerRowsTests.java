package dev.rapport.customers;

import dev.rapport.agents.Agent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A customer seen for the first time and stored in plain SQL ({@link CustomerRows}) is exactly what Spring Data JDBC
 * reads back, field for field; an address someone else already has stores nothing.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class CustomerRowsTests {

    private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired CustomerRows rows;
    @Autowired Customers customers;
    @Autowired CustomerDirectory directory;

    @Test
    void aCustomerStoredInPlainSqlIsWhatSpringDataReads() {
        Customer customer = Customer.create(directory.nextNumber(), "Ana Lima", T);
        customer.rename(new CustomerProfile("Ana Lima", "Ana", "AH-nah", "pt-BR", "America/Sao_Paulo", "Wholesale",
                null, Set.of(ContactChannel.SMS, ContactChannel.PHONE)), T.plusSeconds(1));
        customer.value(new BigDecimal("1200.50"), new BigDecimal("80.00"), T.plusSeconds(2));
        customer.chooseTheirPerson(new Agent.AgentId(UUID.randomUUID()), T.plusSeconds(3));
        customer.addIdentity(email(), T.plusSeconds(4));
        customer.addIdentity(new CustomerIdentity(IdentityKind.PHONE, "+3519" + (10_000_000
                + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 89_999_999))), T.plusSeconds(5));

        assertThat(rows.insertFirstSeen(customer)).isTrue();

        assertThat(customers.findById(customer.id().value()).orElseThrow()).usingRecursiveComparison()
                .isEqualTo(customer);
        assertThatThrownBy(() -> rows.insertFirstSeen(customer)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAddressThatAlreadyHasAnOwnerStoresNothing() {
        CustomerIdentity address = email();
        Customer first = Customer.create(directory.nextNumber(), "Ana Lima", T);
        first.addIdentity(address, T);
        Customer second = Customer.create(directory.nextNumber(), "Ana L.", T);
        second.addIdentity(address, T);

        assertThat(rows.insertFirstSeen(first)).isTrue();
        assertThat(rows.insertFirstSeen(second)).isFalse();

        assertThat(customers.findById(second.id().value())).isEmpty();
        assertThat(directory.ownerOf(address)).map(Customer::id).contains(first.id());
    }

    private static CustomerIdentity email() {
        return new CustomerIdentity(IdentityKind.EMAIL, "ana-" + UUID.randomUUID() + "@example.com");
    }
}
