package dev.rapport.conversations;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The content type to keep for a file an agent attaches. What a browser declares is trusted only as far as the
 * file bears it out: a file that starts like a PNG, JPEG, GIF, WebP or PDF is that; one that claims to be an image or
 * a PDF but does not start like one is judged by its name instead, never kept as an image (images are the only files
 * Rapport shows inline). Anything unknown is {@code application/octet-stream}.
 */
final class ContentTypes {

    static final String UNKNOWN = "application/octet-stream";
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private ContentTypes() {
    }

    static String of(NewAttachment file) {
        Optional<String> sniffed = sniff(head(file));
        if (sniffed.isPresent()) {
            return sniffed.get();
        }
        String declared = declared(file.contentType());
        if (declared != null && !claimsMagic(declared)) {
            return declared;
        }
        return MediaTypeFactory.getMediaType(file.fileName() == null ? "" : file.fileName())
                .map(MediaType::toString).map(type -> type.toLowerCase(Locale.ROOT))
                .filter(type -> !claimsMagic(type) && TYPE.matcher(type).matches())
                .orElse(UNKNOWN);
    }

    /** Types whose files always start the same way: believed only when they do. */
    private static boolean claimsMagic(String type) {
        return type.startsWith("image/") || type.equals("application/pdf");
    }

    private static String declared(String type) {
        if (type == null) {
            return null;
        }
        String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return TYPE.matcher(bare).matches() && !bare.equals(UNKNOWN) ? bare : null;
    }

    static Optional<String> sniff(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of("image/webp");
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] head(NewAttachment file) {
        try (InputStream in = file.content().open()) {
            return Arrays.copyOf(in.readNBytes(16), 16);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
