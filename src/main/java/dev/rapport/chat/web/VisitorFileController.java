package dev.rapport.chat.web;

import dev.rapport.chat.ChatDesk;
import dev.rapport.chat.ChatFiles;
import dev.rapport.chat.ChatJson;
import dev.rapport.chat.ChatRefused;
import dev.rapport.chat.ChatWidget;
import dev.rapport.chat.Visitor;
import dev.rapport.conversations.AttachmentStore;
import dev.rapport.conversations.NewAttachment;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Files in the widget: a visitor sends one as a multipart post ({@code POST /chat/visitor/files}, a simple request, so
 * no CORS preflight) and downloads those of their own chat ({@code GET /chat/visitor/files/{id}}), each time named by
 * their token and passing the same gate as every visitor request (known widget, allowed website, network within its
 * limit). Downloads are always attachments, never rendered by the browser as a page.
 */
@Controller
class VisitorFileController {

    private final VisitorGate gate;
    private final ChatDesk chats;
    private final ChatFiles files;

    VisitorFileController(VisitorGate gate, ChatDesk chats, ChatFiles files) {
        this.gate = gate;
        this.chats = chats;
        this.files = files;
    }

    @PostMapping(path = "/chat/visitor/files", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> send(@RequestParam(name = "w", required = false) String widgetKey,
                                @RequestParam(required = false) String token,
                                @RequestParam(required = false) String id,
                                @RequestParam(required = false) MultipartFile file,
                                @RequestParam(required = false) String caption,
                                @RequestParam(required = false) String name,
                                @RequestParam(required = false) String email, HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        Admission admitted = admit(widgetKey, token, id, request);
        if (admitted.refusal() != null) {
            return admitted.refusal();
        }
        if (file == null) {
            return allowed(origin, HttpStatus.BAD_REQUEST, error(id, "no-file", "Choose a file to send."));
        }
        try {
            ChatDesk.Said said = files.send(admitted.widget(), admitted.visitor().id(), id,
                    new NewAttachment(file.getOriginalFilename(), file.getContentType(), file.getSize(),
                            file::getInputStream), caption, name, email);
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("type", "ack");
            ack.put("id", id);
            ack.put("seq", said.line().seq());
            ack.put("duplicate", said.duplicate());
            ack.put("number", chats.numberOf(said.line()));
            ack.put("line", chats.linesJson(java.util.List.of(said.line())).getFirst());
            return allowed(origin, HttpStatus.OK, ChatJson.write(ack));
        } catch (ChatRefused refused) {
            HttpStatus status = switch (refused.code()) {
                case "file-too-big" -> HttpStatus.CONTENT_TOO_LARGE;
                case "file-type" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case "too-fast" -> HttpStatus.TOO_MANY_REQUESTS;
                default -> HttpStatus.UNPROCESSABLE_CONTENT;
            };
            return allowed(origin, status, error(id, refused.code(), refused.getMessage()));
        }
    }

    @GetMapping("/chat/visitor/files/{attachment}")
    ResponseEntity<?> download(@PathVariable String attachment,
                               @RequestParam(name = "w", required = false) String widgetKey,
                               @RequestParam(required = false) String token, HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        Admission admitted = admit(widgetKey, token, null, request);
        if (admitted.refusal() != null) {
            return admitted.refusal();
        }
        UUID id;
        try {
            id = UUID.fromString(attachment);
        } catch (IllegalArgumentException e) {
            return allowed(origin, HttpStatus.NOT_FOUND, error(null, "no-file", "There is no such file."));
        }
        Optional<ChatFiles.Download> download = files.open(admitted.visitor(), id);
        if (download.isEmpty()) {
            return allowed(origin, HttpStatus.NOT_FOUND, error(null, "no-file", "There is no such file."));
        }
        var file = download.get().attachment();
        return ResponseEntity.ok()
                .header("Access-Control-Allow-Origin", origin)
                .header(HttpHeaders.VARY, "Origin")
                .contentType(MediaType.parseMediaType(AttachmentStore.servedType(file)))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.get().content()));
    }

    /** The widget and the visitor a request comes from, or the answer refusing it. */
    private record Admission(ChatWidget widget, Visitor visitor, ResponseEntity<String> refusal) {
    }

    /** The gate every visitor request passes (known widget, allowed website, network within limits), then the token. */
    private Admission admit(String widgetKey, String token, String id, HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        VisitorGate.Result result = gate.check(widgetKey, origin, request.getRemoteAddr());
        if (!result.allowed()) {
            return new Admission(null, null, refusal(result.refusal()));
        }
        Optional<Visitor> visitor = chats.visitor(result.widget(), token);
        if (visitor.isEmpty()) {
            return new Admission(null, null, allowed(origin, HttpStatus.UNAUTHORIZED,
                    error(id, "hello-first", "Please reconnect.")));
        }
        return new Admission(result.widget(), visitor.get(), null);
    }

    private static String error(String id, String code, String message) {
        return ChatJson.event("error", "id", id, "code", code, "message", message);
    }

    private static ResponseEntity<String> allowed(String origin, HttpStatus status, String json) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header("Access-Control-Allow-Origin", origin).header(HttpHeaders.VARY, "Origin").body(json);
    }

    private static ResponseEntity<String> refusal(VisitorGate.Refusal refusal) {
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON)
                .body(ChatJson.event("error", "code", refusal.status().value(), "message", refusal.reason()));
    }
}
