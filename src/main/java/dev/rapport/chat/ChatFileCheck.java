package dev.rapport.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a visitor's file may be attached, and with which content type, from its name and its first bytes,
 * never from what the browser claims: an image must really start like one (so the agent's thumbnail is an image), a
 * PDF like a PDF, and no file may be a program or a web page under another name.
 */
final class ChatFileCheck {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("rtf", "application/rtf"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"));

    /** A file that passed: the content type Rapport keeps it under. */
    record Accepted(String contentType) {
    }

    private final ChatFileSettings settings;

    ChatFileCheck(ChatFileSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws ChatRefused {@code file-too-big}, {@code file-type} or {@code file-empty}, with words for the visitor
     */
    Accepted check(String fileName, long size, byte[] head) {
        String name = fileName == null || fileName.isBlank() ? "The file" : fileName.strip();
        if (size <= 0) {
            throw new ChatRefused("file-empty", name + " is empty.");
        }
        if (size > settings.maxSize().toBytes()) {
            throw new ChatRefused("file-too-big", name + " is " + megabytes(size) + "; files can be at most "
                    + megabytes(settings.maxSize().toBytes()) + ".");
        }
        String extension = extension(name);
        if (!settings.types().contains(extension)) {
            throw new ChatRefused("file-type", (extension.isEmpty() ? "Files without a type" : "." + extension
                    + " files") + " cannot be sent here. Please send an image, a PDF or a document.");
        }
        String type = TYPES.getOrDefault(extension, "application/octet-stream");
        if (type.startsWith("image/") && !startsLike(type, head)) {
            throw new ChatRefused("file-type", name + " is not a picture we can show. Please send a PNG, JPEG, GIF or "
                    + "WebP image.");
        }
        if (type.equals("application/pdf") && !startsWith(head, "%PDF")) {
            throw new ChatRefused("file-type", name + " is not a PDF.");
        }
        if (isProgramOrPage(head)) {
            throw new ChatRefused("file-type", name + " looks like a program or a web page, which cannot be sent.");
        }
        return new Accepted(type);
    }

    static byte[] head(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(512);
        }
    }

    static String extension(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT).strip();
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1);
    }

    private static boolean startsLike(String type, byte[] head) {
        return switch (type) {
            case "image/png" -> startsWith(head, (byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            case "image/jpeg" -> startsWith(head, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
            case "image/gif" -> startsWith(head, "GIF8");
            case "image/webp" -> startsWith(head, "RIFF") && head.length >= 12
                    && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP");
            default -> false;
        };
    }

    private static boolean isProgramOrPage(byte[] head) {
        if (startsWith(head, "MZ") || startsWith(head, (byte) 0x7F, (byte) 'E', (byte) 'L', (byte) 'F')
                || startsWith(head, (byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE)) {
            return true;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "").stripLeading()
                .toLowerCase(Locale.ROOT);
        return text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<svg")
                || text.startsWith("<script") || text.startsWith("<?xml") && text.contains("<svg");
    }

    private static boolean startsWith(byte[] head, String prefix) {
        return startsWith(head, prefix.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] head, byte... prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 10 || mb == Math.rint(mb) ? Math.round(mb) + " MB"
                : String.format(Locale.ROOT, "%.1f MB", mb);
    }
}
