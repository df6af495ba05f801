package dev.rapport.conversations.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Attachment;
import dev.rapport.conversations.AttachmentStore;
import dev.rapport.conversations.Desk;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Serves attachments to agents who may see their conversation. Anything but a plain image is sent as a download, so
 * a customer's file can never run as a page of Rapport.
 */
@Controller
class AttachmentController {

    private final Desk desk;
    private final AttachmentStore store;

    AttachmentController(Desk desk, AttachmentStore store) {
        this.desk = desk;
        this.store = store;
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me)
            throws IOException {
        Attachment attachment = desk.attachment(id, me);
        String type = AttachmentStore.servedType(attachment);
        ContentDisposition disposition = (type.startsWith("image/") ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(attachment.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .contentLength(attachment.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(new InputStreamResource(store.open(attachment)));
    }
}
