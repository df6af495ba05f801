package dev.rapport.web;

import dev.rapport.agents.ApiAccess;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.ApiClient;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every customers endpoint over real HTTP with a bearer token, with its RFC 9457 problems. */
@RapportWebTest
class CustomersApiTests {

    @LocalServerPort int port;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired ApiAccess apiAccess;
    @Autowired dev.rapport.customers.CustomerAttributes attributes;

    private ApiClient api;
    private String token;
    private String agentName;
    private String tag;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        TestBusiness.ensureSetUp(profile);
        tag = "k" + UUID.randomUUID().toString().substring(0, 7);
        agentName = "Maria " + tag;
        String email = "maria-" + tag + "@rapport.test";
        var invited = roster.invite(agentName, EmailAddress.of(email), Role.AGENT, Set.of());
        var agent = passwords.acceptInvitation(invited.invitationToken(), TestBusiness.PASSWORD);
        token = apiAccess.issue(agent.id(), "test").secret();
    }

    @Test
    void createsReadsChangesAndLooksUpACustomerByEmailAndByPhoneInAnyFormat() throws Exception {
        Phone phone = Phone.random();
        HttpResponse<String> created = api.send("POST", "/api/v1/customers", token, """
                {"name": "Paul Martin", "preferredName": "Paulie", "emails": ["Paul-%s@Example.com"],
                 "phones": ["%s"], "passions": ["Hot Wheels, collects since his sons were little"]}"""
                .formatted(tag, phone.international()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long number = Long.parseLong(field(created.body(), "number"));
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/customers/" + number));
        assertThat(created.body()).contains("\"name\":\"Paul Martin\"").contains("\"preferredName\":\"Paulie\"")
                .contains("{\"kind\":\"EMAIL\",\"value\":\"paul-" + tag + "@example.com\"}")
                .contains("{\"kind\":\"PHONE\",\"value\":\"" + phone.e164() + "\"}")
                .contains("\"text\":\"Hot Wheels, collects since his sons were little\"")
                .contains("\"learnedBy\":\"" + agentName + "\"")
                .contains("\"erased\":false");

        HttpResponse<String> read = api.send("GET", "/api/v1/customers/" + number, token, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"number\":" + number).contains("\"preferredName\":\"Paulie\"")
                .contains(phone.e164());

        HttpResponse<String> changed = api.send("PATCH", "/api/v1/customers/" + number, token, """
                {"preferredName": "Pauli", "pronunciation": "POW-lee", "segment": "dealer",
                 "organisation": "Harbour Models %s", "doNotContact": ["PHONE"]}""".formatted(tag));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"name\":\"Paul Martin\"").contains("\"preferredName\":\"Pauli\"")
                .contains("\"pronunciation\":\"POW-lee\"").contains("\"segment\":\"dealer\"")
                .contains("\"organisation\":\"Harbour Models " + tag + "\"").contains("\"doNotContact\":[\"PHONE\"]")
                .contains("paul-" + tag + "@example.com");
        assertThat(api.send("GET", "/api/v1/customers/" + number, token, null).body())
                .contains("\"preferredName\":\"Pauli\"").contains("\"segment\":\"dealer\"");

        for (String email : List.of("paul-" + tag + "@example.com", "PAUL-" + tag + "@EXAMPLE.COM",
                " Paul-" + tag + "@example.com ")) {
            HttpResponse<String> found = api.send("GET", "/api/v1/customers?email=" + encode(email), token, null);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(numbers(found.body())).as(email).containsExactly(number);
        }
        for (String format : List.of(phone.international(), phone.local(), phone.digits(), phone.e164(),
                "1-" + phone.dashed())) {
            HttpResponse<String> found = api.send("GET", "/api/v1/customers?phone=" + encode(format), token, null);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(numbers(found.body())).as(format).containsExactly(number);
            assertThat(found.body()).contains("\"preferredName\":\"Pauli\"").contains("\"next\":null");
        }
        assertThat(numbers(api.send("GET", "/api/v1/customers?q=" + encode(phone.local()), token, null).body()))
                .containsExactly(number);

        HttpResponse<String> nobody = api.send("GET", "/api/v1/customers?email=" + encode("nobody-" + tag
                + "@example.com"), token, null);
        assertThat(nobody.statusCode()).isEqualTo(200);
        assertThat(nobody.body()).contains("\"items\":[]");
    }

    @Test
    void anIdentityOfAnotherCustomerIsA409ProblemNamingThatCustomer() throws Exception {
        Phone phone = Phone.random();
        long ana = create("{\"name\": \"Ana Souza\", \"emails\": [\"ana-" + tag + "@example.com\"], \"phones\": [\""
                + phone.e164() + "\"]}");
        long other = create("{\"name\": \"Another Ana\"}");

        HttpResponse<String> taken = api.send("POST", "/api/v1/customers/" + other + "/identities", token,
                "{\"kind\": \"EMAIL\", \"value\": \"ANA-" + tag + "@Example.com\"}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertProblem(taken);
        assertThat(taken.body()).contains("\"customer\":" + ana)
                .contains("ana-" + tag + "@example.com already belongs to customer #" + ana + ".");

        HttpResponse<String> phoneTaken = api.send("POST", "/api/v1/customers/" + other + "/identities", token,
                "{\"kind\": \"PHONE\", \"value\": \"" + phone.local() + "\"}");
        assertThat(phoneTaken.statusCode()).isEqualTo(409);
        assertThat(phoneTaken.body()).contains("\"customer\":" + ana);

        HttpResponse<String> createdTaken = api.send("POST", "/api/v1/customers", token,
                "{\"name\": \"Ana Again\", \"emails\": [\"ana-" + tag + "@example.com\"]}");
        assertThat(createdTaken.statusCode()).isEqualTo(409);
        assertThat(createdTaken.body()).contains("\"customer\":" + ana);
        assertThat(numbers(api.send("GET", "/api/v1/customers?q=" + encode("Ana Again"), token, null).body()))
                .as("nothing stored for the refused customer").isEmpty();

        assertThat(api.send("GET", "/api/v1/customers/" + other, token, null).body()).contains("\"identities\":[]");
        HttpResponse<String> own = api.send("POST", "/api/v1/customers/" + other + "/identities", token,
                "{\"kind\": \"CHAT\", \"value\": \"visitor-" + tag + "\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("{\"kind\":\"CHAT\",\"value\":\"visitor-" + tag + "\"}");
        HttpResponse<String> again = api.send("POST", "/api/v1/customers/" + ana + "/identities", token,
                "{\"kind\": \"EMAIL\", \"value\": \"Ana-" + tag + "@example.com\"}");
        assertThat(again.statusCode()).as("adding a customer's own identity again changes nothing").isEqualTo(200);
        assertThat(count(again.body(), "\"kind\":\"EMAIL\"")).isEqualTo(1);
    }

    @Test
    void invalidInputIsA400ProblemThatSaysWhatIsWrong() throws Exception {
        long number = create("{\"name\": \"Lee " + tag + "\"}");

        HttpResponse<String> shortPhone = api.send("POST", "/api/v1/customers/" + number + "/identities", token,
                "{\"kind\": \"PHONE\", \"value\": \"12\"}");
        assertThat(shortPhone.statusCode()).isEqualTo(400);
        assertProblem(shortPhone);
        assertThat(shortPhone.body()).contains("\\\"12\\\" is not a phone number")
                .contains("\"errors\":[{").contains("\"field\":\"value\"");

        HttpResponse<String> wordsForAPhone = api.send("POST", "/api/v1/customers", token,
                "{\"name\": \"Lee\", \"phones\": [\"call me maybe\"]}");
        assertThat(wordsForAPhone.statusCode()).isEqualTo(400);
        assertThat(wordsForAPhone.body()).contains("\\\"call me maybe\\\" is not a phone number")
                .contains("\"field\":\"phones\"");

        HttpResponse<String> badEmail = api.send("POST", "/api/v1/customers", token,
                "{\"name\": \"Lee\", \"emails\": [\"not-an-email\"]}");
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(badEmail.body()).contains("\"field\":\"emails\"");
        HttpResponse<String> noName = api.send("POST", "/api/v1/customers", token, "{\"name\": \" \"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("A customer needs a name.");
        HttpResponse<String> noKind = api.send("POST", "/api/v1/customers/" + number + "/identities", token,
                "{\"value\": \"x\"}");
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("kind: must be EMAIL, PHONE, CHAT or EXTERNAL");
        HttpResponse<String> fax = api.send("POST", "/api/v1/customers/" + number + "/identities", token,
                "{\"kind\": \"FAX\", \"value\": \"x\"}");
        assertProblem(fax, 400);
        assertThat(fax.body()).contains("\"field\":\"kind\"").contains("FAX");
        HttpResponse<String> notJson = api.send("POST", "/api/v1/customers", token, "{not json");
        assertProblem(notJson, 400);
        assertThat(notJson.body()).contains("not valid JSON");
        HttpResponse<String> emptyPassion = api.send("POST", "/api/v1/customers/" + number + "/passions", token,
                "{\"text\": \"\"}");
        assertThat(emptyPassion.statusCode()).isEqualTo(400);
        assertThat(emptyPassion.body()).contains("Write what they are passionate about.");
        assertThat(api.send("POST", "/api/v1/customers/" + number + "/notes", token, "{\"body\": \"  \"}").body())
                .contains("The note is empty.");
        assertThat(api.send("PUT", "/api/v1/customers/" + number + "/value", token, "{\"lifetimeSpend\": -1}").body())
                .contains("Spend cannot be negative.");
        assertThat(api.send("GET", "/api/v1/customers/" + number, token, null).body())
                .contains("\"identities\":[]").contains("\"passions\":[]").contains("\"notes\":[]")
                .contains("\"lifetimeSpend\":null");
    }

    @Test
    void passionsNotesAndValueAreRecordedWithWhoAndWhen() throws Exception {
        long number = create("{\"name\": \"Eve Example\"}");

        HttpResponse<String> passion = api.send("POST", "/api/v1/customers/" + number + "/passions", token,
                "{\"text\": \"Bakes sourdough every Sunday\"}");
        assertThat(passion.statusCode()).as(passion.body()).isEqualTo(200);
        assertThat(passion.body()).contains("\"text\":\"Bakes sourdough every Sunday\"")
                .contains("\"learnedBy\":\"" + agentName + "\"").containsPattern("\"learnedAt\":\"\\d{4}-");

        HttpResponse<String> note = api.send("POST", "/api/v1/customers/" + number + "/notes", token,
                "{\"body\": \"Prefers email after 5 pm\", \"pinned\": true}");
        assertThat(note.statusCode()).isEqualTo(200);
        assertThat(note.body()).contains("\"body\":\"Prefers email after 5 pm\"")
                .contains("\"author\":\"" + agentName + "\"").contains("\"pinned\":true");
        HttpResponse<String> second = api.send("POST", "/api/v1/customers/" + number + "/notes", token,
                "{\"body\": \"Asked about gift wrapping\"}");
        assertThat(second.body()).containsSubsequence("\"Prefers email after 5 pm\"", "\"Asked about gift wrapping\"")
                .contains("\"pinned\":false");

        HttpResponse<String> value = api.send("PUT", "/api/v1/customers/" + number + "/value", token,
                "{\"lifetimeSpend\": 1234.50, \"spendLast30Days\": 99.9}");
        assertThat(value.statusCode()).as(value.body()).isEqualTo(200);
        assertThat(value.body()).containsPattern("\"lifetimeSpend\":1234\\.50?[,}]")
                .containsPattern("\"spendLast30Days\":99\\.90?[,}]");

        String read = api.send("GET", "/api/v1/customers/" + number, token, null).body();
        assertThat(read).contains("Bakes sourdough every Sunday").contains("Prefers email after 5 pm")
                .contains("Asked about gift wrapping").containsPattern("\"lifetimeSpend\":1234\\.50?[,}]");
    }

    @Test
    void anUnknownCustomerIsA404ProblemAndEveryEndpointNeedsAToken() throws Exception {
        for (String[] call : List.of(new String[] {"GET", "/api/v1/customers/999999999", null},
                new String[] {"PATCH", "/api/v1/customers/999999999", "{\"name\": \"X\"}"},
                new String[] {"POST", "/api/v1/customers/999999999/identities", "{\"kind\":\"EMAIL\",\"value\":\"x@y.example\"}"},
                new String[] {"POST", "/api/v1/customers/999999999/passions", "{\"text\": \"Chess\"}"},
                new String[] {"POST", "/api/v1/customers/999999999/notes", "{\"body\": \"Hi\"}"},
                new String[] {"PUT", "/api/v1/customers/999999999/value", "{\"lifetimeSpend\": 1}"})) {
            HttpResponse<String> missing = api.send(call[0], call[1], token, call[2]);
            assertThat(missing.statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
            assertProblem(missing);
            assertThat(missing.body()).contains("There is no customer #999999999.");
        }

        long number = create("{\"name\": \"Zoe " + tag + "\"}");
        for (String[] call : List.of(new String[] {"GET", "/api/v1/customers", null},
                new String[] {"GET", "/api/v1/customers/" + number, null},
                new String[] {"POST", "/api/v1/customers", "{\"name\": \"Sneaky " + tag + "\"}"},
                new String[] {"PATCH", "/api/v1/customers/" + number, "{\"name\": \"Changed\"}"},
                new String[] {"POST", "/api/v1/customers/" + number + "/notes", "{\"body\": \"Hi\"}"})) {
            HttpResponse<String> anonymous = api.send(call[0], call[1], null, call[2]);
            assertThat(anonymous.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertProblem(anonymous);
            assertThat(api.send(call[0], call[1], "rpt_not-a-real-token", call[2]).statusCode()).isEqualTo(401);
        }
        assertThat(api.send("GET", "/api/v1/customers/" + number, token, null).body())
                .contains("\"name\":\"Zoe " + tag + "\"").contains("\"notes\":[]");
        assertThat(numbers(api.send("GET", "/api/v1/customers?q=" + encode("Sneaky " + tag), token, null).body()))
                .isEmpty();
    }

    @Test
    void listsAndSearchesNewestFirstInPages() throws Exception {
        long first = create("{\"name\": \"Pager One " + tag + "\", \"emails\": [\"one-" + tag + "@example.com\"]}");
        long second = create("{\"name\": \"Pager Two " + tag + "\", \"organisation\": \"Toy Barn " + tag + "\"}");
        long third = create("{\"name\": \"Pager Three " + tag + "\", \"preferredName\": \"Trey\"}");

        HttpResponse<String> page1 = api.send("GET", "/api/v1/customers?q=" + tag + "&size=2", token, null);
        assertThat(page1.statusCode()).isEqualTo(200);
        assertThat(numbers(page1.body())).containsExactly(third, second);
        String cursor = field(page1.body(), "next");
        assertThat(cursor).isEqualTo(String.valueOf(second));

        HttpResponse<String> page2 = api.send("GET", "/api/v1/customers?q=" + tag + "&size=2&cursor=" + cursor, token,
                null);
        assertThat(page2.statusCode()).isEqualTo(200);
        assertThat(numbers(page2.body())).containsExactly(first);
        assertThat(page2.body()).contains("\"next\":null");

        assertThat(numbers(api.send("GET", "/api/v1/customers?q=" + tag, token, null).body()))
                .containsExactly(third, second, first);
        assertThat(api.send("GET", "/api/v1/customers?q=" + tag, token, null).body())
                .contains("\"preferredName\":\"Trey\"").contains("\"organisation\":\"Toy Barn " + tag + "\"")
                .contains("\"email\":\"one-" + tag + "@example.com\"");
        assertThat(numbers(api.send("GET", "/api/v1/customers?q=" + encode("ONE-" + tag + "@ex"), token, null).body()))
                .containsExactly(first);
        assertThat(numbers(api.send("GET", "/api/v1/customers?q=" + encode("toy barn " + tag), token, null).body()))
                .containsExactly(second);
        assertThat(numbers(api.send("GET", "/api/v1/customers?q=" + encode("#" + third), token, null).body()))
                .containsExactly(third);

        HttpResponse<String> everyone = api.send("GET", "/api/v1/customers?size=2", token, null);
        assertThat(everyone.statusCode()).isEqualTo(200);
        assertThat(numbers(everyone.body())).hasSize(2).first().isEqualTo(third);
        assertThat(field(everyone.body(), "next")).isNotEqualTo("null");
        assertProblem(api.send("GET", "/api/v1/customers?cursor=garbage", token, null), 400);
    }

    @Test
    void attributesAreListedSetCheckedAndClearedOverTheApi() throws Exception {
        var type = attributes.define("Buyer " + tag, "choice", "dealer\nend user");
        var since = attributes.define("Since " + tag, "date", "");
        HttpResponse<String> definitions = api.send("GET", "/api/v1/customer-attributes", token, null);
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"key\":\"" + type.key() + "\"").contains("\"CHOICE\"")
                .contains("\"end user\"");

        long number = create("{\"name\": \"Attr " + tag + "\", \"attributes\": {\"" + type.key()
                + "\": \"DEALER\"}}");
        HttpResponse<String> wrong = api.send("PUT", "/api/v1/customers/" + number + "/attributes", token,
                "{\"" + since.key() + "\": \"yesterday\", \"" + type.key() + "\": \"retailer\"}");
        assertProblem(wrong, 400);
        assertThat(wrong.body()).contains("\"field\":\"attributes." + since.key() + "\"")
                .contains("\"field\":\"attributes." + type.key() + "\"").contains("is not one of dealer, end user");
        assertThat(api.send("GET", "/api/v1/customers/" + number, token, null).body())
                .contains("\"" + type.key() + "\":\"dealer\"").doesNotContain(since.key());

        HttpResponse<String> set = api.send("PUT", "/api/v1/customers/" + number + "/attributes", token,
                "{\"" + since.key() + "\": \"2019-04-01\", \"" + type.key() + "\": null}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).contains("\"" + since.key() + "\":\"2019-04-01\"").doesNotContain(type.key());
    }

    private long create(String json) throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/v1/customers", token, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(field(created.body(), "number"));
    }

    /** A US number written the ways people write it, unique enough for one test run. */
    private record Phone(String area, String exchange, String line) {

        static Phone random() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new Phone("415", String.valueOf(random.nextInt(200, 1000)),
                    "%04d".formatted(random.nextInt(10_000)));
        }

        String e164() {
            return "+1" + area + exchange + line;
        }

        String international() {
            return "+1 " + area + " " + exchange + " " + line;
        }

        String local() {
            return "(" + area + ") " + exchange + "-" + line;
        }

        String dashed() {
            return area + "-" + exchange + "-" + line;
        }

        String digits() {
            return area + exchange + line;
        }
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + response.statusCode()).contains("\"title\":")
                .contains("\"type\":\"https://rapport.dev/problems/");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertProblem(response);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The customer numbers of a list answer's items, in order. */
    private static List<Long> numbers(String json) {
        assertThat(json).contains("\"items\":[");
        Matcher matcher = Pattern.compile("\"number\":(\\d+)").matcher(json);
        return matcher.results().map(result -> Long.parseLong(result.group(1))).toList();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
