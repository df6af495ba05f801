package dev.rapport.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw message: nested multiparts, any charset Java knows (with the usual mislabels forgiven), quoted-printable
 * and base64, RFC 2047 headers and RFC 2047/2231 file names, inline images, delivery reports. HTML is sanitised here,
 * once; remote images stay in it and are blocked when shown until an agent allows them.
 */
final class EmailParser {

    /**
     * Jakarta Mail looks its stream provider up again for every header block, body part and decoded stream, and
     * without this property that lookup is a ServiceLoader scan of every jar on the class path: a tenth of the CPU
     * time of ingesting a message. Named, it is one class lookup.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static final Session SESSION = Session.getInstance(properties());
    private static final Pattern ANGLE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("center", "font", "hr", "s", "strike")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addAttributes(":all", "dir")
            .addProtocols("img", "src", "cid", "data", "http", "https")
            .addProtocols("a", "href", "mailto", "http", "https")
            .preserveRelativeLinks(false);

    private EmailParser() {
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.put("mail.mime.address.strict", "false");
        return properties;
    }

    /** @throws UnreadableEmail when the message cannot be read at all */
    static ParsedEmail parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Collector collector = new Collector();
            collector.walk(message, 0);
            String html = collector.html;
            String text = collector.text != null ? collector.text : html == null ? "" : textOf(html);
            ParsedEmail.Address from = first(safe(message::getFrom))
                    .orElseGet(() -> first(safe(() -> message.getReplyTo())).orElse(null));
            return new ParsedEmail(messageId(message.getHeader("Message-ID", null)), references(message),
                    header(message, "Thread-Index"), decode(header(message, "Subject")), from,
                    addresses(safe(() -> message.getRecipients(Message.RecipientType.TO))),
                    addresses(safe(() -> message.getRecipients(Message.RecipientType.CC))),
                    text.strip(), html, collector.files,
                    new ParsedEmail.Noise(header(message, "Auto-Submitted"), header(message, "Precedence"),
                            message.getHeader("X-Autoreply") != null, message.getHeader("X-Autorespond") != null,
                            collector.deliveryReport, header(message, "X-Rapport-Loop")),
                    returnPath(message), collector.bounce());
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableEmail(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The message cannot be read; the reason says why in a line. */
    static final class UnreadableEmail extends RuntimeException {
        UnreadableEmail(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private static final class Collector {
        String text;
        String html;
        final List<ParsedEmail.Part> files = new ArrayList<>();
        boolean deliveryReport;
        String originalMessageId;
        String diagnostic;
        String status;

        void walk(Part part, int depth) throws MessagingException, IOException {
            if (depth > 20) {
                throw new MessagingException("Parts are nested more than 20 deep");
            }
            String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
            String disposition = safeDisposition(part);
            String fileName = fileName(part);
            if (part.isMimeType("multipart/*")) {
                if (part.isMimeType("multipart/report") && type.contains("delivery-status")) {
                    deliveryReport = true;
                }
                Object content = part.getContent();
                if (!(content instanceof Multipart multipart)) {
                    throw new MessagingException("A multipart without parts");
                }
                if (multipart.getCount() == 0) {
                    throw new MessagingException("Missing start boundary: the multipart has no parts");
                }
                boolean alternative = part.isMimeType("multipart/alternative");
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (alternative && child.isMimeType("text/plain") && text != null) {
                        continue;
                    }
                    walk(child, depth + 1);
                }
                return;
            }
            if (part.isMimeType("message/delivery-status")) {
                deliveryReport = true;
                readDeliveryStatus(bytes(part));
                return;
            }
            if (deliveryReport && (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers"))) {
                InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(bytes(part)));
                String id = headers.getHeader("Message-ID", null);
                if (id != null) {
                    originalMessageId = messageId(id);
                }
                return;
            }
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName != null
                    && !part.isMimeType("text/plain") && !part.isMimeType("text/html"))
                    || (fileName != null && Part.ATTACHMENT.equalsIgnoreCase(disposition));
            if (!attachment && part.isMimeType("text/plain") && text == null) {
                text = textContent(part);
                return;
            }
            if (!attachment && part.isMimeType("text/html") && html == null) {
                html = textContent(part);
                return;
            }
            String contentId = part instanceof jakarta.mail.internet.MimePart mime ? mime.getContentID() : null;
            if (contentId != null) {
                contentId = contentId.replaceAll("^<|>$", "");
            }
            String baseType = baseType(type);
            String name = fileName != null ? fileName
                    : (contentId != null ? contentId : "attachment") + extensionFor(baseType);
            files.add(new ParsedEmail.Part(name, baseType, bytes(part), contentId,
                    contentId != null && !Part.ATTACHMENT.equalsIgnoreCase(disposition)));
        }

        private void readDeliveryStatus(byte[] content) {
            String report = new String(content, StandardCharsets.ISO_8859_1);
            for (String line : report.split("\r?\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("diagnostic-code:") && diagnostic == null) {
                    diagnostic = line.substring(line.indexOf(':') + 1).strip().replaceFirst("^(?i)smtp;\\s*", "");
                } else if (lower.startsWith("status:") && status == null) {
                    status = line.substring(line.indexOf(':') + 1).strip();
                }
            }
        }

        ParsedEmail.Bounce bounce() {
            if (!deliveryReport && originalMessageId == null) {
                return null;
            }
            String reason = diagnostic != null ? diagnostic
                    : status != null ? "Delivery status " + status : "The receiving server sent the mail back.";
            return new ParsedEmail.Bounce(originalMessageId, reason);
        }
    }

    private static String textContent(Part part) throws MessagingException, IOException {
        byte[] bytes = bytes(part);
        String charset = null;
        try {
            charset = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            // a broken Content-Type: read it as UTF-8 or Latin-1 below
        }
        return decodeText(bytes, charset);
    }

    static String decodeText(byte[] bytes, String declared) {
        Charset charset = charset(declared);
        if (charset == null) {
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            return utf8.contains("\uFFFD") ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8;
        }
        return new String(bytes, charset);
    }

    private static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = MimeUtility.javaCharset(declared.strip().replace("\"", ""));
        String lower = name.toLowerCase(Locale.ROOT);
        // the mislabels mail clients are known for: Latin-1 that is really Windows-1252, GB2312 that is GBK
        if (lower.equals("iso-8859-1") || lower.equals("iso8859_1") || lower.equals("us-ascii")) {
            name = "windows-1252";
        } else if (lower.equals("gb2312") || lower.equals("euc_cn")) {
            name = "GB18030";
        } else if (lower.equals("shift_jis") || lower.equals("sjis")) {
            name = "windows-31j";
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            if (name.contains("=?")) {
                name = MimeUtility.decodeText(name);
            }
            name = name.replaceAll("[\\\\/]", "_").strip();
            return name.isEmpty() ? null : name;
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            return "attachment";
        }
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String baseType(String type) {
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    }

    private static String extensionFor(String type) {
        return switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "application/pdf" -> ".pdf";
            case "text/calendar" -> ".ics";
            case "message/rfc822" -> ".eml";
            default -> ".bin";
        };
    }

    static String sanitise(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, output);
    }

    /** The readable text of an HTML-only mail; quoted history (blockquote, Gmail's and Outlook's quotes) marked "> ". */
    static String textOf(String html) {
        Document document = Jsoup.parse(html);
        for (Element quote : document.select("blockquote, div.gmail_quote, #divRplyFwdMsg, #appendonsend")) {
            quote.before("\n-----Original Message-----\n");
        }
        document.select("br").after("\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6").after("\n");
        document.select("script, style, head").remove();
        String text = document.body() == null ? document.wholeText() : document.body().wholeText();
        return text.replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, null);
        return value == null ? null : value.strip();
    }

    static String decode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value)).strip();
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value.strip();
        }
    }

    static String messageId(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = ANGLE_ID.matcher(value);
        if (matcher.find()) {
            return matcher.group();
        }
        String bare = value.strip();
        return bare.isEmpty() || bare.contains(" ") ? null : "<" + bare + ">";
    }

    private static List<String> references(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>();
        String inReplyTo = message.getHeader("In-Reply-To", " ");
        if (inReplyTo != null) {
            ANGLE_ID.matcher(inReplyTo).results().map(java.util.regex.MatchResult::group).forEach(ids::add);
        }
        String references = message.getHeader("References", " ");
        if (references != null) {
            List<String> older = new ArrayList<>(ANGLE_ID.matcher(references).results().map(java.util.regex.MatchResult::group).toList());
            java.util.Collections.reverse(older);
            older.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        return List.copyOf(ids);
    }

    private static String returnPath(MimeMessage message) throws MessagingException {
        String value = message.getHeader("Return-Path", null);
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.equals("<>") || stripped.isEmpty() ? "" : stripped.replaceAll("^<|>$", "");
    }

    private static java.util.Optional<ParsedEmail.Address> first(Address[] addresses) {
        return addresses(addresses).stream().findFirst();
    }

    private static List<ParsedEmail.Address> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses).filter(InternetAddress.class::isInstance).map(InternetAddress.class::cast)
                .filter(address -> address.getAddress() != null && address.getAddress().contains("@"))
                .map(address -> new ParsedEmail.Address(address.getAddress().strip().toLowerCase(Locale.ROOT),
                        address.getPersonal() == null ? null : address.getPersonal().strip()))
                .toList();
    }

    private interface Reading<T> {
        T read() throws MessagingException;
    }

    /** Address headers that cannot be read count as absent rather than making the whole message unreadable. */
    private static <T> T safe(Reading<T> reading) {
        try {
            return reading.read();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
