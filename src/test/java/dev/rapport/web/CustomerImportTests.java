package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerAttributes;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.IdentityKind;
import dev.rapport.customers.NewCustomer;
import dev.rapport.customers.imports.CustomerImport;
import dev.rapport.customers.imports.CustomerImporter;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Importing customers from CSV through the pages: mapping, good and bad rows, the report, and files that are not CSV. */
@RapportWebTest
class CustomerImportTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired CustomerDirectory directory;
    @Autowired CustomerAttributes attributes;
    @Autowired CustomerImporter importer;
    @Autowired JdbcClient jdbc;
    @Autowired dev.rapport.agents.ApiAccess apiAccess;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    private SignedInAgent lead;
    private String tag;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.LEAD);
        lead = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow());
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void validRowsBecomeCustomersAndEveryBadRowIsReportedWithItsReason() throws Exception {
        var type = attributes.define("Kind " + tag, "choice", "dealer\nend user");
        Customer existing = directory.create(new NewCustomer("Existing " + tag, null,
                List.of("taken-" + tag + "@example.com"), List.of(), List.of(), null), lead);
        String csv = String.join("\r\n",
                "Full name;E-mail;Phone;Company;Interests;Kind " + tag + ";Lifetime spend",
                "José Álvarez " + tag + ";JOSE-" + tag + "@Example.com;(415) 555-0199;Álvarez Toys " + tag
                        + ";\"Hot Wheels; trains\";Dealer;1.234,50",
                ";nobody-" + tag + "@example.com;;;;;",
                "Bad Email " + tag + ";not-an-email;;;;;",
                "Bad Phone " + tag + ";;12;;;;",
                "Twice " + tag + ";jose-" + tag + "@example.com;;;;;",
                "Taken " + tag + ";taken-" + tag + "@example.com;;;;;",
                "Wrong Kind " + tag + ";;;;;wholesaler;",
                "Too Many " + tag + ";;;;;;;extra",
                "\"Quoted; Name " + tag + "\";quoted-" + tag + "@example.com;+44 20 7946 0958;;;end user;");
        UUID id = upload("customers-" + tag + ".csv", csv.getBytes(Charset.forName("windows-1252")));

        String mapping = page(id);
        assertThat(mapping).contains("read as windows-1252").contains("José Álvarez " + tag);
        assertThat(mvc.post().uri("/customers/import/{id}/start", id).with(as()).with(csrf())
                .param("column0", "NAME").param("column1", "EMAIL").param("column2", "PHONE")
                .param("column3", "ORGANISATION").param("column4", "PASSIONS")
                .param("column5", "attribute:" + type.key()).param("column6", "LIFETIME_SPEND"))
                .hasStatus(HttpStatus.FOUND);
        CustomerImport done = awaitFinished(id);

        assertThat(done.status()).isEqualTo(CustomerImport.Status.DONE);
        assertThat(done.imported()).isEqualTo(2);
        assertThat(done.rejected()).isEqualTo(7);
        Customer jose = directory.lookup(IdentityKind.EMAIL, "jose-" + tag + "@example.com").orElseThrow();
        assertThat(jose.name()).isEqualTo("José Álvarez " + tag);
        assertThat(jose.identities(IdentityKind.PHONE)).extracting(i -> i.value()).containsExactly("+14155550199");
        assertThat(jose.passions()).extracting(p -> p.text()).containsExactlyInAnyOrder("Hot Wheels", "trains");
        assertThat(jose.attributes()).containsEntry(type.key(), "dealer");
        assertThat(jose.lifetimeSpend()).isEqualByComparingTo("1234.50");
        assertThat(directory.organisation(jose.organisation().orElseThrow()).orElseThrow().name())
                .isEqualTo("Álvarez Toys " + tag);
        assertThat(directory.lookup(IdentityKind.PHONE, "020 7946 0958 ".replace("020", "+44 20"))).isPresent()
                .get().extracting(Customer::name).isEqualTo("Quoted; Name " + tag);
        assertThat(directory.lookup(IdentityKind.EMAIL, "taken-" + tag + "@example.com")).get()
                .extracting(Customer::number).isEqualTo(existing.number());

        assertThat(importer.rejections(id, 100)).extracting(r -> r.row() + " " + r.reason()).containsExactly(
                "3 The name is missing.",
                "4 'not-an-email' is not an email address",
                "5 \"12\" is not a phone number: too short or too long.",
                "6 The email jose-" + tag + "@example.com is also in row 2.",
                "7 The email taken-" + tag + "@example.com belongs to Customer #" + existing.number() + " already.",
                "8 Kind " + tag + ": \"wholesaler\" is not one of dealer, end user.",
                "9 It has 8 cells but there are 7 column headings; a separator inside a cell needs quotes around "
                        + "the cell.");

        String result = page(id);
        assertThat(result).contains("Import finished").contains("Rows not imported").contains("The name is missing.");
        String report = mvc.get().uri("/customers/import/{id}/report.csv", id).with(as()).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report.lines().toList()).hasSize(8)
                .first().isEqualTo("\uFEFFRow;Reason;Full name;E-mail;Phone;Company;Interests;Kind " + tag
                        + ";Lifetime spend");
        assertThat(report).contains("4;'not-an-email' is not an email address;Bad Email " + tag
                + ";not-an-email;;;;;");
    }

    @Test
    void filesThatAreNotCsvAreRefusedWithAReasonAndNothingIsWritten() throws Exception {
        long importsBefore = count("customer_import");
        long customersBefore = count("customer");
        byte[] garbage = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(garbage);

        assertThat(uploadRefused("garbage.csv", garbage)).contains("not a CSV text file");
        assertThat(uploadRefused("empty.csv", new byte[0])).contains("Choose a CSV file");
        assertThat(uploadRefused("open-quote.csv", "Name,Email\n\"Ana,ana@example.com\nTom,tom@example.com\n"
                .getBytes(StandardCharsets.UTF_8))).contains("quote");
        assertThat(uploadRefused("headings-only.csv", "Name,Email\n".getBytes(StandardCharsets.UTF_8)))
                .contains("no customers below them");
        assertThat(uploadRefused("one-long-line.csv", "x".repeat(5000).getBytes(StandardCharsets.UTF_8)))
                .contains("column headings");

        assertThat(count("customer_import")).isEqualTo(importsBefore);
        assertThat(count("customer")).isEqualTo(customersBefore);
    }

    @Test
    void theMappingNeedsANameColumnAndShowsTheProblemInline() throws Exception {
        UUID id = upload("no-name.csv", ("Email,Notes\nana-" + tag + "@example.com,likes tea\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(page(id)).contains("ana-" + tag + "@example.com");

        assertThat(mvc.post().uri("/customers/import/{id}/start", id).with(as()).with(csrf())
                .param("column0", "EMAIL").param("column1", "NOTE"))
                .hasStatusOk().bodyText().contains("Choose the column that holds the customer");
        assertThat(importer.require(id).status()).isEqualTo(CustomerImport.Status.MAPPING);
    }

    @Test
    void agentsCannotImport() {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        SignedInAgent agent = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow());
        assertThat(mvc.get().uri("/customers/import").with(authentication(signedIn(agent))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/customers/import").multipart().file(new MockMultipartFile("file", "a.csv", "text/csv",
                "Name\nAna\n".getBytes(StandardCharsets.UTF_8))).with(authentication(signedIn(agent))).with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFileOverTheServersLimitIsAnsweredInWords() throws Exception {
        String token = apiAccess.issue(lead.id(), "upload-limit").secret();
        String boundary = "rapport-" + tag;
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + 26 * 1024 * 1024 + tail.length];
        java.util.Arrays.fill(body, (byte) 'x');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);

        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/customers"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("too large").contains("25 MB");
    }

    private UUID upload(String name, byte[] content) {
        MvcTestResult result = mvc.post().uri("/customers/import").multipart()
                .file(new MockMultipartFile("file", name, "text/csv", content)).with(as()).with(csrf()).exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND);
        String location = result.getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private String uploadRefused(String name, byte[] content) throws Exception {
        MvcTestResult result = mvc.post().uri("/customers/import").multipart()
                .file(new MockMultipartFile("file", name, "text/csv", content)).with(as()).with(csrf()).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(UUID id) throws Exception {
        return mvc.get().uri("/customers/import/{id}", id).with(as()).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private CustomerImport awaitFinished(UUID id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        CustomerImport upload = importer.require(id);
        while (!upload.finished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            upload = importer.require(id);
        }
        return upload;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private RequestPostProcessor as() {
        return authentication(signedIn(lead));
    }

    private static UsernamePasswordAuthenticationToken signedIn(SignedInAgent agent) {
        return UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities());
    }
}
