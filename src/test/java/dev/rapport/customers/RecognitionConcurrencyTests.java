package dev.rapport.customers;

import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.shared.EmailAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many first messages from new people at once: each conversation's customer is recognised (and created) without a
 * second database connection, so more simultaneous starts than the pool has connections never wait on each other,
 * and two first messages from one new address end with one customer.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class RecognitionConcurrencyTests {

    @Autowired Desk desk;
    @Autowired CustomerDirectory directory;
    @Value("${spring.datasource.hikari.maximum-pool-size}") int poolSize;

    @Test
    void moreNewCustomersAtOnceThanConnectionsAllGetTheirConversationAndOneAddressOneCustomer() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String shared = "twice-" + run + "@example.com";
        int starts = poolSize * 2;
        CountDownLatch ready = new CountDownLatch(starts);
        ExecutorService threads = Executors.newFixedThreadPool(starts);
        try {
            List<CompletableFuture<Conversation>> started = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                String address = i < 2 ? shared : "new-" + i + "-" + run + "@example.com";
                started.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    try {
                        ready.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return desk.start(new NewConversation("First time", new Requester("Someone new",
                            EmailAddress.of(address)), Channel.WEB_FORM, "Hello", null));
                }, threads));
            }
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(started).allSatisfy(each -> assertThat(each.join().customerId()).isPresent());
            assertThat(started.get(0).join().customerId()).isEqualTo(started.get(1).join().customerId());
            assertThat(directory.ownerOf(new CustomerIdentity(IdentityKind.EMAIL, shared))).isPresent();
        } finally {
            threads.shutdownNow();
        }
    }
}
